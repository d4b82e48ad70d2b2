<?xml version="1.0" encoding="UTF-8"?>
<!-- Inline elements of the book vocabulary → XHTML. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a">

  <xsl:template match="a:emphasis"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="a:strong"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="a:strike"><del><xsl:apply-templates/></del></xsl:template>
  <xsl:template match="a:code"><code><xsl:apply-templates/></code></xsl:template>
  <xsl:template match="a:br"><br/></xsl:template>

  <xsl:template match="a:external">
    <a href="{@href}" class="external">
      <xsl:if test="@title"><xsl:attribute name="title"><xsl:value-of select="@title"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <xsl:template match="a:image">
    <img src="{$media.prefix}{@src}" alt="{@alt}"/>
  </xsl:template>

  <!-- A link to an entry of this book. -->
  <xsl:template match="a:link[@status = 'resolved']">
    <a class="xref" href="{@file}#{@anchor}"><xsl:apply-templates/></a>
  </xsl:template>

  <!-- A link to an entry this language does not have: text, naming the language it exists in. -->
  <xsl:template match="a:link[@status = 'untranslated']">
    <span class="untranslated" lang="{@language}" xml:lang="{@language}"><xsl:apply-templates/></span>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="gentext">
      <xsl:with-param name="key" select="concat('exists-in-', @language)"/>
    </xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- A link to an entry outside this edition. -->
  <xsl:template match="a:link[@status = 'elsewhere' or @status = 'broken']">
    <span class="xref-elsewhere"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A citation: bracketed numbers of the entry's sources, with locators. -->
  <xsl:template match="a:cite">
    <span class="citation">
      <xsl:text>[</xsl:text>
      <xsl:for-each select="a:ref">
        <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
        <a href="#{@source}" class="citation-ref"><xsl:value-of select="@number"/></a>
        <xsl:if test="@locator">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="@locator"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <!-- Cited by author and year (an edition's `citations: author-year`): each
       source's authors and year, linked to it in the entry's list; in square
       brackets with a comma before the year for GOST, in parentheses for
       Chicago (source.label in sources.xsl). -->
  <xsl:key name="source" match="a:source" use="@id"/>

  <xsl:template match="a:cite[@citations = 'author-year']">
    <span class="citation">
      <xsl:value-of select="substring('[(', 1 + number($citation.style = 'chicago'), 1)"/>
      <xsl:for-each select="a:ref">
        <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
        <a href="#{@source}" class="citation-ref"><xsl:apply-templates select="key('source', @source)" mode="source.label"/></a>
        <xsl:if test="@locator">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="@locator"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:value-of select="substring('])', 1 + number($citation.style = 'chicago'), 1)"/>
    </span>
  </xsl:template>

  <!-- A footnote reference, which reading systems open as a pop-up. -->
  <xsl:template match="a:noteref">
    <a epub:type="noteref" role="doc-noteref" href="#{@note}" id="{@id}" class="noteref">
      <xsl:value-of select="@number"/>
    </a>
  </xsl:template>

</xsl:stylesheet>
