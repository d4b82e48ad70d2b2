<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated text: words the stylesheets add (headings, labels, landmarks),
     looked up in styles/l10n/LANG.xml by key, like DocBook's gentext. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:asyl:l10n:1"
    exclude-result-prefixes="l">

  <!-- The book's language: the root element's xml:lang. -->
  <xsl:variable name="lang" select="/*/@xml:lang"/>
  <xsl:variable name="l10n.strings" select="document(concat($l10n.directory, $lang, '.xml'))/l:l10n"/>
  <xsl:variable name="l10n.fallback.strings" select="document(concat($l10n.directory, $l10n.fallback, '.xml'))/l:l10n"/>

  <!-- The text of `key` in the book's language, else in the fallback language. -->
  <xsl:template name="gentext">
    <xsl:param name="key"/>
    <xsl:variable name="own" select="$l10n.strings/l:gentext[@key = $key]"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="$own/@text"/></xsl:when>
      <xsl:when test="$l10n.fallback.strings/l:gentext[@key = $key]">
        <xsl:value-of select="$l10n.fallback.strings/l:gentext[@key = $key]/@text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message>asyl: no text for key '<xsl:value-of select="$key"/>' in <xsl:value-of select="$lang"/></xsl:message>
        <xsl:value-of select="$key"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
