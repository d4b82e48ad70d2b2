<?xml version="1.0" encoding="UTF-8"?>
<!-- A chunk document → one XHTML content document: a letter, or part of one. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a">

  <xsl:template match="/a:chunk">
    <html lang="{$lang}" xml:lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="a:metadata/a:title"/> — <xsl:value-of select="@letter"/></title>
        <link rel="stylesheet" type="text/css" href="{$css.href}"/>
      </head>
      <body epub:type="bodymatter">
        <section class="letter" epub:type="chapter" role="doc-chapter" aria-labelledby="letter.title">
          <h1 class="letter-title" id="letter.title"><xsl:value-of select="@letter"/></h1>
          <xsl:apply-templates select="a:entry"/>
        </section>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
