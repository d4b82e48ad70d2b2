<?xml version="1.0" encoding="UTF-8"?>
<!-- A plaque: the QR code of the entry's language-neutral address, with its
     quiet zone, and under it the headword, kind and region in each language. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/2000/svg"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <!-- Set by asyl for the sheet: the print edition's page (170mm 240mm), bleed and marks (crop, cross, none). -->
  <xsl:param name="plaque.page-size" select="'170mm 240mm'"/>
  <xsl:param name="plaque.bleed" select="'3mm'"/>
  <xsl:param name="plaque.marks" select="'none'"/>

  <!-- The plaque's width in millimetres; the code takes it all but the margins. -->
  <xsl:param name="plaque.width" select="90"/>
  <xsl:param name="plaque.margin" select="5"/>
  <!-- The height of one language's lines (headword, then kind and region). -->
  <xsl:param name="plaque.line" select="11"/>

  <xsl:template match="/a:plaque">
    <xsl:variable name="code" select="$plaque.width - 2 * $plaque.margin"/>
    <xsl:variable name="height" select="$plaque.margin + $code + 4 + count(a:version) * $plaque.line + $plaque.margin"/>
    <svg version="1.1" width="{$plaque.width}mm" height="{$height}mm" viewBox="0 0 {$plaque.width} {$height}">
      <title><xsl:value-of select="a:version[1]/@title"/></title>
      <desc><xsl:value-of select="a:address"/></desc>
      <rect width="{$plaque.width}" height="{$height}" fill="#fff"/>
      <xsl:apply-templates select="a:qr">
        <xsl:with-param name="x" select="$plaque.margin"/>
        <xsl:with-param name="y" select="$plaque.margin"/>
        <xsl:with-param name="size" select="$code"/>
      </xsl:apply-templates>
      <xsl:for-each select="a:version">
        <xsl:variable name="y" select="$plaque.margin + $code + 4 + (position() - 1) * $plaque.line"/>
        <text x="{$plaque.width div 2}" y="{$y + 5}" text-anchor="middle" font-family="PT Serif, serif" font-weight="bold" xml:lang="{@language}">
          <xsl:attribute name="font-size"><xsl:call-template name="plaque.font-size"><xsl:with-param name="text" select="@title"/><xsl:with-param name="largest" select="5"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="@title"/>
        </text>
        <text x="{$plaque.width div 2}" y="{$y + 9.5}" text-anchor="middle" font-family="PT Serif, serif" fill="#333" xml:lang="{@language}">
          <xsl:attribute name="font-size"><xsl:call-template name="plaque.font-size"><xsl:with-param name="text" select="concat(@kind, ' · ', @region)"/><xsl:with-param name="largest" select="3.5"/></xsl:call-template></xsl:attribute>
          <xsl:value-of select="@kind"/>
          <xsl:if test="@region"><xsl:value-of select="concat(' · ', @region)"/></xsl:if>
        </text>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <!-- The code, dark modules on light, in a square of $size at ($x, $y). -->
  <xsl:template match="a:qr">
    <xsl:param name="x"/>
    <xsl:param name="y"/>
    <xsl:param name="size"/>
    <svg x="{$x}" y="{$y}" width="{$size}" height="{$size}" viewBox="0 0 {@modules} {@modules}" shape-rendering="crispEdges">
      <rect width="{@modules}" height="{@modules}" fill="#fff"/>
      <path d="{@path}" fill="#000"/>
    </svg>
  </xsl:template>

  <!-- A size at which $text fits the plaque's width (PT Serif's letters average about half an em). -->
  <xsl:template name="plaque.font-size">
    <xsl:param name="text"/>
    <xsl:param name="largest"/>
    <xsl:variable name="fits" select="($plaque.width - 2 * $plaque.margin) div (0.55 * string-length($text))"/>
    <xsl:choose>
      <xsl:when test="$fits &lt; $largest"><xsl:value-of select="format-number($fits, '0.##')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$largest"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The print sheet: one plaque a page, at the print edition's page size, bleed and marks. -->
  <xsl:template match="/a:plaques">
    <html xmlns="http://www.w3.org/1999/xhtml" lang="{a:plaque[1]/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="@edition"/></title>
        <style>
          <xsl:text>@page { size: </xsl:text><xsl:value-of select="$plaque.page-size"/>
          <xsl:text>; bleed: </xsl:text><xsl:value-of select="$plaque.bleed"/>
          <xsl:if test="$plaque.marks != 'none'"><xsl:text>; marks: </xsl:text><xsl:value-of select="$plaque.marks"/></xsl:if>
          <xsl:text>; margin: 15mm; }
@font-face { font-family: "PT Serif"; src: url(fonts/PTSerif-Regular.ttf); }
@font-face { font-family: "PT Serif"; font-weight: bold; src: url(fonts/PTSerif-Bold.ttf); }
body { margin: 0; font-family: "PT Serif", serif; }
.plaque { break-after: page; text-align: center; }
.plaque svg { width: 110mm; height: 110mm; }
.plaque h2 { margin: 4mm 0 0; font-size: 16pt; }
.plaque p { margin: 1mm 0 0; font-size: 11pt; }
.address { font-size: 9pt; color: #444; margin-top: 6mm; }
</xsl:text>
        </style>
      </head>
      <body>
        <xsl:for-each select="a:plaque">
          <section class="plaque" id="{@id}">
            <xsl:apply-templates select="a:qr">
              <xsl:with-param name="x" select="0"/>
              <xsl:with-param name="y" select="0"/>
              <xsl:with-param name="size" select="a:qr/@modules"/>
            </xsl:apply-templates>
            <xsl:for-each select="a:version">
              <h2 lang="{@language}"><xsl:value-of select="@title"/></h2>
              <p lang="{@language}">
                <xsl:value-of select="@kind"/>
                <xsl:if test="@region"><xsl:value-of select="concat(' · ', @region)"/></xsl:if>
              </p>
            </xsl:for-each>
            <p class="address"><xsl:value-of select="a:address"/></p>
          </section>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
