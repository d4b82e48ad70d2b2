<?xml version="1.0" encoding="UTF-8"?>
<!-- Every page of the web edition: made in the XHTML namespace, as the shared
     templates write, and written out as HTML (asyl takes an html output's
     elements out of their namespaces and leaves out attributes of other
     vocabularies: epub:type, xml:lang); its head, the site's header with the
     language switcher, and its footer. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:l="urn:asyl:l10n:1"
    exclude-result-prefixes="a l">

  <!-- The page's language as the site's folders write it (kk-latn). -->
  <xsl:variable name="web.segment" select="translate($lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>

  <!-- The edition's title in the page's language. -->
  <xsl:variable name="web.title" select="/*/a:metadata/a:title"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="web.page"/>
  </xsl:template>

  <!-- A language's own name for itself (Қазақша, Русский), from its string table. -->
  <xsl:template name="web.language-name">
    <xsl:param name="language"/>
    <xsl:value-of select="document(concat($l10n.directory, $language, '.xml'))/l:l10n/l:gentext[@key = 'language-name']/@text"/>
  </xsl:template>

  <xsl:template name="web.lowercase">
    <xsl:param name="text"/>
    <xsl:value-of select="translate($text, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
  </xsl:template>

  <!-- A folder of the site as a link: from the base URL when there is one (canonical links, alternates), else from this page. -->
  <xsl:template name="web.href">
    <xsl:param name="folder"/>
    <xsl:param name="absolute" select="false()"/>
    <xsl:choose>
      <xsl:when test="$absolute and $web.base-url != ''"><xsl:value-of select="concat($web.base-url, $folder)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($web.root, $folder)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page: $switcher holds the language switcher's items, $head what the head adds. -->
  <xsl:template name="web.page">
    <xsl:param name="title"/>
    <xsl:param name="head"/>
    <xsl:param name="switcher"/>
    <xsl:param name="content"/>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="{$web.root}_/web.css"/>
        <link rel="icon" type="image/svg+xml" href="{$web.root}_/icon.svg"/>
        <xsl:if test="$web.base-url != '' and $web.redirect-to = ''"><link rel="canonical" href="{$web.base-url}{$web.path}"/></xsl:if>
        <xsl:copy-of select="$head"/>
      </head>
      <body>
        <a class="skip" href="#main"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'skip-to-content'"/></xsl:call-template></a>
        <header class="site-header">
          <a class="site-title" href="{$web.root}{$web.segment}/"><xsl:value-of select="$web.title"/></a>
          <a class="search-link" href="{$web.root}{$web.segment}/_/search/"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search'"/></xsl:call-template></a>
          <xsl:if test="string($switcher) != ''">
            <nav class="languages">
              <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'languages'"/></xsl:call-template></xsl:attribute>
              <ul><xsl:copy-of select="$switcher"/></ul>
            </nav>
          </xsl:if>
        </header>
        <main id="main"><xsl:copy-of select="$content"/></main>
        <footer class="site-footer">
          <p>
            <a href="{$web.root}{$web.segment}/"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'home'"/></xsl:call-template></a>
            <xsl:text> · </xsl:text>
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="'made-with'"/></xsl:call-template>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- An item of the language switcher: a link to the page in $language, this page's marked as current. -->
  <xsl:template name="web.switcher.item">
    <xsl:param name="language"/>
    <xsl:param name="folder"/>
    <xsl:variable name="name"><xsl:call-template name="web.language-name"><xsl:with-param name="language" select="$language"/></xsl:call-template></xsl:variable>
    <li>
      <xsl:choose>
        <xsl:when test="$language = $lang">
          <a href="{$web.root}{$folder}" aria-current="page" lang="{$language}" hreflang="{$language}"><xsl:value-of select="$name"/></a>
        </xsl:when>
        <xsl:otherwise>
          <a href="{$web.root}{$folder}" lang="{$language}" hreflang="{$language}"><xsl:value-of select="$name"/></a>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- A script that sends the reader to the first of $pages (a JSON object of
       language tag to folder, in the edition's order) their browser prefers,
       else to the first. Links to every one are on the page without it. -->
  <xsl:template name="web.language-redirect">
    <xsl:param name="pages"/>
    <script>
      <xsl:text>(function () {
  var pages = {</xsl:text><xsl:value-of select="$pages"/><xsl:text>};
  var root = "</xsl:text><xsl:value-of select="$web.root"/><xsl:text>";
  var tags = Object.keys(pages);
  var wanted = navigator.languages &amp;&amp; navigator.languages.length ? navigator.languages : [navigator.language || ""];
  function find(match) {
    for (var i = 0; i &lt; wanted.length; i++) {
      for (var j = 0; j &lt; tags.length; j++) {
        if (match(String(wanted[i]).toLowerCase(), tags[j].toLowerCase())) return tags[j];
      }
    }
    return null;
  }
  var tag = find(function (w, t) { return w === t; })
    || find(function (w, t) { return w.split("-")[0] === t.split("-")[0]; })
    || tags[0];
  if (tag) location.replace(root + pages[tag] + location.hash);
})();</xsl:text>
    </script>
  </xsl:template>

</xsl:stylesheet>
