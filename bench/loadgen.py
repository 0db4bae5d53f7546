"""One load cell: wrk against one target at one connection count, and what its output says.

A post target sends the same body on every request with one wrk thread (``-t1 -cN``); a walk
target follows ``endCursor`` page by page with one walker per connection (``-tN -cN``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bench.layout import BENCH
from bench.procs import environment, run
from bench.targets import Target

POST_SCRIPT = BENCH / "wrk-post.lua"
WALK_SCRIPT = BENCH / "wrk-walk.lua"


@dataclass(frozen=True)
class Cell:
    """The outcome of one wrk run; latencies in milliseconds."""

    req_per_s: float
    p50: float
    p90: float
    p99: float
    non2xx: int
    socket_errors: int
    walks: int | None


def wrk_command(wrk: str, target: Target, conns: int, seconds: float, timeout: float) -> list[str]:
    threads = conns if target.walk else 1
    script = WALK_SCRIPT if target.walk else POST_SCRIPT
    return [
        wrk,
        f"-t{threads}",
        f"-c{conns}",
        f"-d{seconds:g}s",
        "--timeout",
        f"{timeout:g}s",
        "--latency",
        "-s",
        str(script),
        target.url,
    ]


def run_cell(
    wrk: str, target: Target, conns: int, seconds: float, timeout: float, raw: Path | None
) -> Cell:
    """Run wrk for one cell; keep its raw output in ``raw`` when given."""
    out = run(
        wrk_command(wrk, target, conns, seconds, timeout),
        env=environment({"BODY": str(target.body)}),
        quiet=True,
    )
    if raw is not None:
        raw.parent.mkdir(parents=True, exist_ok=True)
        raw.write_text(out)
    return parse(out)


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def milliseconds(value: str) -> float:
    """wrk's latency ("812.00us", "4.50ms", "1.02s", "1.00m") in milliseconds."""
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", value.strip())
    if m is None:
        raise ValueError(f"not a wrk latency: {value!r}")
    return float(m.group(1)) * _UNIT_MS[m.group(2)]


def parse(out: str) -> Cell:
    """The numbers of a ``wrk --latency`` run (and the walk script's ``walks_completed``)."""

    def percentile(p: str) -> float:
        m = re.search(rf"^\s*{p}%\s+(\S+)\s*$", out, re.MULTILINE)
        return milliseconds(m.group(1)) if m else float("nan")

    rps = re.search(r"^Requests/sec:\s+([0-9.]+)", out, re.MULTILINE)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    walks = re.search(r"^walks_completed (\d+)", out, re.MULTILINE)
    return Cell(
        req_per_s=float(rps.group(1)) if rps else 0.0,
        p50=percentile("50"),
        p90=percentile("90"),
        p99=percentile("99"),
        non2xx=int(non2xx.group(1)) if non2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        walks=int(walks.group(1)) if walks else None,
    )
