<?xml version="1.0" encoding="UTF-8"?>
<!-- The site's own pages, made from a language's book outline: its home
     page (LANG/), the site's root (/), and under LANG/_/ the index of
     headwords and aliases, the index by region, the chronology and the sources. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="a str">

  <!-- The page's folder below its language's (_/regions/; empty on the home page). -->
  <xsl:variable name="web.below-language" select="substring-after($web.path, '/')"/>

  <!-- Links from the outline lead to the entry's page in this language. -->
  <xsl:template match="a:*" mode="entry.href">
    <xsl:attribute name="href"><xsl:value-of select="concat($web.root, $web.segment, '/', @target | @id, '/')"/></xsl:attribute>
  </xsl:template>

  <xsl:template match="/a:book" mode="web.page">
    <xsl:choose>
      <xsl:when test="$part = 'root'"><xsl:call-template name="web.root"/></xsl:when>
      <xsl:when test="$part = 'home'"><xsl:call-template name="web.site.page"><xsl:with-param name="content"><xsl:call-template name="web.home"/></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$part = 'index'"><xsl:call-template name="web.site.page"><xsl:with-param name="key" select="'index'"/><xsl:with-param name="content"><xsl:call-template name="web.index"/></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$part = 'regions'"><xsl:call-template name="web.site.page"><xsl:with-param name="key" select="'regions-index'"/><xsl:with-param name="content"><xsl:call-template name="web.regions"/></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$part = 'chronology'"><xsl:call-template name="web.site.page"><xsl:with-param name="key" select="'chronology'"/><xsl:with-param name="content"><xsl:call-template name="web.chronology"/></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$part = 'sources'"><xsl:call-template name="web.site.page"><xsl:with-param name="key" select="'sources'"/><xsl:with-param name="content"><xsl:call-template name="web.sources"/></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:when test="$part = 'map'">
        <xsl:call-template name="web.site.page">
          <xsl:with-param name="key" select="'map'"/>
          <xsl:with-param name="head"><link rel="stylesheet" href="{$web.root}_/leaflet/leaflet.css"/></xsl:with-param>
          <xsl:with-param name="content"><xsl:call-template name="web.map"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$part = 'search'"><xsl:call-template name="web.site.page"><xsl:with-param name="key" select="'search'"/><xsl:with-param name="content"><xsl:call-template name="web.search"/></xsl:with-param></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:message terminate="yes">asyl: web.xsl has no page '<xsl:value-of select="$part"/>'</xsl:message></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A page of the site's own in this language: its heading from $key (none on the home page). -->
  <xsl:template name="web.site.page">
    <xsl:param name="key" select="''"/>
    <xsl:param name="head"/>
    <xsl:param name="content"/>
    <xsl:variable name="heading"><xsl:if test="$key != ''"><xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:if></xsl:variable>
    <xsl:call-template name="web.page">
      <xsl:with-param name="title">
        <xsl:if test="$key != ''"><xsl:value-of select="concat($heading, ' — ')"/></xsl:if>
        <xsl:value-of select="$web.title"/>
      </xsl:with-param>
      <xsl:with-param name="head" select="$head"/>
      <xsl:with-param name="switcher">
        <xsl:for-each select="str:tokenize($web.languages, ' ')">
          <xsl:variable name="segment"><xsl:call-template name="web.lowercase"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:variable>
          <xsl:variable name="lacking" select="contains(concat(' ', $web.part-lacking, ' '), concat(' ', ., ' '))"/>
          <xsl:call-template name="web.switcher.item">
            <xsl:with-param name="language" select="string(.)"/>
            <xsl:with-param name="folder" select="concat($segment, '/', substring($web.below-language, 1, string-length($web.below-language) * number(not($lacking))))"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:if test="$key != ''"><h1><xsl:value-of select="$heading"/></h1></xsl:if>
        <xsl:copy-of select="$content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The home page: the title, the site's sections and the letters of the index. -->
  <xsl:template name="web.home">
    <h1><xsl:value-of select="$web.title"/></h1>
    <p class="entry-count">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'entries'"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="a:metadata/a:entry-count"/>
    </p>
    <xsl:if test="a:index/a:index-letter">
      <nav class="letters">
        <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'letters'"/></xsl:call-template></xsl:attribute>
        <ul>
          <xsl:for-each select="a:index/a:index-letter">
            <li><a href="{$web.root}{$web.segment}/_/index/#letter-{position()}"><xsl:value-of select="@label"/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
    <form class="home-search" role="search" action="{$web.root}{$web.segment}/_/search/">
      <xsl:variable name="label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search'"/></xsl:call-template></xsl:variable>
      <label for="home-search-query" class="visually-hidden"><xsl:value-of select="$label"/></label>
      <input id="home-search-query" type="search" name="q"/>
      <xsl:text> </xsl:text>
      <button type="submit"><xsl:value-of select="$label"/></button>
    </form>
    <nav class="site-pages">
      <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'site-pages'"/></xsl:call-template></xsl:attribute>
      <ul>
        <xsl:call-template name="web.site.link"><xsl:with-param name="page" select="'search'"/><xsl:with-param name="key" select="'search'"/></xsl:call-template>
        <xsl:if test="$web.has-map = 1"><xsl:call-template name="web.site.link"><xsl:with-param name="page" select="'map'"/><xsl:with-param name="key" select="'map'"/></xsl:call-template></xsl:if>
        <xsl:if test="a:index/a:index-letter"><xsl:call-template name="web.site.link"><xsl:with-param name="page" select="'index'"/><xsl:with-param name="key" select="'index'"/></xsl:call-template></xsl:if>
        <xsl:if test="a:regions/a:region"><xsl:call-template name="web.site.link"><xsl:with-param name="page" select="'regions'"/><xsl:with-param name="key" select="'regions-index'"/></xsl:call-template></xsl:if>
        <xsl:if test="a:chronology/a:event"><xsl:call-template name="web.site.link"><xsl:with-param name="page" select="'chronology'"/><xsl:with-param name="key" select="'chronology'"/></xsl:call-template></xsl:if>
        <xsl:if test="a:bibliography/a:source"><xsl:call-template name="web.site.link"><xsl:with-param name="page" select="'sources'"/><xsl:with-param name="key" select="'sources'"/></xsl:call-template></xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="web.site.link">
    <xsl:param name="page"/>
    <xsl:param name="key"/>
    <li><a href="{$web.root}{$web.segment}/_/{$page}/"><xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template></a></li>
  </xsl:template>

  <!-- The site's root: a link to every language's home page; a script sends the reader to theirs. -->
  <xsl:template name="web.root">
    <xsl:call-template name="web.page">
      <xsl:with-param name="title" select="$web.title"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$web.title"/></h1>
        <ul class="choices">
          <xsl:for-each select="str:tokenize($web.languages, ' ')">
            <xsl:variable name="segment"><xsl:call-template name="web.lowercase"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:variable>
            <li lang="{.}">
              <a href="{$segment}/" hreflang="{.}"><xsl:call-template name="web.language-name"><xsl:with-param name="language" select="string(.)"/></xsl:call-template></a>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:call-template name="web.language-redirect">
          <xsl:with-param name="pages">
            <xsl:for-each select="str:tokenize($web.languages, ' ')">
              <xsl:variable name="segment"><xsl:call-template name="web.lowercase"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:variable>
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="concat('&quot;', ., '&quot;: &quot;', $segment, '/&quot;')"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="web.index">
    <xsl:for-each select="a:index/a:index-letter">
      <section class="index-letter" aria-labelledby="letter-{position()}">
        <h2 id="letter-{position()}"><xsl:value-of select="@label"/></h2>
        <ul>
          <xsl:for-each select="a:index-item">
            <li>
              <xsl:choose>
                <xsl:when test="@see">
                  <xsl:value-of select="."/>
                  <xsl:text> — </xsl:text>
                  <span class="see"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'see'"/></xsl:call-template></span>
                  <xsl:text> </xsl:text>
                  <a><xsl:apply-templates select="." mode="entry.href"/><xsl:value-of select="@see"/></a>
                </xsl:when>
                <xsl:otherwise>
                  <a><xsl:apply-templates select="." mode="entry.href"/><xsl:value-of select="."/></a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="web.regions">
    <xsl:for-each select="a:regions/a:region">
      <section class="region" aria-labelledby="region-{position()}">
        <h2 id="region-{position()}"><a><xsl:apply-templates select="." mode="entry.href"/><xsl:value-of select="@title"/></a></h2>
        <ul>
          <xsl:for-each select="a:region-item">
            <li><a><xsl:apply-templates select="." mode="entry.href"/><xsl:value-of select="."/></a></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="web.chronology">
    <table class="chronology">
      <tbody>
        <xsl:for-each select="a:chronology/a:event">
          <tr>
            <td class="date"><xsl:value-of select="@date"/></td>
            <td><a><xsl:apply-templates select="." mode="entry.href"/><xsl:value-of select="."/></a>
              <xsl:text>: </xsl:text><xsl:value-of select="@label"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="web.sources">
    <ol class="bibliography">
      <xsl:for-each select="a:bibliography/a:source">
        <li id="{@id}"><xsl:apply-templates select="." mode="source"/></li>
      </xsl:for-each>
    </ol>
  </xsl:template>

</xsl:stylesheet>
