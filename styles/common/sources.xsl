<?xml version="1.0" encoding="UTF-8"?>
<!-- Sources as each language cites them: GOST-like descriptions for kk and
     ru, Chicago-like for en; archival references in each language's
     archival convention (FORMAT.md §3). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <!-- Each language's conventions come from its l10n file. -->
  <xsl:variable name="citation.style">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'convention.citations'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="archive.reference">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'convention.archive-reference'"/></xsl:call-template>
  </xsl:variable>

  <!-- A source as an author-year citation names it. GOST: up to three family
       names, then «и др.» / «т.б.», a comma, the year («Самашев, 2011»).
       Chicago: «Samashev and Bazarbaeva 2000», «A, B, and C», four or more
       «Samashev et al.». A work without authors is named by its title; a
       source without a year, by its names alone. -->
  <xsl:template match="a:source" mode="source.label">
    <xsl:variable name="authors" select="a:author"/>
    <xsl:variable name="count" select="count($authors)"/>
    <xsl:choose>
      <xsl:when test="$count = 0">
        <xsl:value-of select="a:title"/>
        <xsl:if test="not(a:title)"><xsl:value-of select="@key"/></xsl:if>
      </xsl:when>
      <xsl:when test="$count &gt;= 4">
        <xsl:value-of select="$authors[1]/@family"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'et-al'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$authors">
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="$citation.style = 'chicago' and position() = last()">
                <xsl:if test="$count &gt; 2"><xsl:text>,</xsl:text></xsl:if>
                <xsl:text> </xsl:text>
                <xsl:call-template name="gentext"><xsl:with-param name="key" select="'and'"/></xsl:call-template>
                <xsl:text> </xsl:text>
              </xsl:when>
              <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:value-of select="@family"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="year">
      <xsl:choose>
        <xsl:when test="a:year"><xsl:value-of select="a:year"/></xsl:when>
        <xsl:when test="a:date"><xsl:value-of select="substring(a:date/@edtf, 1, 4)"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string($year)">
      <xsl:if test="$citation.style != 'chicago'"><xsl:text>,</xsl:text></xsl:if>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$year"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="gentext.key">
    <xsl:param name="key"/>
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template>
  </xsl:template>

  <!-- Names: GOST «Самашев З. С.»; Chicago «Samashev, Z. S.» for the first author. -->
  <xsl:template name="source.names">
    <xsl:param name="names"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="$citation.style = 'chicago' and position() = last()"><xsl:text>, and </xsl:text></xsl:when>
          <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$citation.style = 'chicago' and position() = 1">
          <xsl:value-of select="@family"/>
          <xsl:if test="@given"><xsl:text>, </xsl:text><xsl:value-of select="@given"/></xsl:if>
        </xsl:when>
        <xsl:when test="$citation.style = 'chicago'">
          <xsl:if test="@given"><xsl:value-of select="@given"/><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="@family"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@family"/>
          <xsl:if test="@given"><xsl:text>&#160;</xsl:text><xsl:value-of select="@given"/></xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="source.year">
    <xsl:choose>
      <xsl:when test="a:year"><xsl:value-of select="a:year"/></xsl:when>
      <xsl:when test="a:date"><xsl:value-of select="a:date"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Archival references: ЦГА РК. Ф. 1137. Оп. 1. Д. 45. Л. 12–14. /
       ҚР ОМА. 1137-қор, 1-тізімдеме, 45-іс, 12–14-п. / TsGA RK, f. 1137, op. 1, d. 45, ll. 12–14 -->
  <xsl:template match="a:source[@type = 'archive']" mode="source">
    <xsl:if test="a:title"><xsl:value-of select="a:title"/><xsl:text> // </xsl:text></xsl:if>
    <xsl:value-of select="a:archive"/>
    <xsl:choose>
      <xsl:when test="$archive.reference = 'number-then-label'">
        <xsl:text>. </xsl:text>
        <xsl:for-each select="a:fond | a:inventory | a:file | a:sheets">
          <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
          <xsl:value-of select="translate(., '-', '–')"/>
          <xsl:text>-</xsl:text>
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="concat('archive.', local-name())"/></xsl:call-template>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:when test="$archive.reference = 'label-then-number'">
        <xsl:for-each select="a:fond | a:inventory | a:file | a:sheets">
          <xsl:text>. </xsl:text>
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="concat('archive.', local-name())"/></xsl:call-template>
          <xsl:text>&#160;</xsl:text>
          <xsl:value-of select="translate(., '-', '–')"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="a:fond | a:inventory | a:file | a:sheets">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="concat('archive.', local-name())"/></xsl:call-template>
          <xsl:text>&#160;</xsl:text>
          <xsl:value-of select="translate(., '-', '–')"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Books, articles, chapters, newspapers, web pages, interviews. -->
  <xsl:template match="a:source" mode="source">
    <xsl:choose>
      <xsl:when test="$citation.style = 'chicago'"><xsl:call-template name="source.chicago"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="source.gost"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="source.gost">
    <xsl:if test="a:author">
      <xsl:variable name="names">
        <xsl:call-template name="source.names"><xsl:with-param name="names" select="a:author"/></xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="$names"/>
      <!-- «Самашев З. С.» ends with its initials' full stop; a full given name gets one. -->
      <xsl:if test="substring($names, string-length($names)) != '.'"><xsl:text>.</xsl:text></xsl:if>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="a:title"/>
    <xsl:if test="@type = 'web'"><xsl:text> [</xsl:text><xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.online'"/></xsl:call-template><xsl:text>]</xsl:text></xsl:if>
    <xsl:if test="@type = 'interview'"><xsl:text> [</xsl:text><xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.interview'"/></xsl:call-template><xsl:text>]</xsl:text></xsl:if>
    <xsl:if test="a:editor">
      <xsl:text> / </xsl:text>
      <xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.edited'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="source.names"><xsl:with-param name="names" select="a:editor"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="a:container"><xsl:text> // </xsl:text><xsl:value-of select="a:container"/></xsl:if>
    <xsl:if test="a:place or a:publisher">
      <xsl:text>. — </xsl:text>
      <xsl:value-of select="a:place"/>
      <xsl:if test="a:place and a:publisher"><xsl:text>: </xsl:text></xsl:if>
      <xsl:value-of select="a:publisher"/>
    </xsl:if>
    <xsl:if test="a:year or a:date">
      <xsl:choose>
        <xsl:when test="a:place or a:publisher"><xsl:text>, </xsl:text></xsl:when>
        <xsl:otherwise><xsl:text>. — </xsl:text></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="source.year"/>
    </xsl:if>
    <xsl:if test="a:volume">
      <xsl:text>. — </xsl:text>
      <xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.volume'"/></xsl:call-template>
      <xsl:text>&#160;</xsl:text><xsl:value-of select="a:volume"/>
    </xsl:if>
    <xsl:if test="a:issue">
      <xsl:text>, </xsl:text>
      <xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.issue'"/></xsl:call-template>
      <xsl:text>&#160;</xsl:text><xsl:value-of select="a:issue"/>
    </xsl:if>
    <xsl:if test="a:pages">
      <xsl:text>. — </xsl:text>
      <xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.pages'"/></xsl:call-template>
      <xsl:text>&#160;</xsl:text><xsl:value-of select="translate(a:pages, '-', '–')"/>
    </xsl:if>
    <xsl:text>.</xsl:text>
    <xsl:call-template name="source.links"/>
  </xsl:template>

  <xsl:template name="source.chicago">
    <xsl:if test="a:author">
      <xsl:variable name="names">
        <xsl:call-template name="source.names"><xsl:with-param name="names" select="a:author"/></xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="$names"/>
      <!-- "Samashev, Z. S." already ends with its full stop. -->
      <xsl:if test="substring($names, string-length($names)) != '.'"><xsl:text>.</xsl:text></xsl:if>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="@type = 'article' or @type = 'chapter' or @type = 'newspaper' or @type = 'web'">
        <xsl:text>“</xsl:text><xsl:value-of select="a:title"/><xsl:text>.”</xsl:text>
        <xsl:if test="a:container"><xsl:text> </xsl:text><em><xsl:value-of select="a:container"/></em></xsl:if>
      </xsl:when>
      <xsl:otherwise><em><xsl:value-of select="a:title"/></em><xsl:text>.</xsl:text></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="a:editor">
      <xsl:text> Edited by </xsl:text>
      <xsl:call-template name="source.names"><xsl:with-param name="names" select="a:editor"/></xsl:call-template>
      <xsl:text>.</xsl:text>
    </xsl:if>
    <xsl:if test="a:volume"><xsl:text> </xsl:text><xsl:value-of select="a:volume"/></xsl:if>
    <xsl:if test="a:issue"><xsl:text>, no. </xsl:text><xsl:value-of select="a:issue"/></xsl:if>
    <xsl:if test="a:place or a:publisher">
      <xsl:text> </xsl:text>
      <xsl:value-of select="a:place"/>
      <xsl:if test="a:place and a:publisher"><xsl:text>: </xsl:text></xsl:if>
      <xsl:value-of select="a:publisher"/>
      <xsl:if test="a:year or a:date"><xsl:text>,</xsl:text></xsl:if>
    </xsl:if>
    <xsl:if test="a:year or a:date"><xsl:text> </xsl:text><xsl:call-template name="source.year"/></xsl:if>
    <xsl:if test="a:pages"><xsl:text>: </xsl:text><xsl:value-of select="translate(a:pages, '-', '–')"/></xsl:if>
    <xsl:text>.</xsl:text>
    <xsl:call-template name="source.links"/>
  </xsl:template>

  <xsl:template name="source.links">
    <xsl:if test="a:note"><xsl:text> </xsl:text><xsl:value-of select="a:note"/></xsl:if>
    <xsl:if test="a:doi">
      <xsl:text> </xsl:text>
      <a href="https://doi.org/{a:doi}" class="external">doi:<xsl:value-of select="a:doi"/></a>
    </xsl:if>
    <xsl:if test="a:url and not(a:doi)">
      <xsl:text> </xsl:text>
      <a href="{a:url}" class="external url"><xsl:value-of select="a:url"/></a>
      <xsl:if test="a:accessed">
        <xsl:text> (</xsl:text>
        <xsl:call-template name="gentext.key"><xsl:with-param name="key" select="'source.accessed'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="a:accessed"/>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
