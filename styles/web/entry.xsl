<?xml version="1.0" encoding="UTF-8"?>
<!-- An entry's pages: its page in one language (LANG/ID/), and its
     language-neutral page (ID/), which sends the reader to their language. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <xsl:variable name="web.entry" select="/a:page/@id"/>

  <!-- The entry's headword in the page's language. -->
  <xsl:variable name="web.headword" select="/a:page/a:versions/a:version[@language = /a:page/@xml:lang]/@title"/>

  <xsl:template match="/a:page" mode="web.page">
    <xsl:choose>
      <xsl:when test="$part = 'neutral'"><xsl:call-template name="web.neutral"/></xsl:when>
      <xsl:when test="$part = 'redirect'"><xsl:call-template name="web.redirect"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="web.entry"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="web.entry">
    <xsl:call-template name="web.page">
      <xsl:with-param name="title" select="concat(a:entry/a:title, ' — ', $web.title)"/>
      <xsl:with-param name="head">
        <xsl:if test="a:entry/a:summary"><meta name="description" content="{a:entry/a:summary}" data-pagefind-meta="summary[content]"/></xsl:if>
        <xsl:for-each select="a:versions/a:version[@title]">
          <link rel="alternate" hreflang="{@language}">
            <xsl:attribute name="href">
              <xsl:call-template name="web.href">
                <xsl:with-param name="folder" select="concat(@segment, '/', $web.entry, '/')"/>
                <xsl:with-param name="absolute" select="true()"/>
              </xsl:call-template>
            </xsl:attribute>
          </link>
        </xsl:for-each>
        <link rel="alternate" hreflang="x-default">
          <xsl:attribute name="href">
            <xsl:call-template name="web.href">
              <xsl:with-param name="folder" select="concat($web.entry, '/')"/>
              <xsl:with-param name="absolute" select="true()"/>
            </xsl:call-template>
          </xsl:attribute>
        </link>
      </xsl:with-param>
      <xsl:with-param name="switcher">
        <xsl:for-each select="a:versions/a:version">
          <xsl:choose>
            <xsl:when test="@title">
              <xsl:call-template name="web.switcher.item">
                <xsl:with-param name="language" select="@language"/>
                <xsl:with-param name="folder" select="concat(@segment, '/', $web.entry, '/')"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <li class="missing">
                <span lang="{@language}">
                  <xsl:call-template name="web.language-name"><xsl:with-param name="language" select="@language"/></xsl:call-template>
                </span>
                <xsl:text> </xsl:text>
                <small><xsl:call-template name="gentext"><xsl:with-param name="key" select="'not-translated'"/></xsl:call-template></small>
              </li>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:with-param>
      <xsl:with-param name="content"><xsl:apply-templates select="a:entry"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The headword is the page's h1. -->
  <xsl:template match="a:entry">
    <article class="entry {@kind}" id="{@anchor}" aria-labelledby="{@anchor}.title" data-pagefind-body="">
      <h1 class="headword" id="{@anchor}.title" data-pagefind-meta="title"><xsl:value-of select="a:title"/></h1>
      <xsl:if test="a:kind-label"><p class="kind" data-pagefind-meta="kind"><xsl:value-of select="a:kind-label"/></p></xsl:if>
      <xsl:call-template name="web.search.folded"/>
      <xsl:apply-templates select="a:aliases"/>
      <xsl:if test="$facts.show = 1"><xsl:apply-templates select="a:facts"/></xsl:if>
      <xsl:apply-templates select="a:body"/>
      <xsl:if test="$categories.show = 1"><xsl:apply-templates select="a:categories"/></xsl:if>
      <xsl:apply-templates select="a:sources"/>
      <xsl:apply-templates select="a:notes"/>
    </article>
  </xsl:template>

  <!-- Links lead to the entry's page in this language. -->
  <xsl:template match="a:link[@status = 'resolved']">
    <a class="xref">
      <xsl:attribute name="href">
        <xsl:value-of select="concat($web.root, $web.segment, '/', @target, '/')"/>
        <xsl:if test="@anchor != @target"><xsl:value-of select="concat('#', @anchor)"/></xsl:if>
      </xsl:attribute>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <!-- An entry this language lacks: a link to it in the language that has it, when the site has that language. -->
  <xsl:template match="a:link[@status = 'untranslated']">
    <xsl:choose>
      <xsl:when test="contains(concat(' ', $web.languages, ' '), concat(' ', @language, ' '))">
        <xsl:variable name="segment"><xsl:call-template name="web.lowercase"><xsl:with-param name="text" select="@language"/></xsl:call-template></xsl:variable>
        <a class="xref untranslated" href="{$web.root}{$segment}/{@target}/" hreflang="{@language}" lang="{@language}"><xsl:apply-templates/></a>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="concat('exists-in-', @language)"/>
        </xsl:call-template>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-imports/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A page at an address the entry once had (redirect-from): it sends the
       reader on at once, with or without script, keeping a #fragment where it can. -->
  <xsl:template name="web.redirect">
    <xsl:variable name="target" select="concat($web.root, $web.redirect-to)"/>
    <xsl:call-template name="web.page">
      <xsl:with-param name="title" select="$web.headword"/>
      <xsl:with-param name="head">
        <meta http-equiv="refresh" content="0; url={$target}"/>
        <meta name="robots" content="noindex"/>
        <xsl:if test="$web.base-url != ''"><link rel="canonical" href="{$web.base-url}{$web.redirect-to}"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$web.headword"/></h1>
        <p>
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'moved'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <a href="{$target}"><xsl:value-of select="$web.headword"/></a>
        </p>
        <script>location.replace("<xsl:value-of select="$target"/>" + location.hash);</script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The language-neutral page: every language's headword, linked; a script sends the reader to theirs. -->
  <xsl:template name="web.neutral">
    <xsl:call-template name="web.page">
      <xsl:with-param name="title" select="$web.headword"/>
      <xsl:with-param name="head"><meta name="robots" content="noindex"/></xsl:with-param>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$web.headword"/></h1>
        <ul class="choices">
          <xsl:for-each select="a:versions/a:version[@title]">
            <li lang="{@language}">
              <a href="{$web.root}{@segment}/{$web.entry}/" hreflang="{@language}"><xsl:value-of select="@title"/></a>
              <xsl:text> — </xsl:text>
              <xsl:call-template name="web.language-name"><xsl:with-param name="language" select="@language"/></xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:call-template name="web.language-redirect">
          <xsl:with-param name="pages">
            <xsl:for-each select="a:versions/a:version[@title]">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="concat('&quot;', @language, '&quot;: &quot;', @segment, '/', $web.entry, '/&quot;')"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
