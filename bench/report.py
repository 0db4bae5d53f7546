"""The report: the raw results as TSV, and markdown tables of throughput, latency and the ratio
of our API to PostGraphile per pass (plus scale, walks, memory and workers when measured)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from bench.memory import RssSampler
from bench.passes import Result
from bench.walks import Walk

TSV_HEADER = (
    "pass",
    "group",
    "row",
    "conns",
    "server",
    "req_per_s",
    "p50_ms",
    "p90_ms",
    "p99_ms",
    "non2xx",
    "socket_errors",
    "walks",
    "cpu_busy",
    "cpu_server",
    "cpu_postgres",
)

PEER = "postgraphile"
ROW_LABELS = {"W2": "W2 radius", "W2b": "W2b box", "W5": "W5 walk"}


def tsv_line(r: Result) -> str:
    c = r.cell
    values = (
        r.pass_no,
        r.target.group,
        r.target.row,
        r.conns,
        r.target.server,
        f"{c.req_per_s:.2f}",
        f"{c.p50:.2f}",
        f"{c.p90:.2f}",
        f"{c.p99:.2f}",
        c.non2xx,
        c.socket_errors,
        "" if c.walks is None else c.walks,
        *(
            ("", "", "")
            if r.cpu is None
            else (f"{v:.3f}" for v in (r.cpu.busy, r.cpu.server, r.cpu.postgres))
        ),
    )
    return "\t".join(str(v) for v in values)


def tsv(results: Iterable[Result]) -> str:
    return "\n".join(["\t".join(TSV_HEADER), *(tsv_line(r) for r in results)]) + "\n"


class Table:
    """Results looked up by (group, row, connections, server) -> {pass: Result}."""

    def __init__(self, results: list[Result]) -> None:
        self.results = results
        self.cells: dict[tuple[str, str, int, str], dict[int, Result]] = {}
        for r in results:
            key = (r.target.group, r.target.row, r.conns, r.target.server)
            self.cells.setdefault(key, {})[r.pass_no] = r
        self.passes = sorted({r.pass_no for r in results})

    def get(self, group: str, row: str, conns: int, server: str) -> dict[int, Result]:
        return self.cells.get((group, row, conns, server), {})

    def lines(self, groups: Iterable[str]) -> list[tuple[str, str, int]]:
        """(group, row, connections) of ``groups``, in the order they were measured."""
        wanted = set(groups)
        seen: list[tuple[str, str, int]] = []
        for r in self.results:
            key = (r.target.group, r.target.row, r.conns)
            if r.target.group in wanted and key not in seen and r.target.server != PEER:
                seen.append(key)
        order = {g: i for i, g in enumerate(dict.fromkeys(r.target.group for r in self.results))}
        return sorted(seen, key=lambda k: (order[k[0]], k[2]))


def mean(values: Iterable[float]) -> float:
    found = [v for v in values if not math.isnan(v)]
    return statistics.mean(found) if found else math.nan


def rps(cells: dict[int, Result]) -> str:
    return _num(mean(r.cell.req_per_s for r in cells.values()), 1) if cells else "–"


def p50(cells: dict[int, Result]) -> str:
    return _num(mean(r.cell.p50 for r in cells.values()), 1) if cells else "–"


def latency(cells: dict[int, Result]) -> str:
    if not cells:
        return "–"
    median = mean(r.cell.p50 for r in cells.values())
    tail = mean(r.cell.p99 for r in cells.values())
    return f"{_num(median, 1)} / {_num(tail, 1)}"


def ratios(a: dict[int, Result], b: dict[int, Result], passes: list[int]) -> list[float]:
    """a / b in req/s, per pass measured on both."""
    return [
        a[p].cell.req_per_s / b[p].cell.req_per_s
        for p in passes
        if p in a and p in b and b[p].cell.req_per_s > 0
    ]


def ratio_cells(values: list[float], digits: int = 3) -> tuple[str, str]:
    if not values:
        return "–", "–"
    per_pass = " / ".join(_num(v, digits) for v in values)
    return per_pass, f"{_num(min(values), digits)}–{_num(max(values), digits)}"


def errors(*cells: dict[int, Result]) -> int:
    return sum(r.cell.non2xx + r.cell.socket_errors for c in cells for r in c.values())


def main_table(table: Table, groups: list[str], floor: bool) -> str:
    head = [
        "workload",
        "c",
        "ours PG req/s",
        "ours SQLite req/s",
        "PostGraphile req/s",
        "ours PG / PostGraphile per pass",
        "min–max",
        "ours PG p50 / p99 ms",
        "ours SQLite p50 / p99 ms",
        "PostGraphile p50 / p99 ms",
    ]
    if floor:
        head += ["floor req/s", "floor / PostGraphile", "floor p50 / p99 ms"]
    out = [_row(head), _row(["---"] * len(head))]
    for group, row, conns in table.lines(groups):
        ours = table.get(group, row, conns, "ours-pg") or table.get(group, row, conns, "ours-warm")
        sqlite = table.get(group, row, conns, "ours-sqlite")
        peer = table.get(group, group, conns, PEER)
        per_pass, span = ratio_cells(ratios(ours, peer, table.passes))
        base = row.removesuffix("-warm")
        label = ROW_LABELS.get(base, base)
        if row.endswith("-warm"):
            label += " warm (response cache on)"
        n = errors(ours, sqlite, peer)
        if n:
            label += f" ({n} errors)"
        line = [
            label,
            str(conns),
            rps(ours),
            rps(sqlite),
            rps(peer),
            per_pass,
            span,
            latency(ours),
            latency(sqlite),
            latency(peer),
        ]
        if floor:
            fl = table.get(group, row, conns, "floor")
            line += [rps(fl), ratio_cells(ratios(fl, peer, table.passes))[0], latency(fl)]
        out.append(_row(line))
    return "\n".join(out)


def scale_table(table: Table, rows: list[str]) -> str:
    """p50 latency on x10 data over x1, per pass, for ours and PostGraphile."""
    head = [
        "workload",
        "c",
        "ours p50 ms ×1",
        "ours p50 ms ×10",
        "ours ×10/×1 per pass",
        "PostGraphile p50 ms ×1",
        "PostGraphile p50 ms ×10",
        "PostGraphile ×10/×1 per pass",
    ]
    out = [_row(head), _row(["---"] * len(head))]
    for group, row, conns in table.lines(rows):
        cols = [row, str(conns)]
        for x1, x10 in (("ours-pg", "ours-x10"), (PEER, "postgraphile-x10")):
            a, b = table.get(group, row, conns, x1), table.get(group, row, conns, x10)
            per_pass = [
                b[p].cell.p50 / a[p].cell.p50
                for p in table.passes
                if p in a and p in b and a[p].cell.p50
            ]
            cols += [p50(a), p50(b), " / ".join(_num(v, 2) for v in per_pass) or "–"]
        out.append(_row(cols))
    return "\n".join(out)


def walk_table(walks: list[Walk]) -> str:
    head = [
        "list",
        "server",
        "walk",
        "pages",
        "seconds",
        "p50 ms",
        "first 10 pages ms",
        "last 10 pages ms",
        "last/first",
    ]
    out = [_row(head), _row(["---"] * len(head))]
    for w in sorted(walks, key=lambda w: (w.target.workload, w.target.server, w.walk_no)):
        out.append(
            _row(
                [
                    w.target.workload,
                    w.target.server,
                    str(w.walk_no),
                    str(w.pages),
                    _num(w.seconds, 2),
                    _num(w.p50, 1),
                    _num(w.first10, 1),
                    _num(w.last10, 1),
                    _num(w.last10 / w.first10, 2) if w.first10 else "–",
                ]
            )
        )
    return "\n".join(out)


@dataclass(frozen=True)
class WorkersCompared:
    """Which server runs one worker and which two, for the workers table."""

    one: str
    two: str


def workers_table(table: Table, groups: list[str], servers: WorkersCompared) -> str:
    head = [
        "workload",
        "c",
        "ours 1 worker req/s",
        "ours 2 workers req/s",
        "2 workers / 1 per pass",
        "min–max",
        "1 worker p50 / p99 ms",
        "2 workers p50 / p99 ms",
        "CPU 1 worker: busy / ours / PostgreSQL",
        "CPU 2 workers: busy / ours / PostgreSQL",
    ]
    out = [_row(head), _row(["---"] * len(head))]
    for group, row, conns in table.lines(groups):
        one, two = (
            table.get(group, row, conns, servers.one),
            table.get(group, row, conns, servers.two),
        )
        per_pass, span = ratio_cells(ratios(two, one, table.passes), 2)
        out.append(
            _row(
                [
                    row,
                    str(conns),
                    rps(one),
                    rps(two),
                    per_pass,
                    span,
                    latency(one),
                    latency(two),
                    cpu(one),
                    cpu(two),
                ]
            )
        )
    return "\n".join(out)


def cpu(cells: dict[int, Result]) -> str:
    """The machine's busy share, ours and PostgreSQL's, in % of all cores (mean of the passes)."""
    splits = [r.cpu for r in cells.values() if r.cpu is not None]
    if not splits:
        return "–"
    shares = (
        mean(s.busy for s in splits),
        mean(s.server for s in splits),
        mean(s.postgres for s in splits),
    )
    return " / ".join(f"{100 * v:.0f} %" for v in shares)


def rss_section(sampler: RssSampler, server: str, max_samples: int = 13) -> str:
    samples = sampler.samples
    if len(samples) > max_samples:
        step = (len(samples) - 1) / (max_samples - 1)
        samples = [samples[round(i * step)] for i in range(max_samples)]
    growth = ", ".join(f"{t:.0f} s: {mb:.0f}" for t, mb in samples)
    first, last = (sampler.samples[0][1], sampler.samples[-1][1]) if sampler.samples else (0, 0)
    return (
        f"Peak RSS of {server} (VmHWM summed over {sampler.processes} process(es)): "
        f"**{sampler.peak_mb:.0f} MB**.\n\n"
        f"RSS in MB every {sampler.interval:g} s ({len(sampler.samples)} samples; "
        f"{first:.0f} → {last:.0f} MB): {growth}"
    )


def _num(value: float, digits: int) -> str:
    return "–" if math.isnan(value) else f"{value:.{digits}f}"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


@dataclass
class Sections:
    """Everything one run measured, for the markdown report."""

    header: list[str]
    checks: list[str]
    results: list[Result]
    floor: bool = False
    scaled: list[str] | None = None
    walks: list[Walk] | None = None
    rss: tuple[RssSampler, str] | None = None
    workers: WorkersCompared | None = None


def markdown(s: Sections) -> str:
    table = Table(s.results)
    groups = list(dict.fromkeys(r.target.group for r in s.results))
    main = [g for g in groups if not g.endswith("-workers")]
    parts = [
        "# Onderwijsgraaf against PostGraphile 5: same PostgreSQL data, interleaved wrk passes",
        "\n".join(f"- {line}" for line in s.header),
        "Throughput and latency are means over the passes; the ratio is ours (PG) / PostGraphile "
        "in req/s, per pass (each pass runs the servers back to back). Compare ratios, not "
        "absolute req/s, which drift with the machine's load.",
        main_table(table, main, s.floor),
    ]
    if s.scaled:
        parts += [
            "## Latency on ×10 offering (schema og_x10) against ×1",
            scale_table(table, s.scaled),
        ]
    if s.walks:
        parts += ["## Walking a list to its end, one request at a time", walk_table(s.walks)]
    if s.workers:
        compared = [g for g in groups if g.endswith("-workers")]
        parts += [
            "## Our API with one and with two worker processes",
            workers_table(table, compared, s.workers),
            "CPU: the share of all the machine's cores that was busy during the cell, and the "
            "shares our server (its processes) and PostgreSQL's processes used (bench/cpu.py). "
            "Another worker adds throughput only where the cores have time left for it.",
        ]
    if s.rss:
        parts += ["## Memory of our API (PostgreSQL) during the run", rss_section(*s.rss)]
    if s.checks:
        parts += [
            "## Answers checked before the load",
            "\n".join(f"- {line}" for line in s.checks),
        ]
    return "\n\n".join(parts) + "\n"
