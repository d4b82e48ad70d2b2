<?xml version="1.0" encoding="UTF-8"?>
<!-- Codes the records share: a book's language as MARC and ONIX name it (ISO 639-2/B). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <xsl:template name="language.code">
    <xsl:param name="tag" select="/a:book/a:metadata/a:language"/>
    <xsl:variable name="primary" select="substring-before(concat($tag, '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="$primary = 'kk'">kaz</xsl:when>
      <xsl:when test="$primary = 'ru'">rus</xsl:when>
      <xsl:when test="$primary = 'en'">eng</xsl:when>
      <xsl:otherwise>und</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The ISBN as digits only. -->
  <xsl:template name="isbn.digits">
    <xsl:param name="isbn"/>
    <xsl:value-of select="translate($isbn, '- ', '')"/>
  </xsl:template>
</xsl:stylesheet>
