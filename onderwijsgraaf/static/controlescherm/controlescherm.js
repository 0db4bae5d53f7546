// The controlescherm: a bestuur's organisation as a diagram (cytoscape.js) with every finding of
// `controle` on the object it concerns; an optional bearer token (kept in this tab only) adds
// the private findings it may see.
(function () {
  "use strict";

  var ERKENNINGEN = "erkenningen(first: 10) { edges { node { soort code } } }";
  var GEBRUIK = "pageInfo { hasNextPage endCursor } edges { node { onderwijslocatie { code adres { straatnaam huisnummer huisnummertoevoeging plaatsnaam } } vestigingserkenning { code } } }";
  var AANBOD = "pageInfo { hasNextPage endCursor } edges { node { code eigenNaam sector onderwijslocatie { code } } }";
  var ORGANISATIE = [
    "query Organisatie($bestuur: String!, $peildatum: Date, $after: String) {",
    "  onderwijsbestuur(code: $bestuur, peildatum: $peildatum) {",
    "    code naam " + ERKENNINGEN,
    "    onderwijsaanbieders(first: 20, after: $after) {",
    "      pageInfo { hasNextPage endCursor }",
    "      edges { node { code naam " + ERKENNINGEN,
    "        onderwijslocatiegebruiken(first: 100) { " + GEBRUIK + " }",
    "        aangebodenOpleidingen(first: 100) { " + AANBOD + " } } }",
    "    }",
    "  }",
    "}"
  ].join("\n");
  var MEER = {
    onderwijslocatiegebruiken: "query Meer($code: String!, $peildatum: Date, $after: String) { onderwijsaanbieder(code: $code, peildatum: $peildatum) { onderwijslocatiegebruiken(first: 100, after: $after) { " + GEBRUIK + " } } }",
    aangebodenOpleidingen: "query Meer($code: String!, $peildatum: Date, $after: String) { onderwijsaanbieder(code: $code, peildatum: $peildatum) { aangebodenOpleidingen(first: 100, after: $after) { " + AANBOD + " } } }"
  };
  var CONTROLE = [
    "query Controle($bestuur: String!, $peildatum: Date, $after: String) {",
    "  controle(onderwijsbestuurCode: $bestuur, peildatum: $peildatum, first: 100, after: $after) {",
    "    pageInfo { hasNextPage endCursor }",
    "    edges { node { regel ernst objecttype objectcode melding message } }",
    "  }",
    "}"
  ].join("\n");
  var TOKEN = "onderwijsgraaf.token";
  var RANG = { FOUT: 3, WAARSCHUWING: 2, INFO: 1 };
  var KLEUR = { FOUT: "#c0392b", WAARSCHUWING: "#e67e22", INFO: "#2874a6" };

  var body = document.body;
  var instellingen = JSON.parse(document.getElementById("controle-instellingen").textContent);
  var melding = document.getElementById("melding");
  var houder = document.getElementById("diagram");
  var lijst = document.getElementById("bevindingen");
  var cy = null;

  function status(waarde, tekst, fout) {
    body.setAttribute("data-status", waarde);
    houder.setAttribute("data-status", waarde);
    melding.textContent = tekst || "";
    melding.className = fout ? "fout" : "";
  }

  function element(naam, tekst, klasse) {
    var e = document.createElement(naam);
    if (tekst != null) e.textContent = String(tekst);
    if (klasse) e.className = klasse;
    return e;
  }

  function GraphQLFout(http, fouten) {
    this.http = http;
    this.fouten = fouten;
    this.message = fouten.map(function (f) { return f.message; }).join("; ") || "HTTP " + http;
  }

  function vraag(query, variables, token) {
    var headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    return fetch("/graphql", { method: "POST", headers: headers, body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (r) {
        return r.json().then(function (antwoord) {
          if (r.status !== 200 || (antwoord.errors && antwoord.errors.length)) throw new GraphQLFout(r.status, antwoord.errors || []);
          return antwoord.data;
        });
      });
  }

  // every page of a connection: `pagina(after)` gives one page; the nodes in order
  function allePaginas(pagina, after, verzameld) {
    verzameld = verzameld || [];
    return pagina(after).then(function (conn) {
      conn.edges.forEach(function (e) { verzameld.push(e.node); });
      return conn.pageInfo.hasNextPage ? allePaginas(pagina, conn.pageInfo.endCursor, verzameld) : verzameld;
    });
  }

  // the rest of one aanbieder's list beyond its first 100
  function rest(aanbieder, veld) {
    var conn = aanbieder[veld];
    var eerste = conn.edges.map(function (e) { return e.node; });
    if (!conn.pageInfo.hasNextPage) return Promise.resolve(eerste);
    return allePaginas(function (after) {
      return vraag(MEER[veld], { code: aanbieder.code, peildatum: instellingen.peildatum, after: after })
        .then(function (d) { return d.onderwijsaanbieder[veld]; });
    }, conn.pageInfo.endCursor, eerste);
  }

  function organisatie() {
    var bestuur = null;
    return allePaginas(function (after) {
      return vraag(ORGANISATIE, { bestuur: instellingen.bestuur, peildatum: instellingen.peildatum, after: after })
        .then(function (d) {
          if (!d.onderwijsbestuur) throw new Error("onderwijsbestuur " + instellingen.bestuur + " bestaat niet op deze peildatum / does not exist on this peildatum");
          bestuur = d.onderwijsbestuur;
          return bestuur.onderwijsaanbieders;
        });
    }).then(function (aanbieders) {
      return Promise.all(aanbieders.map(function (a) {
        return Promise.all([rest(a, "onderwijslocatiegebruiken"), rest(a, "aangebodenOpleidingen")])
          .then(function (r) { a.gebruik = r[0]; a.aanbod = r[1]; return a; });
      })).then(function (volledig) { bestuur.aanbieders = volledig; return bestuur; });
    });
  }

  function bevindingen(token) {
    return allePaginas(function (after) {
      return vraag(CONTROLE, { bestuur: instellingen.bestuur, peildatum: instellingen.peildatum, after: after }, token)
        .then(function (d) { return d.controle; });
    });
  }

  function erkenningen(o) {
    return o.erkenningen.edges.map(function (e) { return e.node.code; }).join(", ");
  }

  function adres(a) {
    if (!a) return "";
    return [a.straatnaam, a.huisnummer, a.huisnummertoevoeging].filter(function (x) { return x != null && x !== ""; }).join(" ") +
      (a.plaatsnaam ? ", " + a.plaatsnaam : "");
  }

  // nodes and edges: bestuur → aanbieder → locatie (as used by that aanbieder) → aanbod
  function elementen(bestuur) {
    var knopen = {}, lijnen = [];
    function knoop(id, soort, label, ouder, extra) {
      if (knopen[id]) return;
      var data = { id: id, soort: soort, label: label };
      Object.keys(extra || {}).forEach(function (k) { data[k] = extra[k]; });
      knopen[id] = { group: "nodes", data: data, classes: soort };
      if (ouder) lijnen.push({ group: "edges", data: { id: ouder + ">" + id, source: ouder, target: id } });
    }
    var b = erkenningen(bestuur);
    knoop(bestuur.code, "bestuur", bestuur.naam + "\n" + bestuur.code + (b ? "\n" + b : ""), null);
    bestuur.aanbieders.forEach(function (a) {
      var e = erkenningen(a);
      knoop(a.code, "aanbieder", a.naam + "\n" + a.code + (e ? "\n" + e : ""), bestuur.code);
      a.gebruik.forEach(function (g) {
        var l = g.onderwijslocatie;
        if (!l) return;
        knoop(a.code + "/" + l.code, "locatie",
          l.code + (g.vestigingserkenning ? " · BRIN6 " + g.vestigingserkenning.code : "") + "\n" + adres(l.adres),
          a.code, { locatie: l.code });
      });
      a.aanbod.forEach(function (o) {
        var ouder = a.code;
        if (o.onderwijslocatie) {
          ouder = a.code + "/" + o.onderwijslocatie.code;
          knoop(ouder, "locatie", o.onderwijslocatie.code + "\n(geen locatiegebruik / no gebruik)", a.code, { locatie: o.onderwijslocatie.code });
        }
        knoop(o.code, "aanbod", (o.eigenNaam || o.code) + " · " + o.sector, ouder);
      });
    });
    return Object.keys(knopen).map(function (k) { return knopen[k]; }).concat(lijnen);
  }

  // the nodes a finding concerns (see the objectcode formats of `controle`)
  function knopenVan(b) {
    switch (b.objecttype) {
      case "Onderwijslocatie": return cy.nodes().filter(function (n) { return n.data("locatie") === b.objectcode; });
      case "Cohort": return cy.getElementById(b.objectcode.split("/")[0]);
      default: return cy.getElementById(b.objectcode);
    }
  }

  function teken(bestuur) {
    cy = cytoscape({
      container: houder,
      elements: elementen(bestuur),
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          label: "data(label)", "text-wrap": "wrap", "text-max-width": 90, "font-size": 10,
          "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 7,
          "background-color": "#8aa4bf", width: 18, height: 18, "border-width": 0 } },
        { selector: "node.bestuur", style: { "background-color": "#154273", width: 34, height: 34, "font-size": 13, shape: "round-rectangle" } },
        { selector: "node.aanbieder", style: { "background-color": "#2e6da4", width: 26, height: 26, shape: "round-rectangle" } },
        { selector: "node.locatie", style: { "background-color": "#5d8c5a", shape: "diamond" } },
        { selector: "node.aanbod", style: { "background-color": "#a9b7c6", shape: "ellipse", width: 12, height: 12, "font-size": 8 } },
        { selector: "node[ernst]", style: { "border-width": 4, "border-color": "data(kleur)" } },
        { selector: "node[aantal]", style: { label: "data(badge)" } },
        { selector: "node:selected", style: { "overlay-color": "#1f5fbf", "overlay-opacity": 0.35, "overlay-padding": 8, "z-index": 10 } },
        { selector: "edge", style: { width: 1, "line-color": "#b8c4cf", "curve-style": "straight" } }
      ],
      layout: { name: "breadthfirst", directed: true, roots: [bestuur.code], spacingFactor: 1.1, animate: false }
    });
    window.controlediagram = cy;
    houder.setAttribute("data-knopen", String(cy.nodes().length));
  }

  function markeer(lijstBevindingen) {
    cy.nodes().removeData("ernst kleur aantal badge");
    lijstBevindingen.forEach(function (b) {
      knopenVan(b).forEach(function (n) {
        var ernst = n.data("ernst");
        if (!ernst || RANG[b.ernst] > RANG[ernst]) n.data({ ernst: b.ernst, kleur: KLEUR[b.ernst] });
        var aantal = (n.data("aantal") || 0) + 1;
        n.data({ aantal: aantal, badge: "⚠ " + aantal + "  " + n.data("label") });
      });
    });
  }

  function kies(li, b) {
    var knopen = knopenVan(b);
    Array.prototype.forEach.call(lijst.querySelectorAll("li.gekozen"), function (x) { x.classList.remove("gekozen"); });
    li.classList.add("gekozen");
    cy.nodes().unselect();
    knopen.select();
    if (knopen.length) {
      cy.zoom(Math.max(cy.zoom(), 1.2));
      cy.center(knopen);
    }
    houder.setAttribute("data-geselecteerd", knopen.map(function (n) { return n.id(); }).sort().join(" "));
  }

  function toonLijst(lijstBevindingen) {
    lijst.textContent = "";
    lijstBevindingen.forEach(function (b) {
      var li = element("li", null, b.ernst);
      var knopen = knopenVan(b);
      if (!knopen.length) li.classList.add("zonder-knoop");
      li.setAttribute("data-regel", b.regel);
      li.setAttribute("data-ernst", b.ernst);
      li.setAttribute("data-objecttype", b.objecttype);
      li.setAttribute("data-objectcode", b.objectcode);
      li.appendChild(element("div", b.regel + " " + b.ernst + " — " + b.objecttype + " " + b.objectcode, "kop-bevinding"));
      li.appendChild(element("div", b.melding));
      if (!knopen.length) li.appendChild(element("div", "(niet in het diagram / not in the diagram)"));
      li.title = b.message;
      li.addEventListener("click", function () { kies(li, b); });
      lijst.appendChild(li);
    });
    if (!lijstBevindingen.length) lijst.appendChild(element("p", "Geen bevindingen. / No findings."));
    houder.setAttribute("data-bevindingen", String(lijstBevindingen.length));
  }

  var geladen = null;

  function laad() {
    var token = sessionStorage.getItem(TOKEN) || "";
    status("laden", "Laden… / loading…");
    geladen = geladen || organisatie();
    return geladen.then(function (bestuur) {
      if (!cy) teken(bestuur);
      document.getElementById("titel").textContent = "Controle " + bestuur.naam + " (" + bestuur.code + ")" +
        (instellingen.peildatum ? " op " + instellingen.peildatum : "");
      return bevindingen(token).then(function (lijstBevindingen) {
        markeer(lijstBevindingen);
        toonLijst(lijstBevindingen);
        houder.setAttribute("data-token", token ? "ja" : "nee");
        status("klaar", lijstBevindingen.length + " bevindingen · " + cy.nodes().length + " objecten" +
          (token ? " · met token / with token" : " · openbaar / public"));
      });
    }).catch(function (fout) {
      if (fout instanceof GraphQLFout && fout.http === 401) {
        sessionStorage.removeItem(TOKEN);
        return laad().then(function () { status("klaar", "Dit token geeft geen toegang; openbare bevindingen getoond: " + fout.message, true); });
      }
      status("fout", "Niet geladen / not loaded: " + fout.message, true);
    });
  }

  document.getElementById("aanmelden").addEventListener("submit", function (e) {
    e.preventDefault();
    var token = document.getElementById("token").value.trim();
    if (token) sessionStorage.setItem(TOKEN, token); else sessionStorage.removeItem(TOKEN);
    document.getElementById("token").value = "";
    laad();
  });
  document.getElementById("afmelden").addEventListener("click", function () {
    sessionStorage.removeItem(TOKEN);
    laad();
  });

  laad();
})();
