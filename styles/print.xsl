<?xml version="1.0" encoding="UTF-8"?>
<!--
  Asyl's print driver: one HTML document per edition and language, for a CSS
  paged-media engine (WeasyPrint, Prince, Paged.js) and print.css.
  asyl runs it on the book's outline, which leaves a processing instruction
  <?asyl-chunk FILE?> where each chunk goes, and on each chunk document, whose
  entries take that place. Customise it as epub.xsl (docs/styles.md):
    <xsl:import href="asyl:print.xsl"/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="params.xsl"/>
  <xsl:import href="common/l10n.xsl"/>
  <xsl:import href="common/inline.xsl"/>
  <xsl:import href="common/block.xsl"/>
  <xsl:import href="common/sources.xsl"/>
  <xsl:import href="common/entry.xsl"/>
  <xsl:import href="common/metadata.xsl"/>
  <xsl:import href="print/book.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>
</xsl:stylesheet>
