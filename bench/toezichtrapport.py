"""Latency of the toezichtrapport against the seeded database, and one bestuur's report.

    .venv/bin/python bench/toezichtrapport.py [--runs 20]            # the embedded SQLite database
    DATABASE_URL=postgresql://... .venv/bin/python bench/toezichtrapport.py

Through the real ASGI app (in process, over httpx, response cache off, an ``inspectie`` token
signed with the development key: run ``python -m onderwijsgraaf auth keygen`` once): the report
of a small SO bestuur, of a PO bestuur and of the bestuur with the most objects (the proposal:
no objects adopted), ``--runs`` times each; prints median and p95 latency and SQL statements,
then the PO bestuur's report as a Markdown table. A benchmark to run and report, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from onderwijsgraaf.app import create_app
from onderwijsgraaf.devkeys import mint
from onderwijsgraaf.settings import ROOT, Settings

PEILDATUM = "2025-11-01"
BESTUREN = {"907B777": "SO, 2 aanbieders", "906B194": "PO, 17 aanbieders", "920B602": "VO, largest"}
SHOWN = "906B194"
RAPPORT = f"""query($b: String!) {{ toezichtrapport(onderwijsbestuurCode: $b, peildatum: "{PEILDATUM}")
  {{ teldata onderwijsbestuur {{ naam }} objecten {{ code onderwijsaanbieder {{ naam }}
  erkenningen {{ code }} locaties {{ adres }} aanbod {{ naam }} toezichtContactpunt {{ email }}
  leerlingaantallen {{ teldatum aantal verschil gemaskeerd }} }} }} }}"""


async def bench(runs: int) -> None:
    settings = dataclasses.replace(Settings.from_env(), response_cache_mb=0, rate_limit="")
    token = mint(
        ROOT / "var" / "auth",
        roles=["inspectie"],
        subject="bench",
        lifetime=3600,
        issuer=settings.auth_issuer,
        audience=settings.auth_audience,
    )
    app = create_app(settings)
    statements: list[str] = []
    event.listen(
        app.state.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2])
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def timed(bestuur: str) -> tuple[float, int, Any]:
                statements.clear()
                started = time.perf_counter()
                response = await client.post(
                    "/graphql",
                    json={"query": RAPPORT, "variables": {"b": bestuur}},
                    headers={"Authorization": f"Bearer {token}"},
                )
                elapsed = (time.perf_counter() - started) * 1000
                body: Any = response.json()
                if response.status_code != 200 or "errors" in body:
                    raise SystemExit(f"failed: {response.text[:500]}")
                return elapsed, len(statements), body["data"]["toezichtrapport"]

            print(
                f"{'toezichtrapport':<34} {'objects':>8} {'median ms':>10} {'p95 ms':>8} {'SQL':>5}"
            )
            for bestuur, what in BESTUREN.items():
                found = [await timed(bestuur) for _ in range(runs)]
                timings = sorted(t for t, _, _ in found)
                p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
                print(
                    f"{bestuur + ' (' + what + ')':<34} {len(found[0][2]['objecten']):>8} "
                    f"{statistics.median(timings):>10.1f} {p95:>8.1f} {found[0][1]:>5}"
                )
            _, _, shown = await timed(SHOWN)
            _table(shown)


def _table(rapport: dict[str, Any]) -> None:
    print(f"\n{SHOWN} {rapport['onderwijsbestuur']['naam']}, peildatum {PEILDATUM}\n")
    teldata = rapport["teldata"]
    print("| object | aanbieder | BRIN | " + " | ".join(d[:4] for d in teldata) + " |")
    print("|---|---|---|" + "---|" * len(teldata))
    for o in rapport["objecten"]:
        per_datum = {t["teldatum"]: t for t in o["leerlingaantallen"]}
        cells = []
        for d in teldata:
            t = per_datum.get(d)
            verschil = "" if t is None or t["verschil"] is None else f" ({t['verschil']:+d})"
            cells.append("" if t is None else f"{t['aantal']}{verschil}")
        brin = " ".join(e["code"] for e in o["erkenningen"])
        print(f"| {o['code']} | {o['onderwijsaanbieder']['naam']} | {brin} | {' | '.join(cells)} |")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--runs", type=int, default=20, help="runs per bestuur (default %(default)s)"
    )
    asyncio.run(bench(parser.parse_args().runs))


if __name__ == "__main__":
    main()
