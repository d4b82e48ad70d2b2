<?xml version="1.0" encoding="UTF-8"?>
<!--
  Asyl's web driver: the shared templates plus the pages of the web edition
  (docs/web.md). asyl runs it on each entry's page document (a:page) with
  $part = entry | neutral | redirect, and on each language's book
  outline with $part = home | root | index | regions | chronology | sources | search | map.
  Customise it as epub.xsl (docs/styles.md):
    <xsl:import href="asyl:web.xsl"/>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="params.xsl"/>
  <xsl:import href="common/l10n.xsl"/>
  <xsl:import href="common/inline.xsl"/>
  <xsl:import href="common/block.xsl"/>
  <xsl:import href="common/sources.xsl"/>
  <xsl:import href="common/entry.xsl"/>
  <xsl:import href="web/params.xsl"/>
  <xsl:import href="web/page.xsl"/>
  <xsl:import href="web/entry.xsl"/>
  <xsl:import href="web/site.xsl"/>
  <xsl:import href="web/search.xsl"/>
  <xsl:import href="web/map.xsl"/>

  <!-- HTML, not XHTML: web/page.xsl makes the page in the XHTML namespace,
       as the shared templates write it, and asyl writes it out without one. -->
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
</xsl:stylesheet>
