"""Time to walk a whole list by cursor, one request at a time, for several servers interleaved
(A, B, ..., then B, A, ...): pages, seconds to the end, median page latency and the mean
latency of the first and of the last 10 pages (does a deep page cost more than the first?)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

import httpx

from bench.answers import post
from bench.procs import say


@dataclass(frozen=True)
class WalkTarget:
    server: str
    workload: str
    url: str
    query: str


@dataclass(frozen=True)
class Walk:
    walk_no: int
    target: WalkTarget
    pages: int
    seconds: float
    p50: float
    first10: float
    last10: float


def page_latencies(client: httpx.Client, url: str, query: str) -> list[float]:
    """Milliseconds per page of one walk to the end."""
    after: str | None = None
    latencies: list[float] = []
    while True:
        started = time.perf_counter()
        (connection,) = post(client, url, query, {"after": after}).values()
        latencies.append((time.perf_counter() - started) * 1000)
        if not connection["pageInfo"]["hasNextPage"]:
            return latencies
        after = connection["pageInfo"]["endCursor"]


def time_walks(targets: list[WalkTarget], walks: int, pause: float) -> list[Walk]:
    results: list[Walk] = []
    with httpx.Client(timeout=120.0) as client:
        for walk_no in range(1, walks + 1):
            order = targets if walk_no % 2 == 1 else list(reversed(targets))
            for target in order:
                time.sleep(pause)
                started = time.perf_counter()
                lat = page_latencies(client, target.url, target.query)
                walk = Walk(
                    walk_no,
                    target,
                    pages=len(lat),
                    seconds=time.perf_counter() - started,
                    p50=statistics.median(lat),
                    first10=statistics.mean(lat[:10]),
                    last10=statistics.mean(lat[-10:]),
                )
                say(
                    f"walk {walk_no} {target.workload} {target.server}: {walk.pages} pages in "
                    f"{walk.seconds:.1f} s, first 10 {walk.first10:.1f} ms, last 10 {walk.last10:.1f} ms"
                )
                results.append(walk)
    return results
