"""The controlescherm page ``/besturen/<onderwijsbestuurcode>?peildatum=JJJJ-MM-DD``.

The page holds no data: it fetches from ``/graphql`` the bestuur's organisation (aanbieders by
pages of 20, each with its locatiegebruiken, BRIN4/BRIN6 and aangeboden opleidingen) and every
page of its ``controle`` findings, and draws them with cytoscape.js, served by the app itself
(works offline): bestuur → aanbieders → locaties (as used by that aanbieder, node id
``<aanbiedercode>/<locatiecode>``) → aanbod (node id: the aanbod code), each node coloured by its
most serious finding, the findings listed beside it. Without a token the public findings; a
bearer token typed into the page (kept in ``sessionStorage``, this tab only) adds the private
ones it may see.

Errors: 404 for a code that is not an onderwijsbestuurcode (NNNBNNN), 400 for a peildatum that
is not a date; both plain text naming the part of the URL.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgraaf.encoding import script_json

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Controle {code} — Onderwijsgraaf</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/static/controlescherm/controlescherm.css">
  </head>
  <body data-status="laden">
    <header class="kop">
      <h1 id="titel">Controle {code}</h1>
      <form id="aanmelden">
        <label for="token">token (optioneel)</label>
        <input id="token" type="password" autocomplete="off"
          title="Bearer token, bv. met de rol bestuur:{code}; blijft alleen in dit tabblad">
        <button type="submit">Tonen / show</button>
        <button id="afmelden" type="button">Zonder token / without token</button>
      </form>
      <p id="melding" role="status">Laden… / loading…</p>
    </header>
    <main>
      <div id="diagram" data-status="laden"></div>
      <aside>
        <h2>Bevindingen / findings</h2>
        <ol id="bevindingen"></ol>
      </aside>
    </main>
    <script id="controle-instellingen" type="application/json">{settings}</script>
    <script src="/static/cytoscape/cytoscape.min.js"></script>
    <script src="/static/controlescherm/controlescherm.js"></script>
  </body>
</html>
"""


def controlescherm_page(code: str, datum: dt.date | None) -> str:
    """The page for onderwijsbestuur ``code`` (checked, see ``rapport.bestuurscode``) on
    ``datum`` (None: today)."""
    config = {"bestuur": code, "peildatum": datum.isoformat() if datum else None}
    return PAGE.format(code=code, settings=script_json(config))
