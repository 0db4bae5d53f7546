"""Compare our API with PostGraphile 5 on the same PostgreSQL data, under load.

Reproduce (from the repository root; not part of `make test`):

    make bench                                          # the defaults below
    make bench BENCH_ARGS='--passes 1 --duration 3 --conns 1 --workloads W1,W4'   # a smoke run
    .venv/bin/python bench/compare.py --help

What it does, each step skipped when already done:

1. tools into var/bench/: Node 22 (`npm install node@22`; PostGraphile 5 needs it), PostGraphile
   5.1.5 with postgraphile-plugin-connection-filter 4.0.1 (npm), wrk (apt-get, needs root);
2. data: database og_bench (BENCH_DATABASE_URL), seeded with our own seed into schema
   onderwijsgraaf, and PostGraphile's views over those tables in schema og_peer
   (bench/peer-views.sql: the rows valid today, with keys as smart tags); the SQLite file
   var/bench/onderwijsgraaf.sqlite; with --scale also schema og_x10 (×10 offering,
   bench/scale-x10.sql) and views og_peer_x10;
3. servers, each a subprocess stopped at the end (also on Ctrl-C or failure): ours on
   PostgreSQL :8121 and on SQLite :8122 with the response cache off, PostGraphile :5691; as asked,
   ours with the response cache on :8124 (warm), ours ×10 :8123 and PostGraphile ×10 :5692,
   ours with the other worker count :8125, the floor :5690;
4. check: every workload is posted to every server and the answers compared in one neutral
   shape; any difference stops the run;
5. load: interleaved wrk passes (every server back to back per workload and connection count,
   reversed on even passes, a pause before each cell);
6. report: a markdown table of req/s, p50/p99 and the ratio ours / PostGraphile per pass, printed
   and written with the raw TSV to var/bench/results-<UTC time>.{md,tsv} (wrk's own output in
   var/bench/raw-<UTC time>/, server logs in var/bench/logs/).

Workloads (bench/workloads/{ours,pg}/): W1 aanbieders in a gemeente with locaties and aanbod;
W2 locaties near Utrecht (ours: radius W2 and box W2b; PostGraphile: the box); W3 HO aanbod
with eenheid, aanbieder and cohorten; W4 one aanbieder by code; W5 walk all aanbieders by cursor.
Absolute req/s drift with the load of the machine: report the ratios measured in one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import data, passes, roster, tools
from bench.answers import PAIRS, Pairing, Side, check
from bench.layout import (
    PEER_SCHEMA,
    PEER_SCHEMA_X10,
    PORT_OURS_OTHER_WORKERS,
    PORT_OURS_PG,
    PORT_OURS_SQLITE,
    PORT_OURS_WARM,
    PORT_OURS_X10,
    PORT_PEER,
    PORT_PEER_X10,
    ROOT,
    SCHEMA,
    SCHEMA_X10,
    VAR,
    database_url,
)
from bench.memory import RssSampler
from bench.procs import executable, run, say
from bench.report import Sections, WorkersCompared, markdown, tsv
from bench.servers import Fleet, Server
from bench.targets import SCALED, WORKLOAD_NAMES, Target, Urls, query
from bench.targets import plan as plan_targets
from bench.walks import Walk, WalkTarget, time_walks


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="bench/compare.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--passes", type=int, default=2, help="interleaved passes (default %(default)s)")
    p.add_argument(
        "--duration", type=float, default=15, help="seconds of load per cell (default %(default)s)"
    )
    p.add_argument(
        "--conns",
        type=_ints,
        default=(1, 10),
        help="connection counts, comma-separated (default 1,10)",
    )
    p.add_argument(
        "--pause",
        type=float,
        default=3,
        help="seconds of idle before each cell (default %(default)s)",
    )
    p.add_argument(
        "--timeout", type=float, default=30, help="wrk's request timeout, s (default %(default)s)"
    )
    p.add_argument(
        "--workloads",
        type=_workloads,
        default=list(WORKLOAD_NAMES),
        help="comma-separated, of " + ",".join(WORKLOAD_NAMES) + " (default all)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes of our servers (default %(default)s)",
    )
    p.add_argument(
        "--database-url",
        default=database_url(),
        help="PostgreSQL database to seed and serve (default BENCH_DATABASE_URL or %(default)s)",
    )
    p.add_argument(
        "--no-seed",
        action="store_true",
        help="reuse the seeded schemas and SQLite file when present (default: seed afresh)",
    )
    p.add_argument(
        "--warm",
        action="store_true",
        help="a warm cell (our response cache on, server :8124) for every workload; "
        "without it only W4-warm (when W4 runs)",
    )
    p.add_argument(
        "--scale",
        action="store_true",
        help="also ×10 offering (schema og_x10): W1/W3 latency ×10 vs ×1 under load, and "
        "(with W5) walks of W5 and W5b timed page by page, first vs last pages",
    )
    p.add_argument(
        "--rss",
        action="store_true",
        help="peak RSS (VmHWM) of our PostgreSQL server over the run, and RSS every 10 s",
    )
    p.add_argument(
        "--workers-compare",
        action="store_true",
        help="W1 and W3 at 10 connections against ours with 1 and with 2 workers "
        "(the other count runs on :8125); needs --workers 1 or 2",
    )
    p.add_argument(
        "--check-only",
        action="store_true",
        help="start the servers, compare their answers, and stop (no load)",
    )
    p.add_argument(
        "--floor",
        action="store_true",
        help="also the floor (bench/floor_app.py: same statements, no GraphQL, no ORM; "
        "needs orjson, skipped when missing)",
    )
    args = p.parse_args(argv)
    if args.workers_compare and args.workers not in (1, 2):
        p.error("--workers-compare compares 1 and 2 workers: use it with --workers 1 or 2")
    if args.passes < 1 or args.duration <= 0 or args.workers < 1:
        p.error("--passes, --duration and --workers must be positive")
    return args


def _ints(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(v) for v in text.split(",") if v.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"connection counts must be positive: {text!r}")
    return values


def _workloads(text: str) -> list[str]:
    names = [w.strip() for w in text.split(",") if w.strip()]
    unknown = [w for w in names if w not in WORKLOAD_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown workload(s) {', '.join(unknown)}; known: {', '.join(WORKLOAD_NAMES)}"
        )
    return list(dict.fromkeys(names))


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@dataclass(frozen=True)
class Plan:
    """What one run measures, from the command line."""

    workloads: list[str]
    warm: list[str]  # workloads that also get a warm cell (our response cache on)
    scaled: list[str]  # workloads measured on x1 and x10 data under load
    scale_walks: list[str]  # lists walked page by page on x1 and x10 data
    floor: bool
    other_workers: int | None  # the worker count ours is compared with (--workers-compare)


def _plan(args: argparse.Namespace) -> Plan:
    workloads: list[str] = args.workloads
    scaled = [w for w in workloads if w in SCALED] if args.scale else []
    scale_walks = ["W5", "W5b"] if args.scale and "W5" in workloads else []
    if args.scale and not (scaled or scale_walks):
        say("--scale measures W1, W3 and W5 only, and none of them runs: no ×10 data")
    floor = bool(args.floor)
    if floor and (why := roster.floor_missing()):
        say(f"skipping the floor: {why}")
        floor = False
    return Plan(
        workloads=workloads,
        warm=workloads if args.warm else [w for w in workloads if w == "W4"],
        scaled=scaled,
        scale_walks=scale_walks,
        floor=floor,
        other_workers=(2 if args.workers == 1 else 1) if args.workers_compare else None,
    )


def _servers(plan: Plan, url: str, workers: int, node: Path) -> list[Server]:
    servers = [
        roster.ours("ours-pg", PORT_OURS_PG, url, SCHEMA, workers=workers, cache=False),
        roster.ours_sqlite("ours-sqlite", PORT_OURS_SQLITE, workers=workers),
        roster.postgraphile("postgraphile", PORT_PEER, url, PEER_SCHEMA, node),
    ]
    if plan.warm:
        servers.append(
            roster.ours("ours-warm", PORT_OURS_WARM, url, SCHEMA, workers=workers, cache=True)
        )
    if plan.scaled or plan.scale_walks:
        servers += [
            roster.ours("ours-x10", PORT_OURS_X10, url, SCHEMA_X10, workers=workers, cache=False),
            roster.postgraphile("postgraphile-x10", PORT_PEER_X10, url, PEER_SCHEMA_X10, node),
        ]
    if plan.other_workers:
        servers.append(
            roster.ours(
                _other_workers(plan.other_workers),
                PORT_OURS_OTHER_WORKERS,
                url,
                SCHEMA,
                workers=plan.other_workers,
                cache=False,
            )
        )
    if plan.floor:
        servers.append(roster.floor(url, SCHEMA))
    return servers


def _other_workers(count: int) -> str:
    return f"ours-pg-{count}w"


def _targets(plan: Plan, servers: dict[str, Server]) -> list[Target]:
    def graphql(name: str) -> str | None:
        return servers[name].graphql if name in servers else None

    other = _other_workers(plan.other_workers) if plan.other_workers else None
    urls = Urls(
        ours_pg=servers["ours-pg"].graphql,
        ours_sqlite=servers["ours-sqlite"].graphql,
        postgraphile=servers["postgraphile"].graphql,
        ours_warm=graphql("ours-warm"),
        floor=servers["floor"].base if "floor" in servers else None,
        ours_x10=graphql("ours-x10") if plan.scaled else None,
        postgraphile_x10=graphql("postgraphile-x10") if plan.scaled else None,
        ours_other_workers=(other, servers[other].graphql) if other else None,
    )
    return plan_targets(plan.workloads, urls, warm=plan.warm)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    url: str = args.database_url
    plan = _plan(args)

    wrk = tools.wrk()
    node = tools.node22()
    tools.postgraphile()
    data.prepare(url, seed=not args.no_seed, scale=bool(plan.scaled or plan.scale_walks))

    servers = _servers(plan, url, args.workers, node)
    by_name = {s.name: s for s in servers}
    targets = _targets(plan, by_name)
    settings = passes.Settings(
        passes=args.passes,
        seconds=args.duration,
        conns=args.conns,
        pause=args.pause,
        timeout=args.timeout,
    )

    results: list[passes.Result] = []
    walks: list[Walk] = []
    checks: list[str] = []
    sampler: RssSampler | None = None
    interrupted = False
    with Fleet(servers) as fleet:
        if args.rss:
            sampler = RssSampler(fleet["ours-pg"].pids)
            sampler.start()
        try:
            checks = check(*_pairings(servers, plan))
            if args.check_only:
                return 0
            passes.run(wrk, targets, settings, stamp, results.append, lambda s: fleet[s].pids())
            if plan.scale_walks:
                walk_targets = _walk_targets(by_name, plan.scale_walks)
                walks = time_walks(walk_targets, args.passes, args.pause)
        except KeyboardInterrupt:
            interrupted = True
            say("interrupted: stopping the servers, reporting what was measured")
        finally:
            if sampler is not None:
                sampler.finish()
    if not results:
        return 130 if interrupted else 1

    workers = None
    if plan.other_workers:
        other = _other_workers(plan.other_workers)
        one, two = ("ours-pg", other) if args.workers == 1 else (other, "ours-pg")
        workers = WorkersCompared(one=one, two=two)
    sections = Sections(
        header=_header(args, stamp, interrupted),
        checks=checks,
        results=results,
        floor=plan.floor,
        scaled=plan.scaled or None,
        walks=walks or None,
        rss=(sampler, f"ours-pg ({args.workers} worker(s))") if sampler else None,
        workers=workers,
    )
    _write(markdown(sections), results, stamp)
    return 130 if interrupted else 0


def _write(text: str, results: list[passes.Result], stamp: str) -> None:
    out = VAR / f"results-{stamp}"
    out.with_suffix(".tsv").write_text(tsv(results))
    out.with_suffix(".md").write_text(text)
    print(text)
    say(f"wrote {out.with_suffix('.md').relative_to(ROOT)} and .tsv")


def _pairings(servers: list[Server], plan: Plan) -> tuple[list[Pairing], list[Side]]:
    """Who must answer as whom: each of our servers (and the floor) as PostGraphile does; on
    ×10 data ours as PostGraphile does; our radius search among our own servers."""
    sides = {s.name: _side(s) for s in servers}
    ours = [side for name, side in sides.items() if name.startswith("ours-") and "x10" not in name]
    peers = ours + ([sides["floor"]] if "floor" in sides else [])
    checked = [w for w in plan.workloads if w in PAIRS]
    walks = ["W5"] if "W5" in plan.workloads else []
    pairings = [Pairing(sides["postgraphile"], peers, checked, walks)]
    if "ours-x10" in sides:
        x10 = [sides["ours-x10"]]
        pairings.append(Pairing(sides["postgraphile-x10"], x10, plan.scaled, plan.scale_walks))
    radius = ours if "W2" in plan.workloads else []
    return pairings, radius


def _side(server: Server) -> Side:
    if server.name.startswith("postgraphile"):
        return Side(server.name, server.graphql, "pg")
    if server.name == "floor":
        return Side(server.name, server.base, "floor")
    return Side(server.name, server.graphql, "ours")


def _walk_targets(by_name: dict[str, Server], lists: list[str]) -> list[WalkTarget]:
    found = []
    for name in lists:
        for server, side in (
            ("ours-pg", "ours"),
            ("ours-x10", "ours"),
            ("postgraphile", "pg"),
            ("postgraphile-x10", "pg"),
        ):
            found.append(WalkTarget(server, name, by_name[server].graphql, query(side, name)))
    return found


def _header(args: argparse.Namespace, stamp: str, interrupted: bool) -> list[str]:
    try:
        commit = run(
            [executable("git"), "-C", str(ROOT), "describe", "--always", "--dirty"], quiet=True
        )
    except SystemExit:
        commit = "unknown"
    lines = [
        f"run {stamp} on {platform.node()} ({os.cpu_count()} cores), commit {commit.strip()}",
        f"{args.passes} pass(es) × {args.duration:g} s per cell, connections "
        f"{','.join(map(str, args.conns))}, {args.pause:g} s pause, workloads "
        f"{','.join(args.workloads)}, our servers with {args.workers} worker(s)",
        "our servers run with RESPONSE_CACHE_MB=0 (response cache off) except the warm rows",
    ]
    if interrupted:
        lines.append("**interrupted**: only the cells measured before the interruption")
    return lines


if __name__ == "__main__":
    sys.exit(main())
