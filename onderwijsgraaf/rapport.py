"""The toezichtrapport page ``/rapporten/toezicht/<onderwijsbestuurcode>?peildatum=JJJJ-MM-DD``.

The page itself holds no data: a browser cannot add a bearer token to a navigation, so the page
asks for the token (kept in ``sessionStorage``, for this browser tab only), fetches the report
from ``/graphql`` with it (``toezichtrapport``, role ``inspectie``) and draws each object's pupil
trend with Chart.js, served by the app itself (works offline). Print CSS lays it out on A4.
The same report as CSV is ``/rapporten/toezicht/<onderwijsbestuurcode>.csv``.

Errors: 404 for a code that is not an onderwijsbestuurcode (NNNBNNN), 400 for a peildatum that
is not a date; both plain text naming the part of the URL.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import quote

BESTUURSCODE = re.compile(r"^[0-9]{3}B[0-9]{3}$")

PAGE = """<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Toezichtrapport {code} — Onderwijsgraaf</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/static/rapport/rapport.css">
  </head>
  <body data-status="laden">
    <header class="kop">
      <h1 id="titel">Toezichtrapport {code}</h1>
      <p id="peildatum"></p>
    </header>
    <form id="aanmelden" hidden>
      <label for="token">Token met de rol <code>inspectie</code> (blijft alleen in dit tabblad) /
        bearer token with role <code>inspectie</code> (kept in this tab only)</label>
      <input id="token" type="password" autocomplete="off" required>
      <button type="submit">Rapport tonen / show report</button>
    </form>
    <div id="acties" hidden>
      <button id="afdrukken" type="button">Afdrukken / print (A4)</button>
      <button id="csv" type="button">CSV downloaden / download CSV</button>
    </div>
    <div id="melding" role="status"></div>
    <main id="objecten"></main>
    <p class="voet">Bron: DUO (RIO, leerlingtellingen op 1 oktober); objecten van toezicht: Inspectie
      van het Onderwijs. Een * markeert een aantal dat de bron afrondt of maskeert.</p>
    <script id="rapport-instellingen" type="application/json">{settings}</script>
    <script src="/static/chartjs/chart.umd.min.js"></script>
    <script src="/static/rapport/rapport.js"></script>
  </body>
</html>
"""


class BadReportRequest(ValueError):
    """A report URL with a part that is not what it must be; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def bestuurscode(value: str) -> str:
    """``value`` as an onderwijsbestuurcode (NNNBNNN, any case); else ``BadReportRequest`` 404."""
    code = value.upper()
    if not BESTUURSCODE.match(code):
        raise BadReportRequest(
            f"{value!r} is not an onderwijsbestuurcode (NNNBNNN, e.g. 100B490)", 404
        )
    return code


def peildatum(value: str | None) -> dt.date | None:
    """The ``peildatum`` URL parameter (JJJJ-MM-DD) or None; else ``BadReportRequest`` 400."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadReportRequest(
            f"peildatum: {value!r} is not a date; give JJJJ-MM-DD, e.g. 2025-10-01", 400
        ) from None


def rapport_page(code: str, datum: dt.date | None) -> str:
    """The page for onderwijsbestuur ``code`` (checked) on ``datum`` (None: today)."""
    csv = f"/rapporten/toezicht/{quote(code)}.csv" + (f"?peildatum={datum}" if datum else "")
    config = {"bestuur": code, "peildatum": datum.isoformat() if datum else None, "csv": csv}
    # JSON inside <script>: "<" written as \\u003c, so no value can close the element
    return PAGE.format(code=code, settings=json.dumps(config).replace("<", "\\u003c"))
