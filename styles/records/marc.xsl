<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline → a MARC 21 bibliographic record of the e-book, as MARCXML
     (www.loc.gov/standards/marcxml). A work under editorial direction is
     entered under its title: no 1XX field; its editors and compilers are 700s
     with their relator codes. Text is in the original script; the record's
     cataloguing language (040 $b) is the book's. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:asyl:book:1"
    xmlns="http://www.loc.gov/MARC21/slim"
    exclude-result-prefixes="a">

  <xsl:template name="marc.record">
    <xsl:variable name="m" select="a:metadata"/>
    <xsl:variable name="language"><xsl:call-template name="language.code"/></xsl:variable>
    <!-- yymmdd and yyyymmddhhmmss of the build (SOURCE_DATE_EPOCH). -->
    <xsl:variable name="stamp" select="translate($m/a:modified, '-:TZ', '')"/>
    <record>
      <leader>00000nam a2200000 i 4500</leader>
      <controlfield tag="001"><xsl:value-of select="$m/a:identifier"/></controlfield>
      <controlfield tag="005"><xsl:value-of select="concat($stamp, '.0')"/></controlfield>
      <controlfield tag="006">m     o  d        </controlfield>
      <controlfield tag="007">cr |||||||||||</controlfield>
      <!-- 008: entered, single date, its year, no place known, online, an encyclopedia, index or not, the language. -->
      <controlfield tag="008">
        <xsl:value-of select="concat(substring($stamp, 3, 6), 's', substring($m/a:date, 1, 4), '    ', 'xx ', '    ', ' ', 'o',
                                     'e   ', ' ', '0', '0', substring('01', 1 + boolean(a:index/a:index-letter), 1), ' ', '0', ' ',
                                     $language, ' ', 'd')"/>
      </controlfield>
      <xsl:if test="$m/a:isbn">
        <xsl:call-template name="marc.field">
          <xsl:with-param name="tag" select="'020'"/>
          <xsl:with-param name="a"><xsl:call-template name="isbn.digits"><xsl:with-param name="isbn" select="$m/a:isbn"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="q" select="'electronic book'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'040'"/>
        <xsl:with-param name="b" select="$language"/>
        <xsl:with-param name="e" select="'rda'"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'041'"/>
        <xsl:with-param name="ind1" select="'0'"/>
        <xsl:with-param name="a" select="$language"/>
      </xsl:call-template>
      <!-- The library's own classification codes: UDC (080) and BBK (084, scheme rubbk). -->
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'080'"/>
        <xsl:with-param name="a" select="$m/a:udc"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'084'"/>
        <xsl:with-param name="a" select="$m/a:bbk"/>
        <xsl:with-param name="two" select="substring('rubbk', 1, 5 * boolean($m/a:bbk))"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'245'"/>
        <xsl:with-param name="ind1" select="'0'"/>
        <xsl:with-param name="ind2" select="'0'"/>
        <xsl:with-param name="a" select="$m/a:title"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'264'"/>
        <xsl:with-param name="ind2" select="'1'"/>
        <xsl:with-param name="b" select="$m/a:publisher"/>
        <xsl:with-param name="c" select="$m/a:year"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'300'"/>
        <xsl:with-param name="a">
          <xsl:variable name="pattern">
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="'record.extent'"/></xsl:call-template>
          </xsl:variable>
          <xsl:value-of select="concat(substring-before($pattern, '%n'), $m/a:entry-count, substring-after($pattern, '%n'))"/>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'336'"/><xsl:with-param name="a" select="'text'"/>
        <xsl:with-param name="b" select="'txt'"/><xsl:with-param name="two" select="'rdacontent'"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'337'"/><xsl:with-param name="a" select="'computer'"/>
        <xsl:with-param name="b" select="'c'"/><xsl:with-param name="two" select="'rdamedia'"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'338'"/><xsl:with-param name="a" select="'online resource'"/>
        <xsl:with-param name="b" select="'cr'"/><xsl:with-param name="two" select="'rdacarrier'"/>
      </xsl:call-template>
      <xsl:if test="$m/a:series">
        <xsl:call-template name="marc.field">
          <xsl:with-param name="tag" select="'490'"/>
          <xsl:with-param name="ind1" select="'0'"/>
          <xsl:with-param name="a" select="$m/a:series"/>
          <xsl:with-param name="v"><xsl:call-template name="volume.text"><xsl:with-param name="number" select="$m/a:series/@volume"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'520'"/>
        <xsl:with-param name="a" select="$m/a:description"/>
      </xsl:call-template>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'540'"/>
        <xsl:with-param name="a" select="$m/a:rights"/>
      </xsl:call-template>
      <xsl:for-each select="$m/a:subject">
        <xsl:call-template name="marc.field">
          <xsl:with-param name="tag" select="'650'"/>
          <xsl:with-param name="ind2" select="'4'"/>
          <xsl:with-param name="a" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$m/a:contributor">
        <xsl:call-template name="marc.field">
          <xsl:with-param name="tag" select="'700'"/>
          <xsl:with-param name="ind1" select="'1'"/>
          <xsl:with-param name="a" select="@file-as"/>
          <xsl:with-param name="e">
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="concat('relator.', @relator)"/></xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="four" select="@relator"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$m/a:print-isbn">
        <xsl:call-template name="marc.field">
          <xsl:with-param name="tag" select="'776'"/>
          <xsl:with-param name="ind1" select="'0'"/>
          <xsl:with-param name="ind2" select="'8'"/>
          <xsl:with-param name="i"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'record.print-version'"/></xsl:call-template></xsl:with-param>
          <xsl:with-param name="z"><xsl:call-template name="isbn.digits"><xsl:with-param name="isbn" select="$m/a:print-isbn"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="marc.field">
        <xsl:with-param name="tag" select="'856'"/>
        <xsl:with-param name="ind1" select="'4'"/>
        <xsl:with-param name="ind2" select="'0'"/>
        <xsl:with-param name="u" select="$m/a:web-address"/>
      </xsl:call-template>
    </record>
  </xsl:template>

  <!-- A data field with the subfields given (in MARC's order for each
       field: i, a, b, c, e, q, v, z, u, 2, 4); none at all, no field. -->
  <xsl:template name="marc.field">
    <xsl:param name="tag"/>
    <xsl:param name="ind1" select="' '"/>
    <xsl:param name="ind2" select="' '"/>
    <xsl:param name="i"/>
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:param name="c"/>
    <xsl:param name="e"/>
    <xsl:param name="q"/>
    <xsl:param name="v"/>
    <xsl:param name="z"/>
    <xsl:param name="u"/>
    <xsl:param name="two"/>
    <xsl:param name="four"/>
    <xsl:if test="concat($i, $a, $b, $c, $e, $q, $v, $z, $u) != ''">
      <datafield tag="{$tag}" ind1="{$ind1}" ind2="{$ind2}">
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'i'"/><xsl:with-param name="value" select="$i"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'a'"/><xsl:with-param name="value" select="$a"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'b'"/><xsl:with-param name="value" select="$b"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'c'"/><xsl:with-param name="value" select="$c"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'e'"/><xsl:with-param name="value" select="$e"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'q'"/><xsl:with-param name="value" select="$q"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'v'"/><xsl:with-param name="value" select="$v"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'z'"/><xsl:with-param name="value" select="$z"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'u'"/><xsl:with-param name="value" select="$u"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'2'"/><xsl:with-param name="value" select="$two"/></xsl:call-template>
        <xsl:call-template name="marc.subfield"><xsl:with-param name="code" select="'4'"/><xsl:with-param name="value" select="$four"/></xsl:call-template>
      </datafield>
    </xsl:if>
  </xsl:template>

  <xsl:template name="marc.subfield">
    <xsl:param name="code"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''"><subfield code="{$code}"><xsl:value-of select="$value"/></subfield></xsl:if>
  </xsl:template>

</xsl:stylesheet>
