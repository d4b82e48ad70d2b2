<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's parameters, beside those of params.xsl. Those marked
  "set by asyl" are passed in by the tool for every page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Set by asyl: the page's folder in the site (kk/abai-qunanbaiuly/; empty for the root page). -->
  <xsl:param name="web.path" select="''"/>

  <!-- Set by asyl: the way back from the page's folder to the site's root (../../). -->
  <xsl:param name="web.root" select="''"/>

  <!-- Set by asyl: the edition's languages, in order, separated by spaces. -->
  <xsl:param name="web.languages" select="''"/>

  <!-- Set by asyl: the site's address from asyl.yaml's web: {base-url}, ending in /; empty when none is set. -->
  <xsl:param name="web.base-url" select="''"/>

  <!-- Set by asyl on a page at an old address (redirect-from): the folder, from the site's root, it leads to. -->
  <xsl:param name="web.redirect-to" select="''"/>

  <!-- Set by asyl on the site's own pages: the languages (separated by spaces)
       that lack this page; their switcher links lead to their home page. -->
  <xsl:param name="web.part-lacking" select="''"/>

  <!-- Set by asyl: whether the site has a map in this language (1) or not (0). -->
  <xsl:param name="web.has-map" select="0"/>

  <!-- Set by asyl: the map's tiles (a URL template with {z}, {x}, {y}) and their
       credit, from asyl.yaml's web: {tiles}; empty: the map shows its markers alone. -->
  <xsl:param name="web.tiles-url" select="''"/>
  <xsl:param name="web.tiles-attribution" select="''"/>

  <!-- Images are in the site's _/ folder. -->
  <xsl:param name="media.prefix" select="concat($web.root, '_/')"/>

  <!-- An entry's sections are h2 under its headword, the page's h1. -->
  <xsl:param name="section.first.level" select="2"/>

</xsl:stylesheet>
