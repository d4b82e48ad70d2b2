<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline → the cover as SVG ($part = cover-svg): the work, the
     edition's title, its volume in the series and the publisher, in the
     shipped typeface. asyl rasterises it (librsvg) into the cover image the
     package declares, and outlines its text for the cover page. A project
     gives its own cover with `cover:` in asyl.yaml, or overrides the
     template "cover.art" here. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:asyl:book:1"
    xmlns="http://www.w3.org/2000/svg"
    exclude-result-prefixes="a">

  <xsl:template name="cover-svg">
    <xsl:variable name="m" select="a:metadata"/>
    <svg width="1600" height="2400" viewBox="0 0 1600 2400">
      <xsl:call-template name="cover.art"/>
      <g font-family="PT Serif" text-anchor="middle">
        <text x="800" y="330" font-size="60" letter-spacing="12" fill="{$cover.accent}">
          <xsl:value-of select="$m/a:work-title"/>
        </text>
        <text x="800" y="1000" font-size="112" font-weight="bold" fill="{$cover.ink}">
          <xsl:call-template name="cover.lines">
            <xsl:with-param name="rest" select="concat(normalize-space($m/a:title), ' ')"/>
            <xsl:with-param name="width" select="20"/>
            <xsl:with-param name="leading" select="150"/>
          </xsl:call-template>
        </text>
        <xsl:if test="$m/a:series">
          <text x="800" y="1780" font-size="64" fill="{$cover.accent}">
            <xsl:call-template name="volume.text"><xsl:with-param name="number" select="$m/a:series/@volume"/></xsl:call-template>
          </text>
        </xsl:if>
        <text x="800" y="2140" font-size="56" fill="{$cover.ink}"><xsl:value-of select="$m/a:publisher"/></text>
        <text x="800" y="2230" font-size="48" fill="{$cover.ink}"><xsl:value-of select="$m/a:year"/></text>
      </g>
    </svg>
  </xsl:template>

  <!-- The ground and ornament the words sit on. -->
  <xsl:template name="cover.art">
    <rect width="1600" height="2400" fill="{$cover.ground}"/>
    <g fill="none" stroke="{$cover.accent}" stroke-width="6">
      <rect x="70" y="70" width="1460" height="2260"/>
      <rect x="96" y="96" width="1408" height="2208" stroke-width="2"/>
      <line x1="420" y1="420" x2="1180" y2="420"/>
      <line x1="420" y1="1980" x2="1180" y2="1980"/>
    </g>
    <g fill="{$cover.accent}">
      <path d="M800 380 L840 420 L800 460 L760 420 Z"/>
      <path d="M800 1940 L840 1980 L800 2020 L760 1980 Z"/>
    </g>
  </xsl:template>

  <!-- The words of $rest (each followed by a space) as lines of at most
       $width characters, a word longer than that on a line of its own. -->
  <xsl:template name="cover.lines">
    <xsl:param name="rest"/>
    <xsl:param name="width"/>
    <xsl:param name="leading"/>
    <xsl:param name="line" select="''"/>
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="word" select="substring-before($rest, ' ')"/>
    <xsl:variable name="longer" select="concat($line, substring(' ', 1 div ($line != '')), $word)"/>
    <xsl:choose>
      <xsl:when test="$rest = ''">
        <xsl:if test="$line != ''">
          <tspan x="800" dy="{$leading * not($first)}"><xsl:value-of select="$line"/></tspan>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$line != '' and string-length($longer) &gt; $width">
        <tspan x="800" dy="{$leading * not($first)}"><xsl:value-of select="$line"/></tspan>
        <xsl:call-template name="cover.lines">
          <xsl:with-param name="rest" select="$rest"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="leading" select="$leading"/>
          <xsl:with-param name="first" select="false()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cover.lines">
          <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="leading" select="$leading"/>
          <xsl:with-param name="line" select="$longer"/>
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
