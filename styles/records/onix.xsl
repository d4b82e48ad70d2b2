<?xml version="1.0" encoding="UTF-8"?>
<!-- The outline → an ONIX for Books 3.0 message (reference tags) with the
     e-book as its one product, for the book trade. Contributor roles are
     ONIX code list 17: B11 editor-in-chief, B01 editor, C01 compiler,
     B06 translator, Z04 reviewer. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="urn:asyl:book:1"
    xmlns="http://ns.editeur.org/onix/3.0/reference"
    exclude-result-prefixes="a">

  <xsl:template name="onix.message">
    <xsl:variable name="m" select="a:metadata"/>
    <xsl:variable name="stamp" select="translate($m/a:modified, '-:TZ', '')"/>
    <xsl:variable name="date" select="translate($m/a:date, '-', '')"/>
    <ONIXMessage release="3.0">
      <Header>
        <Sender><SenderName><xsl:value-of select="$m/a:publisher"/><xsl:if test="not($m/a:publisher)">Asyl</xsl:if></SenderName></Sender>
        <SentDateTime><xsl:value-of select="concat(substring($stamp, 1, 8), 'T', substring($stamp, 9, 4))"/></SentDateTime>
      </Header>
      <Product>
        <RecordReference><xsl:value-of select="$m/a:identifier"/></RecordReference>
        <NotificationType>03</NotificationType>
        <ProductIdentifier>
          <ProductIDType>01</ProductIDType>
          <IDTypeName>Asyl</IDTypeName>
          <IDValue><xsl:value-of select="$m/a:identifier"/></IDValue>
        </ProductIdentifier>
        <xsl:if test="$m/a:isbn">
          <ProductIdentifier>
            <ProductIDType>15</ProductIDType>
            <IDValue><xsl:call-template name="isbn.digits"><xsl:with-param name="isbn" select="$m/a:isbn"/></xsl:call-template></IDValue>
          </ProductIdentifier>
        </xsl:if>
        <DescriptiveDetail>
          <ProductComposition>00</ProductComposition>
          <ProductForm>ED</ProductForm>
          <ProductFormDetail>E101</ProductFormDetail>
          <xsl:if test="$m/a:series">
            <Collection>
              <CollectionType>10</CollectionType>
              <TitleDetail>
                <TitleType>01</TitleType>
                <TitleElement>
                  <TitleElementLevel>02</TitleElementLevel>
                  <PartNumber><xsl:value-of select="$m/a:series/@volume"/></PartNumber>
                  <TitleText><xsl:value-of select="$m/a:series"/></TitleText>
                </TitleElement>
              </TitleDetail>
            </Collection>
          </xsl:if>
          <TitleDetail>
            <TitleType>01</TitleType>
            <TitleElement>
              <TitleElementLevel>01</TitleElementLevel>
              <TitleText><xsl:value-of select="$m/a:title"/></TitleText>
            </TitleElement>
          </TitleDetail>
          <xsl:for-each select="$m/a:contributor">
            <Contributor>
              <SequenceNumber><xsl:value-of select="position()"/></SequenceNumber>
              <ContributorRole>
                <xsl:choose>
                  <xsl:when test="@role = 'editor-in-chief'">B11</xsl:when>
                  <xsl:when test="@role = 'editor'">B01</xsl:when>
                  <xsl:when test="@role = 'compiler'">C01</xsl:when>
                  <xsl:when test="@role = 'translator'">B06</xsl:when>
                  <xsl:otherwise>Z04</xsl:otherwise>
                </xsl:choose>
              </ContributorRole>
              <PersonName><xsl:value-of select="."/></PersonName>
              <PersonNameInverted><xsl:value-of select="@file-as"/></PersonNameInverted>
            </Contributor>
          </xsl:for-each>
          <xsl:if test="not($m/a:contributor)"><NoContributor/></xsl:if>
          <Language>
            <LanguageRole>01</LanguageRole>
            <LanguageCode><xsl:call-template name="language.code"/></LanguageCode>
          </Language>
          <xsl:for-each select="$m/a:subject">
            <Subject>
              <SubjectSchemeIdentifier>20</SubjectSchemeIdentifier>
              <SubjectHeadingText><xsl:value-of select="."/></SubjectHeadingText>
            </Subject>
          </xsl:for-each>
        </DescriptiveDetail>
        <xsl:if test="$m/a:description">
          <CollateralDetail>
            <TextContent>
              <TextType>03</TextType>
              <ContentAudience>00</ContentAudience>
              <Text><xsl:value-of select="$m/a:description"/></Text>
            </TextContent>
          </CollateralDetail>
        </xsl:if>
        <PublishingDetail>
          <xsl:if test="$m/a:publisher">
            <Publisher>
              <PublishingRole>01</PublishingRole>
              <PublisherName><xsl:value-of select="$m/a:publisher"/></PublisherName>
            </Publisher>
          </xsl:if>
          <PublishingDate>
            <PublishingDateRole>01</PublishingDateRole>
            <!-- List 55: 00 YYYYMMDD, 01 YYYYMM, 05 YYYY. -->
            <Date dateformat="{substring('050100', 1 + (string-length($date) - 4), 2)}"><xsl:value-of select="$date"/></Date>
          </PublishingDate>
        </PublishingDetail>
        <xsl:if test="$m/a:print-isbn">
          <RelatedMaterial>
            <RelatedProduct>
              <!-- List 51: 13, an e-publication based on this print product. -->
              <ProductRelationCode>13</ProductRelationCode>
              <ProductIdentifier>
                <ProductIDType>15</ProductIDType>
                <IDValue><xsl:call-template name="isbn.digits"><xsl:with-param name="isbn" select="$m/a:print-isbn"/></xsl:call-template></IDValue>
              </ProductIdentifier>
            </RelatedProduct>
          </RelatedMaterial>
        </xsl:if>
      </Product>
    </ONIXMessage>
  </xsl:template>

</xsl:stylesheet>
