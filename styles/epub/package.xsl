<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline → the package document (OPF): metadata, manifest, spine. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:asyl:book:1"
    xmlns:opf="http://www.idpf.org/2007/opf"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="a opf">

  <xsl:template match="/a:book">
    <xsl:choose>
      <xsl:when test="$part = 'opf'"><xsl:call-template name="package"/></xsl:when>
      <xsl:when test="$part = 'nav'"><xsl:call-template name="nav"/></xsl:when>
      <xsl:when test="$part = 'ncx'"><xsl:call-template name="ncx"/></xsl:when>
      <xsl:when test="$part = 'cover'"><xsl:call-template name="cover"/></xsl:when>
      <xsl:when test="$part = 'cover-svg'"><xsl:call-template name="cover-svg"/></xsl:when>
      <xsl:when test="$part = 'titlepage'"><xsl:call-template name="titlepage"/></xsl:when>
      <xsl:when test="$part = 'imprint'"><xsl:call-template name="imprint"/></xsl:when>
      <xsl:when test="$part = 'index'"><xsl:call-template name="index"/></xsl:when>
      <xsl:when test="$part = 'regions'"><xsl:call-template name="regions"/></xsl:when>
      <xsl:when test="$part = 'chronology'"><xsl:call-template name="chronology"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">asyl: unknown part '<xsl:value-of select="$part"/>'</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="package">
    <xsl:variable name="m" select="a:metadata"/>
    <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id"
             xml:lang="{$lang}" dir="ltr">
      <metadata>
        <dc:identifier id="book-id"><xsl:value-of select="$m/a:identifier"/></dc:identifier>
        <xsl:if test="$m/a:isbn">
          <dc:identifier id="isbn">urn:isbn:<xsl:value-of select="translate($m/a:isbn, '- ', '')"/></dc:identifier>
        </xsl:if>
        <dc:title id="title"><xsl:value-of select="$m/a:title"/></dc:title>
        <dc:language><xsl:value-of select="$m/a:language"/></dc:language>
        <xsl:for-each select="$m/a:contributor">
          <xsl:variable name="id" select="concat('contributor-', position())"/>
          <xsl:choose>
            <xsl:when test="@creator = 'true'"><dc:creator id="{$id}"><xsl:value-of select="."/></dc:creator></xsl:when>
            <xsl:otherwise><dc:contributor id="{$id}"><xsl:value-of select="."/></dc:contributor></xsl:otherwise>
          </xsl:choose>
          <meta refines="#{$id}" property="role" scheme="marc:relators"><xsl:value-of select="@relator"/></meta>
          <meta refines="#{$id}" property="file-as"><xsl:value-of select="@file-as"/></meta>
          <meta refines="#{$id}" property="display-seq"><xsl:value-of select="position()"/></meta>
        </xsl:for-each>
        <xsl:for-each select="$m/a:subject"><dc:subject><xsl:value-of select="."/></dc:subject></xsl:for-each>
        <xsl:if test="$m/a:description"><dc:description><xsl:value-of select="$m/a:description"/></dc:description></xsl:if>
        <xsl:if test="$m/a:publisher"><dc:publisher><xsl:value-of select="$m/a:publisher"/></dc:publisher></xsl:if>
        <xsl:if test="$m/a:rights"><dc:rights><xsl:value-of select="$m/a:rights"/></dc:rights></xsl:if>
        <dc:date><xsl:value-of select="$m/a:date"/></dc:date>
        <xsl:if test="$m/a:series">
          <meta property="belongs-to-collection" id="series"><xsl:value-of select="$m/a:series"/></meta>
          <meta refines="#series" property="collection-type">series</meta>
          <meta refines="#series" property="group-position"><xsl:value-of select="$m/a:series/@volume"/></meta>
        </xsl:if>
        <meta property="dcterms:modified"><xsl:value-of select="$m/a:modified"/></meta>
        <meta property="schema:accessMode">textual</meta>
        <xsl:if test="a:resources/a:resource[@role = 'image']">
          <meta property="schema:accessMode">visual</meta>
        </xsl:if>
        <meta property="schema:accessModeSufficient">textual</meta>
        <meta property="schema:accessibilityFeature">structuralNavigation</meta>
        <meta property="schema:accessibilityFeature">tableOfContents</meta>
        <meta property="schema:accessibilityFeature">readingOrder</meta>
        <meta property="schema:accessibilityFeature">displayTransformability</meta>
        <xsl:if test="a:resources/a:resource[@role = 'image']">
          <meta property="schema:accessibilityFeature">alternativeText</meta>
        </xsl:if>
        <meta property="schema:accessibilityHazard">none</meta>
        <meta property="schema:accessibilitySummary">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'accessibility-summary'"/></xsl:call-template>
        </meta>
        <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
      </metadata>
      <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
        <item id="titlepage" href="titlepage.xhtml" media-type="application/xhtml+xml"/>
        <item id="imprint" href="imprint.xhtml" media-type="application/xhtml+xml"/>
        <xsl:if test="a:index/a:index-letter"><item id="index" href="index.xhtml" media-type="application/xhtml+xml"/></xsl:if>
        <xsl:if test="a:regions/a:region"><item id="regions" href="regions.xhtml" media-type="application/xhtml+xml"/></xsl:if>
        <xsl:if test="a:chronology/a:event"><item id="chronology" href="chronology.xhtml" media-type="application/xhtml+xml"/></xsl:if>
        <xsl:for-each select="a:resources/a:resource">
          <item id="res-{position()}" href="{@href}" media-type="{@media-type}">
            <xsl:if test="@role = 'cover-image'"><xsl:attribute name="properties">cover-image</xsl:attribute></xsl:if>
          </item>
        </xsl:for-each>
        <xsl:for-each select="a:contents/a:letter/a:chunk">
          <item id="{substring-before(@file, '.xhtml')}" href="{@file}" media-type="application/xhtml+xml"/>
        </xsl:for-each>
      </manifest>
      <spine toc="ncx">
        <itemref idref="cover"/>
        <itemref idref="titlepage"/>
        <itemref idref="nav"/>
        <xsl:for-each select="a:contents/a:letter/a:chunk">
          <itemref idref="{substring-before(@file, '.xhtml')}"/>
        </xsl:for-each>
        <xsl:if test="a:index/a:index-letter"><itemref idref="index"/></xsl:if>
        <xsl:if test="a:regions/a:region"><itemref idref="regions"/></xsl:if>
        <xsl:if test="a:chronology/a:event"><itemref idref="chronology"/></xsl:if>
        <itemref idref="imprint"/>
      </spine>
    </package>
  </xsl:template>

</xsl:stylesheet>
