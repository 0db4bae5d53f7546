"""The toezichtrapport over HTTP: the page ``/rapporten/toezicht/<onderwijsbestuurcode>`` and
the file ``/rapporten/toezicht/<onderwijsbestuurcode>.csv`` (both ``?peildatum=JJJJ-MM-DD``,
default today).

The page itself holds no data: a browser cannot add a bearer token to a navigation, so the page
asks for the token (kept in ``sessionStorage``, for this browser tab only), fetches the report
from ``/graphql`` with it (``toezichtrapport``, role ``inspectie``) and draws each object's pupil
trend with Chart.js, served by the app itself (works offline). Print CSS lays it out on A4.

The CSV is the report of ``toezichtrapport`` (``resolvers.toezichtrapport``), one row per object
van toezicht, for a bearer token with role ``inspectie`` only: without a token or with one that
is not accepted 401 (``WWW-Authenticate: Bearer``), with another role 403; its private
contactpunten go to the audit log. UTF-8 with a byte order mark (so spreadsheets read the
accents), comma-separated, RFC 4180 quoting, ``\r\n``. Columns (``KOLOMMEN``, then two per
teldatum of the report, newest first): ``object``, ``voorgesteld``, ``vervallen``,
``onderwijsbestuurcode``, ``onderwijsbestuur``, ``onderwijsaanbiedercode``,
``onderwijsaanbieder``, ``brin`` (BRIN4 and BRIN6 codes, space-separated), ``locaties``
(``code: adres``, separated by `` | ``), ``aanbod`` (``naam (code)``, by `` | ``),
``toezicht_email``, ``toezicht_telefoon``; then ``leerlingen_<teldatum>`` (a ``*`` after a count
its source masked or rounded) and ``verschil_<teldatum>`` (against one year earlier). The file
is named ``toezichtrapport-<code>-<peildatum>.csv``.

Errors: 404 for a code that is not an onderwijsbestuurcode (NNNBNNN), 400 for a peildatum that
is not a date; both plain text naming the part of the URL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import quote

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from onderwijsgraaf.auth import Verifier
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.userdata import UserData
from onderwijsgraaf.encoding import script_json
from onderwijsgraaf.errors import BadUserInput, Forbidden, Unauthenticated
from onderwijsgraaf.peildatum import uit_url, vandaag
from resolvers.toezichtrapport import Rapport, rapport
from schema.audit import write_audit

BESTUURSCODE = re.compile(r"^[0-9]{3}B[0-9]{3}$")
KOLOMMEN = (
    "object",
    "voorgesteld",
    "vervallen",
    "onderwijsbestuurcode",
    "onderwijsbestuur",
    "onderwijsaanbiedercode",
    "onderwijsaanbieder",
    "brin",
    "locaties",
    "aanbod",
    "toezicht_email",
    "toezicht_telefoon",
)
NO_STORE = {"Cache-Control": "no-store", "Vary": "Authorization"}

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
    try:
        return uit_url(value)
    except BadUserInput as error:
        raise BadReportRequest(error.message, 400) from None


def rapport_page(code: str, datum: dt.date | None) -> str:
    """The page for onderwijsbestuur ``code`` (checked) on ``datum`` (None: today)."""
    csv = f"/rapporten/toezicht/{quote(code)}.csv" + (f"?peildatum={datum}" if datum else "")
    config = {"bestuur": code, "peildatum": datum.isoformat() if datum else None, "csv": csv}
    return PAGE.format(code=code, settings=script_json(config))


def csv_text(found: Rapport) -> str:
    """The report as CSV text (see the module for the columns)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            *KOLOMMEN,
            *(f"{naam}_{datum}" for datum in found.teldata for naam in ("leerlingen", "verschil")),
        ]
    )
    for o in found.objecten:
        per_datum = {t.teldatum: t for t in o.leerlingaantallen}
        tellingen: list[str] = []
        for datum in found.teldata:
            t = per_datum.get(datum)
            tellingen += (
                [f"{t.aantal}{'*' if t.gemaskeerd else ''}", _getal(t.verschil)]
                if t is not None
                else ["", ""]
            )
        writer.writerow(
            [
                o.code,
                _ja(found.voorgesteld),
                _ja(o.vervallen),
                found.onderwijsbestuur.code,
                found.onderwijsbestuur.naam,
                o.onderwijsaanbieder.code,
                o.onderwijsaanbieder.naam,
                " ".join(e.code for e in o.erkenningen),
                " | ".join(f"{loc.code}: {loc.adres}" for loc in o.locaties),
                " | ".join(f"{a.naam} ({a.code})" for a in o.aanbod),
                o.toezicht.email or "" if o.toezicht else "",
                o.toezicht.telefoon or "" if o.toezicht else "",
                *tellingen,
            ]
        )
    return buffer.getvalue()


def _ja(value: bool) -> str:
    return "ja" if value else "nee"


def _getal(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


async def rapport_http(
    request: Request, engine: AsyncEngine, userdata: UserData, verifier: Verifier
) -> Response:
    """The page (``<code>``) or the CSV (``<code>.csv``) of ``/rapporten/toezicht/…``."""
    name = request.path_params["bestand"]
    try:
        code = bestuurscode(name.removesuffix(".csv"))
        datum = peildatum(request.query_params.get("peildatum"))
    except BadReportRequest as error:
        return PlainTextResponse(str(error), status_code=error.status)
    if not name.endswith(".csv"):
        return HTMLResponse(rapport_page(code, datum))
    try:
        viewer = verifier.viewer(request.headers.get("authorization"))
        if viewer.anonymous:
            raise Unauthenticated("the toezichtrapport needs a bearer token with role inspectie")
        async with Reads(engine) as reads:
            found = await rapport(reads, userdata, viewer, code, datum or vandaag())
    except Unauthenticated as error:
        return PlainTextResponse(
            error.message,
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="onderwijsgraaf"', **NO_STORE},
        )
    except Forbidden as error:
        return PlainTextResponse(error.message, status_code=403, headers=NO_STORE)
    write_audit(viewer, found.audit)
    filename = f"toezichtrapport-{code}-{found.peildatum}.csv"
    return Response(
        "\ufeff" + csv_text(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', **NO_STORE},
    )
