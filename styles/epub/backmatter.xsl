<?xml version="1.0" encoding="UTF-8"?>
<!-- Back matter made from the outline: the index of headwords and aliases,
     the index by region and the chronology, each item linking to its entry. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="a">

  <xsl:template match="a:*" mode="entry.href">
    <xsl:attribute name="href"><xsl:value-of select="concat(@file, '#', @anchor)"/></xsl:attribute>
  </xsl:template>

  <xsl:template name="backmatter.page">
    <xsl:param name="key"/>
    <xsl:param name="class"/>
    <xsl:param name="content"/>
    <xsl:call-template name="page">
      <xsl:with-param name="title-key" select="$key"/>
      <xsl:with-param name="type" select="'backmatter'"/>
      <xsl:with-param name="content">
        <section class="{$class}" aria-labelledby="{$class}-title">
          <h1 id="{$class}-title"><xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template></h1>
          <xsl:copy-of select="$content"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="index">
    <xsl:call-template name="backmatter.page">
      <xsl:with-param name="key" select="'index'"/>
      <xsl:with-param name="class" select="'index'"/>
      <xsl:with-param name="content">
        <xsl:for-each select="a:index/a:index-letter">
          <section class="index-letter" aria-labelledby="index-{position()}">
            <h2 id="index-{position()}"><xsl:value-of select="@label"/></h2>
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
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="regions">
    <xsl:call-template name="backmatter.page">
      <xsl:with-param name="key" select="'regions-index'"/>
      <xsl:with-param name="class" select="'regions'"/>
      <xsl:with-param name="content">
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
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="chronology">
    <xsl:call-template name="backmatter.page">
      <xsl:with-param name="key" select="'chronology'"/>
      <xsl:with-param name="class" select="'chronology'"/>
      <xsl:with-param name="content">
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
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
