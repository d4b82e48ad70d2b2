<?xml version="1.0" encoding="UTF-8"?>
<!-- The whole book as one HTML document for paged media: title page,
     imprint, contents by letter with page numbers, the entries in two
     columns, footnotes at the foot of the page, cross-references with the
     target's page, and the back matter. Page numbers come from print.css
     (target-counter), so they are right whatever engine lays out the pages.
     The output is read as HTML, where <a/> would stay open: a page reference
     holds its ", " and print.css adds the number. Ids the stylesheet
     makes contain a `.`, which entry ids never do. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <xsl:template match="/a:book">
    <html lang="{$lang}" xml:lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="a:metadata/a:title"/></title>
        <link rel="stylesheet" href="print.css"/>
      </head>
      <body>
        <section class="title-page">
          <xsl:if test="a:metadata/a:work-title != a:metadata/a:title">
            <p class="work-title"><xsl:value-of select="a:metadata/a:work-title"/></p>
          </xsl:if>
          <h1 class="book-title"><xsl:value-of select="a:metadata/a:title"/></h1>
          <p class="publisher"><xsl:value-of select="a:metadata/a:publisher"/></p>
          <p class="year"><xsl:value-of select="a:metadata/a:year"/></p>
        </section>
        <section class="imprint-page">
          <xsl:call-template name="imprint.classification"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
          <dl>
            <xsl:call-template name="imprint.contributors"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
            <xsl:call-template name="imprint.series"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'publisher'"/>
              <xsl:with-param name="value" select="a:metadata/a:publisher"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'isbn'"/>
              <xsl:with-param name="value" select="a:metadata/a:print-isbn"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'year'"/>
              <xsl:with-param name="value" select="a:metadata/a:year"/>
            </xsl:call-template>
            <xsl:call-template name="imprint.line">
              <xsl:with-param name="key" select="'entries'"/>
              <xsl:with-param name="value" select="a:metadata/a:entry-count"/>
            </xsl:call-template>
          </dl>
          <xsl:if test="a:metadata/a:rights"><p class="rights"><xsl:value-of select="a:metadata/a:rights"/></p></xsl:if>
          <p class="fonts"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'fonts'"/></xsl:call-template></p>
          <p class="made-with"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'made-with'"/></xsl:call-template></p>
          <xsl:call-template name="imprint.printing"><xsl:with-param name="metadata" select="a:metadata"/></xsl:call-template>
        </section>
        <nav class="toc">
          <h1><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h1>
          <ol>
            <xsl:for-each select="a:contents/a:letter">
              <li><a href="#letter.{position()}"><xsl:value-of select="@label"/></a></li>
            </xsl:for-each>
            <xsl:if test="a:index/a:index-letter">
              <li><a href="#back.index"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'index'"/></xsl:call-template></a></li>
            </xsl:if>
            <xsl:if test="a:regions/a:region">
              <li><a href="#back.regions"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'regions-index'"/></xsl:call-template></a></li>
            </xsl:if>
            <xsl:if test="a:bibliography/a:source">
              <li><a href="#back.bibliography"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'sources'"/></xsl:call-template></a></li>
            </xsl:if>
            <xsl:if test="a:chronology/a:event">
              <li><a href="#back.chronology"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'chronology'"/></xsl:call-template></a></li>
            </xsl:if>
          </ol>
        </nav>
        <main class="entries">
          <xsl:for-each select="a:contents/a:letter">
            <section class="letter" id="letter.{position()}">
              <h1 class="letter-title"><xsl:value-of select="@label"/></h1>
              <!-- asyl puts each chunk's entries here, transformed on their own (below). -->
              <xsl:for-each select="a:chunk">
                <xsl:processing-instruction name="asyl-chunk"><xsl:value-of select="@file"/></xsl:processing-instruction>
              </xsl:for-each>
            </section>
          </xsl:for-each>
        </main>
        <xsl:if test="a:index/a:index-letter">
          <section class="print-index" id="back.index">
            <h1><xsl:call-template name="gentext"><xsl:with-param name="key" select="'index'"/></xsl:call-template></h1>
            <xsl:for-each select="a:index/a:index-letter">
              <h2><xsl:value-of select="@label"/></h2>
              <ul>
                <xsl:for-each select="a:index-item">
                  <li>
                    <xsl:value-of select="."/>
                    <xsl:if test="@see">
                      <xsl:text> — </xsl:text>
                      <span class="see"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'see'"/></xsl:call-template></span>
                      <xsl:text> </xsl:text><xsl:value-of select="@see"/>
                    </xsl:if>
                    <a class="page-ref" href="#{@anchor}"><xsl:text>, </xsl:text></a>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:for-each>
          </section>
        </xsl:if>
        <xsl:if test="a:regions/a:region">
          <section class="print-index" id="back.regions">
            <h1><xsl:call-template name="gentext"><xsl:with-param name="key" select="'regions-index'"/></xsl:call-template></h1>
            <xsl:for-each select="a:regions/a:region">
              <h2><xsl:value-of select="@title"/><a class="page-ref" href="#{@anchor}"><xsl:text>, </xsl:text></a></h2>
              <ul>
                <xsl:for-each select="a:region-item">
                  <li><xsl:value-of select="."/><a class="page-ref" href="#{@anchor}"><xsl:text>, </xsl:text></a></li>
                </xsl:for-each>
              </ul>
            </xsl:for-each>
          </section>
        </xsl:if>
        <xsl:if test="a:bibliography/a:source">
          <section class="print-bibliography" id="back.bibliography">
            <h1><xsl:call-template name="gentext"><xsl:with-param name="key" select="'sources'"/></xsl:call-template></h1>
            <ol>
              <xsl:for-each select="a:bibliography/a:source">
                <li><xsl:apply-templates select="." mode="source"/></li>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:if>
        <xsl:if test="a:chronology/a:event">
          <section class="print-chronology" id="back.chronology">
            <h1><xsl:call-template name="gentext"><xsl:with-param name="key" select="'chronology'"/></xsl:call-template></h1>
            <table>
              <tbody>
                <xsl:for-each select="a:chronology/a:event">
                  <tr>
                    <td class="date"><xsl:value-of select="@date"/></td>
                    <td><xsl:value-of select="."/><xsl:text>: </xsl:text><xsl:value-of select="@label"/><a class="page-ref" href="#{@anchor}"><xsl:text>, </xsl:text></a></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </section>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- A chunk's entries, which asyl writes in place of the chunk's
       processing instruction in the book: the book is made a chunk at a
       time, so its size is not held in memory at once. -->
  <xsl:template match="/a:chunk">
    <xsl:apply-templates select="a:entry"/>
  </xsl:template>

  <!-- One document: links point at anchors, and print.css adds the page. -->
  <xsl:template match="a:link[@status = 'resolved']">
    <a class="xref" href="#{@anchor}"><xsl:apply-templates/></a>
  </xsl:template>

  <!-- Footnotes are set at the foot of their page: the note's text goes where it is referenced. -->
  <xsl:template match="a:noteref">
    <xsl:variable name="note" select="ancestor::a:entry/a:notes/a:note[@id = current()/@note]"/>
    <span class="footnote">
      <xsl:for-each select="$note/*">
        <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="a:notes"/>

  <!-- The headword feeds the running heads. -->
  <xsl:template match="a:entry">
    <section class="entry {@kind}" id="{@anchor}">
      <h2 class="headword"><xsl:value-of select="a:title"/></h2>
      <xsl:apply-templates select="a:kind-label"/>
      <xsl:apply-templates select="a:aliases"/>
      <xsl:if test="$facts.show = 1"><xsl:apply-templates select="a:facts"/></xsl:if>
      <xsl:apply-templates select="a:body"/>
      <xsl:apply-templates select="a:sources"/>
    </section>
  </xsl:template>

</xsl:stylesheet>
