"""The workloads and what each server is asked for them.

W1  aanbieders in a gemeente, with their locaties and aanbod (first 100 / 10 / 10)
W2  locaties near Utrecht with their aanbieders: ours as a 5 km radius search (``nabij``, W2) and
    as the box around that circle (``bbox``, W2b); PostGraphile has only the box
W3  HO aanbod with opleidingseenheid, aanbieder and cohorten
W4  one aanbieder by code, with bestuur and erkenningen
W5  walk all aanbieders, 100 a page, following ``endCursor`` (W5b: the HO aanbod likewise)

Queries live in bench/workloads/{ours,pg}/<name>.graphql; the load generator posts them as JSON
bodies written to var/bench/bodies/.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from bench.layout import BODIES, WORKLOADS

WORKLOAD_NAMES = ("W1", "W2", "W3", "W4", "W5")
WALKS = frozenset({"W5", "W5b"})
# Our variants of a workload: W2 is answered twice (radius and box) against PostGraphile's box.
OUR_ROWS = {"W2": ("W2", "W2b")}
# Scale: the workloads whose latency is compared on x1 and x10 data under load.
SCALED = ("W1", "W3")
# Workers: the workloads compared with one and with two worker processes, at 10 connections.
WORKERS_COMPARED = ("W1", "W3")
WORKERS_CONNS = 10


def query(side: str, name: str) -> str:
    """The query text of workload ``name`` for ``side`` ("ours" or "pg")."""
    return (WORKLOADS / side / f"{name}.graphql").read_text(encoding="utf-8")


def body(side: str, name: str) -> Path:
    """A JSON body file ``{"query": ...}`` for the load generator (written on first use)."""
    path = BODIES / f"{side}-{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"query": query(side, name)})
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Target:
    """One server asked one workload: a cell of the load run per pass and connection count.

    ``group`` is what runs back to back within a pass (e.g. W2: every server's W2); ``row`` is
    the report line the result belongs to (W2 or W2b; a reference server's row is its group).
    ``conns`` limits the connection counts it runs at (empty: all).
    """

    group: str
    row: str
    server: str
    url: str
    body: Path
    walk: bool
    conns: tuple[int, ...] = ()

    def runs_at(self, conns: int) -> bool:
        return not self.conns or conns in self.conns


@dataclass(frozen=True)
class Urls:
    """Where each server answers GraphQL (None: not running in this run)."""

    ours_pg: str
    ours_sqlite: str
    postgraphile: str
    ours_warm: str | None = None
    floor: str | None = None
    ours_x10: str | None = None
    postgraphile_x10: str | None = None
    ours_other_workers: tuple[str, str] | None = None  # (server name, url)


def plan(workloads: list[str], urls: Urls, *, warm: list[str]) -> list[Target]:
    """Every target of the run, in the order a pass runs them (groups in workload order)."""
    targets: list[Target] = []
    for w in workloads:
        walk = w in WALKS
        rows = OUR_ROWS.get(w, (w,))
        for server, url in (("ours-pg", urls.ours_pg), ("ours-sqlite", urls.ours_sqlite)):
            targets += [Target(w, r, server, url, body("ours", r), walk) for r in rows]
        targets.append(Target(w, w, "postgraphile", urls.postgraphile, body("pg", w), walk))
        if urls.floor:
            r = rows[-1]  # the floor answers the box (W2b), as PostGraphile does
            targets.append(Target(w, r, "floor", f"{urls.floor}/{r}", body("ours", r), walk))
        if urls.ours_x10 and urls.postgraphile_x10 and w in SCALED:
            targets.append(Target(w, w, "ours-x10", urls.ours_x10, body("ours", w), walk))
            pg10 = urls.postgraphile_x10
            targets.append(Target(w, w, "postgraphile-x10", pg10, body("pg", w), walk))
    for w in workloads:
        if urls.ours_other_workers is None or w not in WORKERS_COMPARED:
            continue
        name, url = urls.ours_other_workers
        group, only = f"{w}-workers", (WORKERS_CONNS,)
        targets.append(Target(group, w, "ours-pg", urls.ours_pg, body("ours", w), False, only))
        targets.append(Target(group, w, name, url, body("ours", w), False, only))
    for w in warm:
        if urls.ours_warm is None:
            break
        group, walk = f"{w}-warm", w in WALKS
        targets += [
            Target(group, f"{r}-warm", "ours-warm", urls.ours_warm, body("ours", r), walk)
            for r in OUR_ROWS.get(w, (w,))
        ]
        targets.append(Target(group, group, "postgraphile", urls.postgraphile, body("pg", w), walk))
    return targets
