<?xml version="1.0" encoding="UTF-8"?>
<!--
  Asyl's plaque driver (docs/plaques.md): run on each plaque document with
  $part = svg (plaques/ID.svg), and on an edition's plaques with
  $part = sheet (plaques/index.html, the print sheet, one plaque a page).
  Customise it as epub.xsl (docs/styles.md):
    <xsl:import href="asyl:plaque.xsl"/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="params.xsl"/>
  <xsl:import href="plaque/plaque.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>
</xsl:stylesheet>
