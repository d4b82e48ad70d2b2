<?xml version="1.0" encoding="UTF-8"?>
<!--
  Asyl's catalogue records driver: each EPUB's record, made from its book
  outline, with $part = marc (MARC 21 as MARCXML), dc (Dublin Core as OAI-DC)
  or onix (ONIX 3.0 for the book trade). See docs/records.md.
  Customise it by importing it from your own stylesheet (docs/styles.md):
    <xsl:import href="asyl:records.xsl"/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">
  <xsl:import href="params.xsl"/>
  <xsl:import href="common/l10n.xsl"/>
  <xsl:import href="common/metadata.xsl"/>
  <xsl:import href="records/codes.xsl"/>
  <xsl:import href="records/marc.xsl"/>
  <xsl:import href="records/dc.xsl"/>
  <xsl:import href="records/onix.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/a:book">
    <xsl:choose>
      <xsl:when test="$part = 'marc'"><xsl:call-template name="marc.record"/></xsl:when>
      <xsl:when test="$part = 'dc'"><xsl:call-template name="dc.record"/></xsl:when>
      <xsl:when test="$part = 'onix'"><xsl:call-template name="onix.message"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">asyl: unknown record '<xsl:value-of select="$part"/>'</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
