<?xml version="1.0" encoding="UTF-8"?>
<!-- One entry: headword, infobox of facts, body, notes and its sources. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a">

  <xsl:template match="a:entry">
    <section class="entry {@kind}" id="{@anchor}" aria-labelledby="{@anchor}.title">
      <h2 class="headword" id="{@anchor}.title"><xsl:value-of select="a:title"/></h2>
      <xsl:apply-templates select="a:kind-label"/>
      <xsl:apply-templates select="a:aliases"/>
      <xsl:if test="$facts.show = 1"><xsl:apply-templates select="a:facts"/></xsl:if>
      <xsl:apply-templates select="a:body"/>
      <xsl:if test="$categories.show = 1"><xsl:apply-templates select="a:categories"/></xsl:if>
      <xsl:apply-templates select="a:sources"/>
      <xsl:apply-templates select="a:notes"/>
    </section>
  </xsl:template>

  <xsl:template match="a:kind-label">
    <p class="kind"><xsl:value-of select="."/></p>
  </xsl:template>

  <xsl:template match="a:aliases">
    <p class="aliases">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'aliases'"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:for-each select="a:alias">
        <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <!-- The infobox: facts as a description list under a hidden heading. -->
  <xsl:template match="a:facts">
    <aside class="facts" aria-label="{$facts.label}">
      <dl>
        <xsl:for-each select="a:fact">
          <div class="fact {@name}">
            <dt><xsl:value-of select="@label"/></dt>
            <dd><xsl:apply-templates/></dd>
          </div>
        </xsl:for-each>
      </dl>
    </aside>
  </xsl:template>

  <xsl:variable name="facts.label">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'facts'"/></xsl:call-template>
  </xsl:variable>

  <xsl:template match="a:body"><xsl:apply-templates/></xsl:template>

  <xsl:template match="a:categories">
    <p class="categories">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'categories'"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:for-each select="a:category">
        <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
    </p>
  </xsl:template>

  <!-- Footnotes as EPUB pop-up notes. -->
  <xsl:template match="a:notes">
    <section class="notes" epub:type="footnotes" role="doc-endnotes">
      <xsl:element name="h{$section.first.level}"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'notes'"/></xsl:call-template></xsl:element>
      <xsl:for-each select="a:note">
        <aside epub:type="footnote" role="doc-footnote" id="{@id}" class="footnote">
          <xsl:apply-templates select="*[1]" mode="note.first">
            <xsl:with-param name="note" select="."/>
          </xsl:apply-templates>
          <xsl:apply-templates select="*[position() &gt; 1]"/>
        </aside>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- The note's number, linking back to where it was referenced, opens its first paragraph. -->
  <xsl:template match="a:p" mode="note.first">
    <xsl:param name="note"/>
    <p>
      <xsl:call-template name="note.back"><xsl:with-param name="note" select="$note"/></xsl:call-template>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <xsl:template match="*" mode="note.first">
    <xsl:param name="note"/>
    <p><xsl:call-template name="note.back"><xsl:with-param name="note" select="$note"/></xsl:call-template></p>
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template name="note.back">
    <xsl:param name="note"/>
    <a href="#{$note/@back}" class="note-number" role="doc-backlink">
      <xsl:attribute name="title">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'note-back'"/></xsl:call-template>
      </xsl:attribute>
      <xsl:value-of select="$note/@number"/>
    </a>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Cited by author and year: an unnumbered list, in the authors' alphabetical order. -->
  <xsl:template match="a:sources[@citations = 'author-year']">
    <section class="sources">
      <xsl:element name="h{$section.first.level}"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'sources'"/></xsl:call-template></xsl:element>
      <ul class="author-year">
        <xsl:for-each select="a:source">
          <li id="{@id}"><xsl:apply-templates select="." mode="source"/></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="a:sources">
    <section class="sources">
      <xsl:element name="h{$section.first.level}"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'sources'"/></xsl:call-template></xsl:element>
      <ol>
        <xsl:for-each select="a:source">
          <li id="{@id}"><xsl:apply-templates select="." mode="source"/></li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

</xsl:stylesheet>
