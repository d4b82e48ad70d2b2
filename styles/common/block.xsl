<?xml version="1.0" encoding="UTF-8"?>
<!-- Block elements of the book vocabulary → XHTML. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <xsl:template match="a:p"><p><xsl:apply-templates/></p></xsl:template>

  <xsl:template match="a:h">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="@level - 2 + $section.first.level &gt; 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="@level - 2 + $section.first.level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a:quote"><blockquote><xsl:apply-templates/></blockquote></xsl:template>

  <xsl:template match="a:list[@ordered = 'true']">
    <ol>
      <xsl:if test="@start != '1'"><xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </ol>
  </xsl:template>
  <xsl:template match="a:list"><ul><xsl:apply-templates/></ul></xsl:template>
  <xsl:template match="a:item"><li><xsl:apply-templates/></li></xsl:template>
  <!-- A tight list (no blank line between its items) sets its items' paragraphs without <p>, as CommonMark does. -->
  <xsl:template match="a:list[@tight = 'true']/a:item/a:p"><xsl:apply-templates/></xsl:template>

  <xsl:template match="a:code-block">
    <pre><code>
      <xsl:if test="@language"><xsl:attribute name="class"><xsl:value-of select="concat('language-', @language)"/></xsl:attribute></xsl:if>
      <xsl:value-of select="."/>
    </code></pre>
  </xsl:template>

  <xsl:template match="a:hr"><hr/></xsl:template>

  <xsl:template match="a:table">
    <table>
      <thead><tr><xsl:apply-templates select="a:head/a:cell" mode="table.cell"><xsl:with-param name="tag" select="'th'"/></xsl:apply-templates></tr></thead>
      <xsl:if test="a:row">
        <tbody>
          <xsl:for-each select="a:row">
            <tr><xsl:apply-templates select="a:cell" mode="table.cell"/></tr>
          </xsl:for-each>
        </tbody>
      </xsl:if>
    </table>
  </xsl:template>

  <xsl:template match="a:cell" mode="table.cell">
    <xsl:param name="tag" select="'td'"/>
    <xsl:variable name="column" select="count(preceding-sibling::a:cell) + 1"/>
    <xsl:variable name="align" select="ancestor::a:table/a:column[$column]/@align"/>
    <xsl:element name="{$tag}">
      <xsl:if test="$align and $align != 'none'">
        <xsl:attribute name="class"><xsl:value-of select="concat('align-', $align)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="a:figure">
    <figure>
      <img src="{$media.prefix}{@src}" alt="{@alt}"/>
      <xsl:if test="a:caption">
        <figcaption><xsl:apply-templates select="a:caption/node()"/></figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

</xsl:stylesheet>
