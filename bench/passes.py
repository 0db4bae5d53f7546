"""Interleaved load passes. Within a pass, each workload group and connection count runs every
server back to back (in plan order on odd passes, reversed on even passes), with a pause of idle
before each cell so the backlog of one cell does not land in the next. Servers thus share the
machine's drift alike; compare ratios measured within one pass."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.cpu import CpuMeter, CpuSplit
from bench.layout import VAR
from bench.loadgen import Cell, run_cell
from bench.procs import say
from bench.targets import Target


@dataclass(frozen=True)
class Settings:
    passes: int
    seconds: float
    conns: tuple[int, ...]
    pause: float
    timeout: float


@dataclass(frozen=True)
class Result:
    pass_no: int
    target: Target
    conns: int
    cell: Cell
    cpu: CpuSplit | None = None  # where the machine's CPU went during the cell


def schedule(targets: list[Target], settings: Settings) -> list[tuple[int, int, Target]]:
    """(pass, connections, target) in the order they run."""
    groups: dict[str, list[Target]] = {}
    for target in targets:
        groups.setdefault(target.group, []).append(target)
    order: list[tuple[int, int, Target]] = []
    for pass_no in range(1, settings.passes + 1):
        for members in groups.values():
            for conns in _conns(members, settings.conns):
                line = [t for t in members if t.runs_at(conns)]
                if pass_no % 2 == 0:
                    line.reverse()
                order += [(pass_no, conns, t) for t in line]
    return order


def _conns(members: list[Target], default: tuple[int, ...]) -> tuple[int, ...]:
    """A group whose every target names its connection counts runs at those; others at ``default``."""
    if all(t.conns for t in members):
        return tuple(sorted({c for t in members for c in t.conns}))
    return default


def run(
    wrk: str,
    targets: list[Target],
    settings: Settings,
    stamp: str,
    on_result: Callable[[Result], None],
    pids: Callable[[str], list[int]] | None = None,
) -> None:
    """Run every cell; ``on_result`` gets each result as soon as it is measured. With ``pids``
    (a server's name to its processes) each result also tells where the CPU went."""
    cells = schedule(targets, settings)
    seconds = len(cells) * (settings.seconds + settings.pause)
    about = f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:.0f} s"
    say(f"{len(cells)} load cells of {settings.seconds:g} s, about {about}")
    for n, (pass_no, conns, target) in enumerate(cells, start=1):
        time.sleep(settings.pause)
        raw = VAR / f"raw-{stamp}" / f"p{pass_no}-{target.row}-c{conns}-{target.server}.txt"
        meter = CpuMeter(functools.partial(pids, target.server)) if pids is not None else None
        if meter is not None:
            meter.start()
        cell = run_cell(wrk, target, conns, settings.seconds, settings.timeout, raw)
        cpu = meter.stop() if meter is not None else None
        errors = cell.non2xx + cell.socket_errors
        say(
            f"[{n}/{len(cells)}] pass {pass_no} {target.row} c={conns} {target.server}: "
            f"{cell.req_per_s:.1f} req/s, p50 {cell.p50:.1f} ms, p99 {cell.p99:.1f} ms"
            + (f", {errors} errors" if errors else "")
        )
        on_result(Result(pass_no, target, conns, cell, cpu))
