"""The controlebestand: ``GET /controle/<onderwijsbestuurcode>.csv`` or ``.jsonl``, one row
per finding of the controle rules on that bestuur's RIO data (what ``controle`` answers, all
pages), streamed.

Parameters: ``peildatum`` (YYYY-MM-DD, default today), ``regels`` and ``ernst`` (comma-
separated; default all). Visibility as for /graphql: anonymous callers get the public findings;
a bearer token is checked as there (401 when not acceptable), and the private findings (C21)
go to the bestuur itself (role ``bestuur:<code>``) and the Inspectie only, written to the audit
log. Bad input: HTTP 400 with a JSON error (``BAD_USER_INPUT``) naming the parameter. The file
is named ``controle-<code>-<peildatum>.<csv|jsonl>`` (Content-Disposition).

Columns (CSV header, JSON keys), in this order: ``regel``, ``ernst``, ``objecttype``,
``objectcode``, ``onderwijsbestuurcode``, ``melding``, ``message``, ``rio_basis`` (the fout
codes, separated by ``; ``), ``peildatum``. CSV: UTF-8, comma-separated, quoted where needed
(RFC 4180, ``\\r\\n``); JSON Lines: one object per line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from onderwijsgraaf.auth import Verifier
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput, Unauthenticated
from onderwijsgraaf.peildatum import uit_url, vandaag
from onderwijsgraaf.refusal import error_response
from resolvers.controle import uitvoeren
from resolvers.controle.regel import Bevinding
from schema.audit import write_audit

KOLOMMEN = (
    "regel",
    "ernst",
    "objecttype",
    "objectcode",
    "onderwijsbestuurcode",
    "melding",
    "message",
    "rio_basis",
    "peildatum",
)
BESTAND = re.compile(r"(?P<code>[^/]+)\.(?P<soort>csv|jsonl)")
MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}


def rij(b: Bevinding) -> dict[str, str]:
    """One finding as the file's columns."""
    return {
        "regel": b.regel.id,
        "ernst": b.regel.ernst,
        "objecttype": b.objecttype,
        "objectcode": b.objectcode,
        "onderwijsbestuurcode": b.onderwijsbestuur_code,
        "melding": b.melding,
        "message": b.message,
        "rio_basis": "; ".join(b.regel.rio_basis),
        "peildatum": b.peildatum.isoformat(),
    }


def csv_regels(bevindingen: list[Bevinding]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=KOLOMMEN)
    writer.writeheader()
    for b in bevindingen:
        writer.writerow(rij(b))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_regels(bevindingen: list[Bevinding]) -> Iterator[str]:
    for b in bevindingen:
        yield json.dumps(rij(b), ensure_ascii=False) + "\n"


def lijst_parameter(request: Request, naam: str) -> list[str] | None:
    """A comma-separated query parameter as a list; None when it is not given."""
    value = request.query_params.get(naam)
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _peildatum(request: Request) -> dt.date:
    return uit_url(request.query_params.get("peildatum")) or vandaag()


async def controlebestand(request: Request, engine: AsyncEngine, verifier: Verifier) -> Response:
    try:
        viewer = verifier.viewer(request.headers.get("authorization"))
    except Unauthenticated as error:
        return error_response(error, 401)
    match = BESTAND.fullmatch(request.path_params["bestand"])
    try:
        if match is None:
            raise BadUserInput("the file is /controle/<onderwijsbestuurcode>.csv or .jsonl")
        code = uitvoeren.bestuurscode(match["code"], "onderwijsbestuurcode")
        peildatum = _peildatum(request)
        regels = uitvoeren.zichtbaar(
            uitvoeren.gekozen(
                lijst_parameter(request, "regels"), lijst_parameter(request, "ernst")
            ),
            viewer,
            code,
        )
    except BadUserInput as error:
        return error_response(error, 400)
    async with Reads(engine) as reads:
        found = await uitvoeren.bevindingen(reads, code, peildatum, regels)
    write_audit(
        viewer,
        [(b.objecttype.lower(), b.objectcode, b.waarde or "") for b in found if b.regel.prive],
    )
    soort = match["soort"]
    regelaar = csv_regels if soort == "csv" else jsonl_regels
    return StreamingResponse(
        regelaar(found),
        media_type=MEDIA[soort],
        headers={
            "Content-Disposition": f'attachment; filename="controle-{code}-{peildatum}.{soort}"',
            "Cache-Control": "no-store" if not viewer.anonymous else "public, max-age=300",
            "Vary": "Authorization",
        },
    )
