<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of Asyl's stylesheets, declared and documented in one place.
  Override one from your own stylesheet (see docs/styles.md):

    <xsl:import href="asyl:epub.xsl"/>
    <xsl:param name="facts.show" select="0"/>

  Parameters marked "set by asyl" are passed in by the tool on every run.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Set by asyl: which document of the book to make from the outline:
       opf (package document), nav, ncx, cover, titlepage, imprint. Chunks are
       made from chunk documents and ignore it. cover-svg makes the SVG the
       cover image is rasterised from. -->
  <xsl:param name="part" select="'opf'"/>

  <!-- Show the infobox of facts at the head of each entry (1) or not (0). -->
  <xsl:param name="facts.show" select="1"/>

  <!-- Show categories under each entry (1) or not (0). -->
  <xsl:param name="categories.show" select="1"/>

  <!-- The CSS file each XHTML document links to, relative to the package. -->
  <xsl:param name="css.href" select="'css/epub.css'"/>

  <!-- Prefix of every image's address (its path in the source tree, media/…):
       empty in the books, which carry images at those paths; the web
       edition's pages reach them in the site's _/ folder. -->
  <xsl:param name="media.prefix" select="''"/>

  <!-- Table of contents depth: 1 lists letters, 2 lists entries under them. -->
  <xsl:param name="toc.depth" select="2"/>

  <!-- Heading level (2-6) of an entry's `##` sections and of its notes and
       sources; the headword is one level above (h2 in the books, h1 on the web). -->
  <xsl:param name="section.first.level" select="3"/>

  <!-- Folder of the per-language string tables, relative to common/l10n.xsl. -->
  <xsl:param name="l10n.directory" select="'../l10n/'"/>

  <!-- The colours of the cover Asyl draws (epub/cover.xsl): its ground,
       its ornament and series line, and its title. -->
  <xsl:param name="cover.ground" select="'#123a5c'"/>
  <xsl:param name="cover.accent" select="'#e0b441'"/>
  <xsl:param name="cover.ink" select="'#ffffff'"/>

  <!-- Language whose strings are used when a key is missing in the book's. -->
  <xsl:param name="l10n.fallback" select="'en'"/>

</xsl:stylesheet>
