// The toezichtrapport page: asks for a bearer token (kept in this tab only), fetches the report
// from /graphql with it and shows every object van toezicht with a chart of its pupil trend.
(function () {
  "use strict";

  var QUERY = [
    "query Toezichtrapport($bestuur: String!, $peildatum: Date) {",
    "  toezichtrapport(onderwijsbestuurCode: $bestuur, peildatum: $peildatum) {",
    "    peildatum teldata voorgesteld",
    "    onderwijsbestuur { code naam }",
    "    objecten {",
    "      code vervallen",
    "      onderwijsaanbieder { code naam }",
    "      erkenningen { soort code }",
    "      locaties { code adres }",
    "      aanbod { code naam }",
    "      toezichtContactpunt { email telefoon }",
    "      leerlingaantallen { teldatum aantal verschil gemaskeerd }",
    "    }",
    "  }",
    "}"
  ].join("\n");
  var TOKEN = "onderwijsgraaf.token";

  var body = document.body;
  var instellingen = JSON.parse(document.getElementById("rapport-instellingen").textContent);
  var melding = document.getElementById("melding");
  var formulier = document.getElementById("aanmelden");
  var acties = document.getElementById("acties");
  var inhoud = document.getElementById("objecten");

  function status(waarde, tekst, fout) {
    body.setAttribute("data-status", waarde);
    melding.textContent = tekst || "";
    melding.className = fout ? "fout" : "";
  }

  function element(naam, tekst, klasse) {
    var e = document.createElement(naam);
    if (tekst != null) e.textContent = String(tekst);
    if (klasse) e.className = klasse;
    return e;
  }

  function lijst(waarden) {
    if (!waarden.length) return element("span", "—", "leeg");
    var ul = element("ul");
    waarden.forEach(function (w) { ul.appendChild(element("li", w)); });
    return ul;
  }

  function getal(n) { return n == null ? "" : n.toLocaleString("nl-NL"); }

  function verschil(n) { return n == null ? "" : (n > 0 ? "+" : "") + n.toLocaleString("nl-NL"); }

  function tabel(reeks) {
    var t = element("table");
    var kop = t.createTHead().insertRow();
    ["Teldatum", "Leerlingen", "Verschil"].forEach(function (k) { kop.appendChild(element("th", k)); });
    var rijen = t.createTBody();
    reeks.forEach(function (r) {
      var rij = rijen.insertRow();
      rij.appendChild(element("td", r.teldatum));
      rij.appendChild(element("td", getal(r.aantal), r.gemaskeerd ? "gemaskeerd" : ""));
      rij.appendChild(element("td", verschil(r.verschil)));
    });
    return t;
  }

  function grafiek(houder, object) {
    var reeks = object.leerlingaantallen.slice().reverse(); // oldest first, left to right
    var canvas = element("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Leerlingaantallen van " + object.code);
    houder.appendChild(canvas);
    var chart = new Chart(canvas, {
      type: "line",
      data: {
        labels: reeks.map(function (r) { return r.teldatum.slice(0, 4); }),
        datasets: [{ label: "Leerlingen op 1 oktober", data: reeks.map(function (r) { return r.aantal; }),
          borderColor: "#154273", backgroundColor: "#154273", tension: 0.2 }]
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.setAttribute("data-punten", String(chart.data.datasets[0].data.length));
    return chart;
  }

  function object(o) {
    var sectie = element("section", null, "object" + (o.vervallen ? " vervallen" : ""));
    sectie.setAttribute("data-code", o.code);
    sectie.appendChild(element("h2", o.code + " — " + o.onderwijsaanbieder.naam));
    var dl = element("dl");
    function rij(term, waarde) {
      dl.appendChild(element("dt", term));
      var dd = element("dd");
      dd.appendChild(typeof waarde === "string" ? document.createTextNode(waarde) : waarde);
      dl.appendChild(dd);
    }
    rij("Aanbieder", o.onderwijsaanbieder.code);
    rij("Erkenningen", o.erkenningen.map(function (e) { return e.soort + " " + e.code; }).join(", ") || "—");
    rij("Locaties", lijst(o.locaties.map(function (l) { return l.code + ": " + l.adres; })));
    rij("Aanbod", lijst(o.aanbod.map(function (a) { return a.naam + " (" + a.code + ")"; })));
    var c = o.toezichtContactpunt;
    rij("Contact (toezicht)", c ? [c.email, c.telefoon].filter(Boolean).join(" · ") || "—" : "—");
    sectie.appendChild(dl);
    var reeks = element("div", null, "reeks");
    if (o.leerlingaantallen.length) {
      reeks.appendChild(tabel(o.leerlingaantallen));
      var houder = element("div", null, "grafiek");
      reeks.appendChild(houder);
      sectie.appendChild(reeks);
      grafiek(houder, o);
    } else {
      sectie.appendChild(element("p", "Geen leerlingaantallen in de bronnen. / No pupil counts.", "leeg"));
    }
    return sectie;
  }

  function toon(rapport) {
    document.getElementById("titel").textContent =
      "Toezichtrapport " + rapport.onderwijsbestuur.naam + " (" + rapport.onderwijsbestuur.code + ")";
    document.getElementById("peildatum").textContent =
      "Peildatum " + rapport.peildatum + " · teldata " + rapport.teldata.join(", ") +
      (rapport.voorgesteld ? " · voorstel: de Inspectie heeft nog geen objecten vastgesteld" : "");
    inhoud.textContent = "";
    rapport.objecten.forEach(function (o) { inhoud.appendChild(object(o)); });
    if (!rapport.objecten.length) inhoud.appendChild(element("p", "Geen objecten van toezicht. / None.", "leeg"));
    body.setAttribute("data-objecten", String(rapport.objecten.length));
    body.setAttribute("data-grafieken", String(inhoud.querySelectorAll("canvas").length));
  }

  function aanmelden(tekst) {
    sessionStorage.removeItem(TOKEN);
    formulier.hidden = false;
    acties.hidden = true;
    status("aanmelden", tekst, Boolean(tekst));
  }

  function laad() {
    var token = sessionStorage.getItem(TOKEN);
    if (!token) return aanmelden("");
    formulier.hidden = true;
    status("laden", "Rapport laden… / loading…");
    fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: "Bearer " + token },
      body: JSON.stringify({ query: QUERY, variables: { bestuur: instellingen.bestuur, peildatum: instellingen.peildatum } })
    }).then(function (r) {
      return r.json().then(function (antwoord) { return { http: r.status, antwoord: antwoord }; });
    }).then(function (r) {
      var fouten = r.antwoord.errors || [];
      var codes = fouten.map(function (f) { return f.extensions && f.extensions.code; });
      if (r.http === 401 || codes.indexOf("FORBIDDEN") >= 0 || codes.indexOf("UNAUTHENTICATED") >= 0) {
        return aanmelden("Dit token geeft geen toegang (rol inspectie nodig): " + fouten.map(function (f) { return f.message; }).join("; "));
      }
      if (fouten.length) return status("fout", fouten.map(function (f) { return f.message; }).join("; "), true);
      toon(r.antwoord.data.toezichtrapport);
      acties.hidden = false;
      status("klaar", "");
    }).catch(function (fout) { status("fout", "Het rapport kon niet worden geladen: " + fout, true); });
  }

  formulier.addEventListener("submit", function (e) {
    e.preventDefault();
    var token = document.getElementById("token").value.trim();
    if (token) sessionStorage.setItem(TOKEN, token);
    laad();
  });

  document.getElementById("afdrukken").addEventListener("click", function () { window.print(); });
  document.getElementById("csv").addEventListener("click", function () {
    fetch(instellingen.csv, { headers: { Authorization: "Bearer " + sessionStorage.getItem(TOKEN) } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        var naam = /filename="([^"]+)"/.exec(r.headers.get("Content-Disposition") || "");
        return r.blob().then(function (b) { return { blob: b, naam: naam ? naam[1] : "toezichtrapport.csv" }; });
      })
      .then(function (bestand) {
        var a = element("a");
        a.href = URL.createObjectURL(bestand.blob);
        a.download = bestand.naam;
        document.body.appendChild(a);
        a.click();
        a.remove();
      })
      .catch(function (fout) { status("fout", "CSV downloaden mislukt: " + fout.message, true); });
  });

  laad();
})();
