<?xml version="1.0" encoding="UTF-8"?>
<!-- Lines of a book's imprint, shared by the EPUB imprint page and the print imprint. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <xsl:template name="imprint.line">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <div>
        <dt><xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template></dt>
        <dd><xsl:value-of select="$value"/></dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- "2-том", "Том 2", "Volume 2": a volume's number as the book's language writes it. -->
  <xsl:template name="volume.text">
    <xsl:param name="number"/>
    <xsl:variable name="pattern">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'volume'"/></xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="concat(substring-before($pattern, '%n'), $number, substring-after($pattern, '%n'))"/>
  </xsl:template>

  <!-- The imprint's lines of who made the book, a line for each role that
       has someone, in the order books print them. -->
  <xsl:template name="imprint.contributors">
    <xsl:param name="metadata"/>
    <xsl:for-each select="$metadata/a:contributor[not(@role = preceding-sibling::a:contributor/@role)]">
      <xsl:sort select="string-length(substring-before('editor-in-chief editor compiler reviewer translator ', concat(@role, ' ')))" data-type="number"/>
      <xsl:variable name="role" select="@role"/>
      <xsl:variable name="all" select="$metadata/a:contributor[@role = $role]"/>
      <div>
        <dt>
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="concat('role.', $role, substring('.plural', 1 div (count($all) &gt; 1)))"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:for-each select="$all">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </dd>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- The series and volume, as one imprint line. -->
  <xsl:template name="imprint.series">
    <xsl:param name="metadata"/>
    <xsl:if test="$metadata/a:series">
      <div>
        <dt><xsl:call-template name="gentext"><xsl:with-param name="key" select="'series'"/></xsl:call-template></dt>
        <dd>
          <xsl:value-of select="$metadata/a:series"/>
          <xsl:text>, </xsl:text>
          <xsl:call-template name="volume.text"><xsl:with-param name="number" select="$metadata/a:series/@volume"/></xsl:call-template>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The classification codes a library gives the book, at the top of its imprint
       as Kazakh and Russian books print them: ӘОЖ and КБЖ, УДК and ББК, UDC and LBC. -->
  <xsl:template name="imprint.classification">
    <xsl:param name="metadata"/>
    <xsl:if test="$metadata/a:udc or $metadata/a:bbk">
      <p class="classification">
        <xsl:for-each select="$metadata/a:udc | $metadata/a:bbk">
          <xsl:if test="position() &gt; 1"><br/></xsl:if>
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="local-name()"/></xsl:call-template>
          <xsl:text>&#xA0;</xsl:text>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- The press's lines of a printed book, one sentence each, in the order imprints set
       them: the sheet format, the print run, the printer ("Пішімі 70×100 1/16."). -->
  <xsl:template name="imprint.printing">
    <xsl:param name="metadata"/>
    <xsl:if test="$metadata/a:paper-format or $metadata/a:print-run or $metadata/a:printer">
      <p class="printing">
        <xsl:for-each select="$metadata/a:paper-format">
          <xsl:call-template name="imprint.pattern">
            <xsl:with-param name="key" select="'paper-format'"/>
            <xsl:with-param name="values" select="concat(@width, '×', @height)"/>
            <xsl:with-param name="second" select="@fraction"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$metadata/a:print-run">
          <xsl:if test="$metadata/a:paper-format"><xsl:text> </xsl:text></xsl:if>
          <xsl:call-template name="imprint.pattern">
            <xsl:with-param name="key" select="'print-run'"/>
            <xsl:with-param name="values" select="."/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="$metadata/a:printer">
          <xsl:if test="$metadata/a:paper-format or $metadata/a:print-run"><br/></xsl:if>
          <xsl:call-template name="imprint.pattern">
            <xsl:with-param name="key" select="'printer'"/>
            <xsl:with-param name="values" select="."/>
          </xsl:call-template>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- A gentext pattern with %s in place of `values` and %f of `second`. -->
  <xsl:template name="imprint.pattern">
    <xsl:param name="key"/>
    <xsl:param name="values"/>
    <xsl:param name="second" select="''"/>
    <xsl:variable name="pattern">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="first" select="concat(substring-before($pattern, '%s'), $values, substring-after($pattern, '%s'))"/>
    <xsl:choose>
      <xsl:when test="contains($first, '%f')">
        <xsl:value-of select="concat(substring-before($first, '%f'), $second, substring-after($first, '%f'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
