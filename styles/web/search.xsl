<?xml version="1.0" encoding="UTF-8"?>
<!-- Search (docs/web.md): what Pagefind indexes of each entry page, and the
     search page that queries the index in the browser. Pagefind lowers
     case but keeps Ё apart from Е (and ı, İ apart from i), so the page's
     words and the reader's query are folded alike: lower case, ё as е,
     ı and İ as i. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <!-- What Pagefind indexes of an entry's page besides its text: the
       entry's words that folding changes, folded (a:search-words, made by
       asyl), in an attribute of a hidden element (data-pagefind-index-attrs).
       The page marks its article as the body to index, and its headword,
       kind and summary as the metadata results show (web/entry.xsl). -->
  <xsl:template name="web.search.folded">
    <xsl:if test="/a:page/a:search-words != ''">
      <span hidden="" data-pagefind-index-attrs="data-folded" data-folded="{/a:page/a:search-words}"></span>
    </xsl:if>
  </xsl:template>

  <!-- The search page: a form, and a script that asks the index for the
       folded query and lists each result's headword, kind and summary. -->
  <xsl:template name="web.search">
    <xsl:variable name="label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search'"/></xsl:call-template></xsl:variable>
    <form id="search-form" role="search" action=".">
      <label for="search-query" class="visually-hidden"><xsl:value-of select="$label"/></label>
      <input id="search-query" type="search" name="q" autocomplete="off"/>
      <xsl:text> </xsl:text>
      <button type="submit"><xsl:value-of select="$label"/></button>
    </form>
    <noscript><p><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search-noscript'"/></xsl:call-template></p></noscript>
    <p id="search-status" role="status"></p>
    <ol id="search-results" class="search-results"></ol>
    <script>
      <xsl:text>(async function () {
  var words = {none: "</xsl:text><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search-none'"/></xsl:call-template><xsl:text>", unavailable: "</xsl:text><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search-unavailable'"/></xsl:call-template><xsl:text>", found: "</xsl:text><xsl:call-template name="gentext"><xsl:with-param name="key" select="'search-found'"/></xsl:call-template><xsl:text>"};
  var root = new URL("</xsl:text><xsl:value-of select="$web.root"/><xsl:text>", location.href);
  var form = document.getElementById("search-form"), input = document.getElementById("search-query");
  var status = document.getElementById("search-status"), list = document.getElementById("search-results");
  function fold(text) {
    return text.toLowerCase().replace(/ё/g, "е").replace(/ı/g, "i").replace(/\u0307/g, "");
  }
  var pagefind;
  try {
    pagefind = await import(new URL("_/pagefind/pagefind.js", root).href);
    await pagefind.options({baseUrl: root.pathname});
  } catch (error) {
    status.textContent = words.unavailable;
    return;
  }
  async function run(query) {
    list.replaceChildren();
    if (!query.trim()) { status.textContent = ""; return; }
    var search = await pagefind.search(fold(query));
    var results = await Promise.all(search.results.slice(0, 50).map(function (result) { return result.data(); }));
    status.textContent = results.length ? words.found + ": " + search.results.length : words.none;
    results.forEach(function (result) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title;
      item.append(link);
      if (result.meta.kind) {
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = " · " + result.meta.kind;
        item.append(kind);
      }
      if (result.meta.summary) {
        var summary = document.createElement("p");
        summary.textContent = result.meta.summary;
        item.append(summary);
      }
      list.append(item);
    });
  }
  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  run(query);
})();</xsl:text>
    </script>
  </xsl:template>

</xsl:stylesheet>
