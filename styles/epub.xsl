<?xml version="1.0" encoding="UTF-8"?>
<!--
  Asyl's EPUB 3 driver: the shared templates plus the EPUB parts.
  asyl runs it on each chunk document (→ an XHTML content document) and on
  the book outline with $part = opf | nav | ncx | cover | cover-svg | titlepage | imprint.
  Customise it by importing it from your own stylesheet (docs/styles.md):
    <xsl:import href="asyl:epub.xsl"/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="params.xsl"/>
  <xsl:import href="common/l10n.xsl"/>
  <xsl:import href="common/inline.xsl"/>
  <xsl:import href="common/block.xsl"/>
  <xsl:import href="common/sources.xsl"/>
  <xsl:import href="common/entry.xsl"/>
  <xsl:import href="common/metadata.xsl"/>
  <xsl:import href="epub/chunk.xsl"/>
  <xsl:import href="epub/package.xsl"/>
  <xsl:import href="epub/navigation.xsl"/>
  <xsl:import href="epub/pages.xsl"/>
  <xsl:import href="epub/cover.xsl"/>
  <xsl:import href="epub/backmatter.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
