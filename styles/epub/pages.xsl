<?xml version="1.0" encoding="UTF-8"?>
<!-- Front and back matter made from the outline: cover, title page, imprint. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a">

  <xsl:template name="page">
    <xsl:param name="title-key"/>
    <xsl:param name="type"/>
    <xsl:param name="content"/>
    <html lang="{$lang}" xml:lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:call-template name="gentext"><xsl:with-param name="key" select="$title-key"/></xsl:call-template></title>
        <link rel="stylesheet" type="text/css" href="{$css.href}"/>
      </head>
      <body class="{$type}" epub:type="{$type}">
        <xsl:copy-of select="$content"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="cover">
    <xsl:call-template name="page">
      <xsl:with-param name="title-key" select="'cover'"/>
      <xsl:with-param name="type" select="'cover'"/>
      <xsl:with-param name="content">
        <section class="cover-page">
          <xsl:variable name="shown" select="a:resources/a:resource[@role = 'cover'] | a:resources/a:resource[@role = 'cover-image'][not(../a:resource[@role = 'cover'])]"/>
          <img class="cover-image" src="{$shown/@href}" alt="{a:metadata/a:title}"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="titlepage">
    <xsl:call-template name="page">
      <xsl:with-param name="title-key" select="'title-page'"/>
      <xsl:with-param name="type" select="'titlepage'"/>
      <xsl:with-param name="content">
        <section class="title-page">
          <h1 class="book-title"><xsl:value-of select="a:metadata/a:title"/></h1>
          <xsl:if test="a:metadata/a:work-title != a:metadata/a:title">
            <p class="work-title"><xsl:value-of select="a:metadata/a:work-title"/></p>
          </xsl:if>
          <p class="publisher"><xsl:value-of select="a:metadata/a:publisher"/></p>
          <p class="year"><xsl:value-of select="a:metadata/a:year"/></p>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="imprint">
    <xsl:call-template name="page">
      <xsl:with-param name="title-key" select="'imprint'"/>
      <xsl:with-param name="type" select="'backmatter'"/>
      <xsl:with-param name="content">
        <section class="imprint" epub:type="copyright-page" aria-labelledby="imprint-title">
          <h1 id="imprint-title"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'imprint'"/></xsl:call-template></h1>
          <xsl:call-template name="imprint.classification"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
          <dl>
            <xsl:call-template name="imprint.contributors"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
            <xsl:call-template name="imprint.series"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'publisher'"/>
              <xsl:with-param name="value" select="a:metadata/a:publisher"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'year'"/>
              <xsl:with-param name="value" select="a:metadata/a:year"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'isbn'"/>
              <xsl:with-param name="value" select="a:metadata/a:isbn"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'print-isbn'"/>
              <xsl:with-param name="value" select="a:metadata/a:print-isbn"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'entries'"/>
              <xsl:with-param name="value" select="a:metadata/a:entry-count"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'identifier'"/>
              <xsl:with-param name="value" select="a:metadata/a:identifier"/>
            </xsl:call-template>
          </dl>
          <xsl:if test="a:metadata/a:rights"><p class="rights"><xsl:value-of select="a:metadata/a:rights"/></p></xsl:if>
          <p class="fonts"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'fonts'"/></xsl:call-template></p>
          <p class="made-with"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'made-with'"/></xsl:call-template></p>
          <pre class="licence" lang="en" xml:lang="en"><xsl:value-of select="a:font-licence"/></pre>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
