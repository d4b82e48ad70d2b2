<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline → nav.xhtml (table of contents and landmarks) and toc.ncx
     (for reading systems that predate EPUB 3). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:epub="http://www.idpf.org/2007/ops"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="a epub">

  <!-- The back matter pages this book has, as (key, file) pairs for the tables of contents. -->
  <xsl:variable name="back.pages.rtf">
    <xsl:if test="/a:book/a:index/a:index-letter"><page key="index" file="index.xhtml"/></xsl:if>
    <xsl:if test="/a:book/a:regions/a:region"><page key="regions-index" file="regions.xhtml"/></xsl:if>
    <xsl:if test="/a:book/a:chronology/a:event"><page key="chronology" file="chronology.xhtml"/></xsl:if>
  </xsl:variable>
  <xsl:variable name="back.pages" select="exsl:node-set($back.pages.rtf)/*"/>

  <xsl:template name="nav">
    <html lang="{$lang}" xml:lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></title>
        <link rel="stylesheet" type="text/css" href="{$css.href}"/>
      </head>
      <body>
        <nav epub:type="toc" role="doc-toc" id="toc">
          <h1><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h1>
          <ol class="toc">
            <xsl:for-each select="a:contents/a:letter">
              <li>
                <a href="{a:chunk[1]/@file}"><xsl:value-of select="@label"/></a>
                <xsl:if test="$toc.depth &gt; 1">
                  <ol>
                    <xsl:for-each select="a:chunk/a:entry-ref">
                      <li><a href="{../@file}#{@anchor}"><xsl:value-of select="."/></a></li>
                    </xsl:for-each>
                  </ol>
                </xsl:if>
              </li>
            </xsl:for-each>
            <xsl:for-each select="$back.pages">
              <li><a href="{@file}"><xsl:call-template name="gentext"><xsl:with-param name="key" select="@key"/></xsl:call-template></a></li>
            </xsl:for-each>
          </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
          <h2><xsl:call-template name="gentext"><xsl:with-param name="key" select="'landmarks'"/></xsl:call-template></h2>
          <ol>
            <li><a epub:type="cover" href="cover.xhtml"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'cover'"/></xsl:call-template></a></li>
            <li><a epub:type="titlepage" href="titlepage.xhtml"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'title-page'"/></xsl:call-template></a></li>
            <li><a epub:type="toc" href="nav.xhtml#toc"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></a></li>
            <xsl:if test="a:contents/a:letter">
              <li><a epub:type="bodymatter" href="{a:contents/a:letter[1]/a:chunk[1]/@file}"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'start'"/></xsl:call-template></a></li>
            </xsl:if>
            <xsl:if test="a:index/a:index-letter">
              <li><a epub:type="index" href="index.xhtml"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'index'"/></xsl:call-template></a></li>
            </xsl:if>
            <li><a epub:type="copyright-page" href="imprint.xhtml"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'imprint'"/></xsl:call-template></a></li>
          </ol>
        </nav>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="ncx">
    <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="{$lang}">
      <head>
        <meta name="dtb:uid" content="{a:metadata/a:identifier}"/>
        <meta name="dtb:depth" content="{$toc.depth}"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
      </head>
      <docTitle><text><xsl:value-of select="a:metadata/a:title"/></text></docTitle>
      <navMap>
        <xsl:for-each select="a:contents/a:letter">
          <xsl:variable name="letter" select="position()"/>
          <navPoint id="nav-{$letter}">
            <navLabel><text><xsl:value-of select="@label"/></text></navLabel>
            <content src="{a:chunk[1]/@file}"/>
            <xsl:if test="$toc.depth &gt; 1">
              <xsl:for-each select="a:chunk/a:entry-ref">
                <navPoint id="nav-{$letter}-{position()}">
                  <navLabel><text><xsl:value-of select="."/></text></navLabel>
                  <content src="{../@file}#{@anchor}"/>
                </navPoint>
              </xsl:for-each>
            </xsl:if>
          </navPoint>
        </xsl:for-each>
        <xsl:for-each select="$back.pages">
          <navPoint id="nav-back-{position()}">
            <navLabel><text><xsl:call-template name="gentext"><xsl:with-param name="key" select="@key"/></xsl:call-template></text></navLabel>
            <content src="{@file}"/>
          </navPoint>
        </xsl:for-each>
      </navMap>
    </ncx>
  </xsl:template>

</xsl:stylesheet>
