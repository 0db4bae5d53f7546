// The /kaart page: locaties from the Onderwijsgraaf API (GeoJSON over GET) as markers.
(function () {
  "use strict";

  var MAX_LOCATIES = 3000;
  var NEDERLAND = [[50.75, 3.2], [53.7, 7.22]];
  var QUERY = [
    "query Kaart($filter: OnderwijslocatieFilter, $after: String) {",
    "  onderwijslocaties(filter: $filter, first: 100, after: $after) {",
    "    totalCount",
    "    pageInfo { hasNextPage endCursor }",
    "    geojson { type features { type id geometry { type coordinates } properties {",
    "      code afstandKm",
    "      adres { straatnaam huisnummer huisnummertoevoeging postcode plaatsnaam }",
    "      onderwijsaanbieders(first: 5) { edges { node { naam } } }",
    "      aangebodenOpleidingen(first: 10) { totalCount edges { node {",
    "        sector eigenNaam opleidingseenheid { naamLang }",
    "        ... on AangebodenBoOpleiding { onderwijsconcept }",
    "        ... on AangebodenVoOpleiding { onderwijsconcept }",
    "      } } }",
    "    } } }",
    "  }",
    "}"
  ].join("\n");

  var instellingen = JSON.parse(document.getElementById("kaart-instellingen").textContent);
  var container = document.getElementById("kaart");
  var melding = document.getElementById("melding");
  var kaart = L.map(container, { preferCanvas: false }).fitBounds(NEDERLAND);
  kaart.attributionControl.addAttribution("Bron: DUO; Bron: CBS; GeoNames (CC BY 4.0)");
  if (instellingen.tegels) {
    L.tileLayer(instellingen.tegels, { maxZoom: 19, attribution: instellingen.attributie }).addTo(kaart);
  }

  function lijst(waarde) {
    return waarde ? waarde.split(",").map(function (v) { return v.trim(); }).filter(Boolean) : null;
  }

  function filterUitUrl(params) {
    var filter = {};
    var gemeente = lijst(params.get("gemeente"));
    if (gemeente) filter.gemeentecode = gemeente;
    if (params.get("postcode")) {
      filter.nabij = { postcode: params.get("postcode"), straalKm: parseFloat(params.get("straal") || "3") };
    }
    var sector = lijst(params.get("sector"));
    if (sector) filter.sector = sector.map(function (s) { return s.toUpperCase(); });
    var concept = lijst(params.get("onderwijsconcept"));
    if (concept) filter.onderwijsconcept = concept.map(function (c) { return c.toUpperCase(); });
    return filter;
  }

  function tekst(waarde) {
    var span = document.createElement("span");
    span.textContent = waarde == null ? "" : String(waarde);
    return span.innerHTML;
  }

  function popup(p) {
    var namen = p.onderwijsaanbieders.edges.map(function (e) { return e.node.naam; });
    var a = p.adres;
    var straat = [a.straatnaam, a.huisnummer, a.huisnummertoevoeging].filter(Boolean).join(" ");
    var aanbod = p.aangebodenOpleidingen.edges.map(function (e) {
      var n = e.node;
      var naam = n.eigenNaam || (n.opleidingseenheid && n.opleidingseenheid.naamLang) || n.sector;
      return "<li>" + tekst(naam) + (n.onderwijsconcept ? " (" + tekst(n.onderwijsconcept) + ")" : "") + "</li>";
    });
    var meer = p.aangebodenOpleidingen.totalCount - aanbod.length;
    return '<div class="popup"><h3>' + tekst(namen.join(" · ") || p.code) + "</h3>" +
      "<p>" + tekst(straat) + "<br>" + tekst([a.postcode, a.plaatsnaam].filter(Boolean).join(" ")) + "</p>" +
      (p.afstandKm != null ? "<p>" + tekst(p.afstandKm.toFixed(2)) + " km</p>" : "") +
      (aanbod.length ? "<ul>" + aanbod.join("") + (meer > 0 ? "<li>… en " + meer + " meer</li>" : "") + "</ul>" : "") +
      "</div>";
  }

  function vraag(filter, after) {
    var url = "/graphql?query=" + encodeURIComponent(QUERY) +
      "&variables=" + encodeURIComponent(JSON.stringify({ filter: filter, after: after }));
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); });
  }

  function klaar(aantal, totaal, fout) {
    container.dataset.markers = String(aantal);
    container.dataset.status = fout ? "fout" : "klaar";
    melding.className = fout ? "fout" : "";
    if (fout) melding.textContent = fout;
    else if (aantal < totaal) melding.textContent = "De eerste " + aantal + " van " + totaal + " locaties";
    else melding.textContent = totaal === 1 ? "1 locatie" : totaal + " locaties";
  }

  var laag = L.geoJSON(null, {
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, { radius: 7, weight: 2, color: "#0b4f8a", fillColor: "#3d8bd9", fillOpacity: 0.85 });
    },
    onEachFeature: function (feature, marker) {
      marker.bindPopup(popup(feature.properties));
      marker.on("add", function () {
        var pad = marker.getElement();
        if (pad) pad.setAttribute("data-code", feature.id);
      });
    }
  }).addTo(kaart);
  window.onderwijsgraafKaart = { kaart: kaart, laag: laag };

  var filter = filterUitUrl(new URLSearchParams(window.location.search));
  if (!Object.keys(filter).length) {
    klaar(0, 0, "Kies een gemeente, postcode of sector in de URL, bv. /kaart?gemeente=0344&sector=PO");
    return;
  }
  var aantal = 0;
  function volgende(after) {
    return vraag(filter, after).then(function (antwoord) {
      if (antwoord.errors) throw new Error(antwoord.errors[0].message);
      var pagina = antwoord.data.onderwijslocaties;
      laag.addData(pagina.geojson);
      aantal += pagina.geojson.features.length;
      if (pagina.pageInfo.hasNextPage && aantal < MAX_LOCATIES) return volgende(pagina.pageInfo.endCursor);
      if (aantal) kaart.fitBounds(laag.getBounds(), { padding: [30, 30], maxZoom: 15 });
      klaar(aantal, pagina.totalCount, null);
    });
  }
  volgende(null).catch(function (fout) { klaar(aantal, aantal, "Fout: " + fout.message); });
})();
