<?xml version="1.0" encoding="UTF-8"?>
<!-- Lines of a book's imprint, shared by the EPUB imprint page and the print imprint. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

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

</xsl:stylesheet>
