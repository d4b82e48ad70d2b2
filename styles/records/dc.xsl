<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline → the e-book's record in unqualified Dublin Core, as the
     OAI-DC container OAI-PMH harvesters read (www.openarchives.org/OAI/2.0/oai_dc.xsd). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:asyl:book:1"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    exclude-result-prefixes="a">

  <xsl:template name="dc.record">
    <xsl:variable name="m" select="a:metadata"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <dc:title><xsl:value-of select="$m/a:title"/></dc:title>
      <xsl:for-each select="$m/a:contributor[@creator = 'true']"><dc:creator><xsl:value-of select="@file-as"/></dc:creator></xsl:for-each>
      <xsl:for-each select="$m/a:subject"><dc:subject><xsl:value-of select="."/></dc:subject></xsl:for-each>
      <xsl:for-each select="$m/a:description"><dc:description><xsl:value-of select="."/></dc:description></xsl:for-each>
      <xsl:for-each select="$m/a:publisher"><dc:publisher><xsl:value-of select="."/></dc:publisher></xsl:for-each>
      <xsl:for-each select="$m/a:contributor[@creator = 'false']"><dc:contributor><xsl:value-of select="@file-as"/></dc:contributor></xsl:for-each>
      <dc:date><xsl:value-of select="$m/a:date"/></dc:date>
      <dc:type>Text</dc:type>
      <dc:format>application/epub+zip</dc:format>
      <dc:identifier><xsl:value-of select="$m/a:identifier"/></dc:identifier>
      <xsl:if test="$m/a:isbn">
        <dc:identifier>urn:isbn:<xsl:call-template name="isbn.digits"><xsl:with-param name="isbn" select="$m/a:isbn"/></xsl:call-template></dc:identifier>
      </xsl:if>
      <xsl:for-each select="$m/a:web-address"><dc:identifier><xsl:value-of select="."/></dc:identifier></xsl:for-each>
      <dc:language><xsl:value-of select="$m/a:language"/></dc:language>
      <xsl:if test="$m/a:series">
        <dc:relation>
          <xsl:value-of select="concat($m/a:series, '; ')"/>
          <xsl:call-template name="volume.text"><xsl:with-param name="number" select="$m/a:series/@volume"/></xsl:call-template>
        </dc:relation>
      </xsl:if>
      <xsl:for-each select="$m/a:rights"><dc:rights><xsl:value-of select="."/></dc:rights></xsl:for-each>
    </oai_dc:dc>
  </xsl:template>

</xsl:stylesheet>
