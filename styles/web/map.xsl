<?xml version="1.0" encoding="UTF-8"?>
<!-- The map page (LANG/_/map/): Leaflet, the language's places.geojson (every
     entry of its pages with a location), a marker for each with a popup that
     links to the entry, and a filter by kind. Tiles only when asyl.yaml names
     a source: by default the page asks no other host for anything. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml"
    xmlns:a="urn:asyl:book:1"
    exclude-result-prefixes="a">

  <xsl:template name="web.map">
    <fieldset id="map-filters" class="map-filters">
      <legend><xsl:call-template name="gentext"><xsl:with-param name="key" select="'map-kinds'"/></xsl:call-template></legend>
    </fieldset>
    <div id="map" class="map">
      <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'map'"/></xsl:call-template></xsl:attribute>
    </div>
    <noscript><p><xsl:call-template name="gentext"><xsl:with-param name="key" select="'map-noscript'"/></xsl:call-template></p></noscript>
    <script src="{$web.root}_/leaflet/leaflet.js"></script>
    <script>
      <xsl:text>(function () {
  var tiles = {url: "</xsl:text><xsl:call-template name="web.js-string"><xsl:with-param name="text" select="$web.tiles-url"/></xsl:call-template><xsl:text>", attribution: "</xsl:text><xsl:call-template name="web.js-string"><xsl:with-param name="text" select="$web.tiles-attribution"/></xsl:call-template><xsl:text>"};
  var language = new URL("../../", location.href);
  var colours = ["#1a4c8b", "#a3321f", "#2f6b2f", "#6b3fa0", "#8a5a00", "#0f6f73"];
  var map = L.map("map", {attributionControl: tiles.url !== ""});
  if (tiles.url) L.tileLayer(tiles.url, {attribution: tiles.attribution, maxZoom: 18}).addTo(map);
  fetch("places.geojson").then(function (response) { return response.json(); }).then(function (data) {
    var groups = {}, labels = {}, order = [];
    data.features.forEach(function (feature) {
      var kind = feature.properties.kind;
      if (!groups[kind]) { groups[kind] = L.featureGroup().addTo(map); labels[kind] = feature.properties.label; order.push(kind); }
      var colour = colours[order.indexOf(kind) % colours.length];
      var point = feature.geometry.coordinates;
      var marker = L.circleMarker([point[1], point[0]], {radius: 8, color: "#fff", weight: 2, fillColor: colour, fillOpacity: 0.9});
      var popup = document.createElement("div"), link = document.createElement("a"), kindText = document.createElement("div");
      link.href = new URL(feature.properties.page, language).href;
      link.textContent = feature.properties.title;
      kindText.textContent = feature.properties.label;
      popup.append(link, kindText);
      marker.bindPopup(popup);
      marker.bindTooltip(feature.properties.title);
      groups[kind].addLayer(marker);
    });
    var all = L.featureGroup(order.map(function (kind) { return groups[kind]; }));
    if (data.features.length === 1) map.setView(all.getBounds().getCenter(), 9);
    else map.fitBounds(all.getBounds(), {padding: [30, 30]});
    var filters = document.getElementById("map-filters");
    order.forEach(function (kind, index) {
      var label = document.createElement("label"), box = document.createElement("input"), swatch = document.createElement("span");
      box.type = "checkbox";
      box.checked = true;
      box.addEventListener("change", function () { if (box.checked) groups[kind].addTo(map); else map.removeLayer(groups[kind]); });
      swatch.className = "swatch";
      swatch.style.background = colours[index % colours.length];
      label.append(box, swatch, " " + labels[kind] + " (" + groups[kind].getLayers().length + ")");
      filters.append(label);
    });
  });
})();</xsl:text>
    </script>
  </xsl:template>

  <!-- Text inside a script's double-quoted string: backslashes and quotes escaped, and no "</" that would end the script. -->
  <xsl:template name="web.js-string">
    <xsl:param name="text"/>
    <xsl:variable name="backslashes">
      <xsl:call-template name="web.replace"><xsl:with-param name="text" select="$text"/><xsl:with-param name="from" select="'\'"/><xsl:with-param name="to" select="'\\'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="quotes">
      <xsl:call-template name="web.replace"><xsl:with-param name="text" select="$backslashes"/><xsl:with-param name="from" select="'&quot;'"/><xsl:with-param name="to" select="'\&quot;'"/></xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="web.replace"><xsl:with-param name="text" select="$quotes"/><xsl:with-param name="from" select="'&lt;'"/><xsl:with-param name="to" select="'\u003c'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="web.replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="concat(substring-before($text, $from), $to)"/>
        <xsl:call-template name="web.replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
