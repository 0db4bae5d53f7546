"""The "What is derived" table: per table its rows and per field its values, as read from each
source and derived, as markdown (``python -m onderwijsgraaf herkomst``), from the counts that
``meta { tabellen }`` reports (``resolvers.meta.tabellen``). The README holds a copy between the
lines ``BEGIN`` and ``END``; ``herkomst --readme`` writes it there, and a test keeps it equal.

Per table: a line with its rows (as read, per source; generated whole, per source); a line per
field with a derived value or a value from a source that gave none of the table's rows (fields
with the same counts share a line: the counts are each field's); one line for the other fields
together (their names and the sum of their values). In a table whose every row is generated,
every field is derived with its row, so all its fields share that one line.
A cell names the three largest sources (``meta { tabellen }`` has them all).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.settings import ROOT
from resolvers.meta import Bronaantal, Tabeltelling, Veldtelling, tabellen

README = ROOT / "README.md"
REGENERATE = "python -m onderwijsgraaf herkomst --readme"
SHOWN = 3  # sources named per cell; the others are summed
BEGIN = "<!-- herkomst:begin -->"
END = "<!-- herkomst:end -->"
HEADER = (
    "| table, fields | rows, values | as read, per source | derived, per source |\n"
    "|---|--:|---|---|\n"
)


async def markdown_of(engine: AsyncEngine) -> str:
    """The table of the database behind ``engine``, read as ``meta { tabellen }`` reads it."""
    async with Reads(engine) as reads:
        return markdown(await tabellen(reads))


def markdown(counts: Sequence[Tabeltelling]) -> str:
    """The table as markdown, one line per table and per group of fields, ending in a newline
    (only ``HEADER`` when there are no counts)."""
    lines = [HEADER.rstrip("\n")]
    for tabel in counts:
        lines.append(_line(f"**`{tabel.tabel}`**", tabel.bronnen))
        shown: dict[tuple[Bronaantal, ...], list[str]] = {}
        for veld in tabel.velden:
            if _shown(tabel, veld):
                shown.setdefault(tuple(veld.bronnen), []).append(veld.veld)
        for bronnen, names in shown.items():
            lines.append(_line("↳ " + ", ".join(f"`{name}`" for name in names), list(bronnen)))
        others = [v for v in tabel.velden if not _shown(tabel, v)]
        if others:
            listed = ", ".join(f"`{v.veld}`" for v in others)
            summed = _summed(b for v in others for b in v.bronnen)
            lines.append(_line(f"↳ {_together(len(others), bool(shown))}: {listed}", summed))
    return "\n".join(lines) + "\n"


def _together(count: int, other: bool) -> str:
    if count == 1:
        return "the other field" if other else "the one field"
    return f"the other {count} fields together" if other else f"all {count} fields together"


def _line(what: str, bronnen: Sequence[Bronaantal]) -> str:
    total = sum(b.echt + b.afgeleid for b in bronnen)
    return (
        f"| {what} | {_n(total)} | {_sources(bronnen, echt=True)} "
        f"| {_sources(bronnen, echt=False)} |"
    )


def readme_with(readme: str, table: str) -> str:
    """``readme`` with ``table`` between its ``BEGIN`` and ``END`` lines. Raises ``ValueError``
    when it does not hold them, in that order, once each."""
    before, after = _split(readme)
    return f"{before}{BEGIN}\n{table}{END}{after}"


def readme_table(readme: str) -> str:
    """What ``readme`` holds between its ``BEGIN`` and ``END`` lines. Raises ``ValueError``."""
    before, after = _split(readme)
    return readme[len(before) + len(BEGIN) + 1 : len(readme) - len(after) - len(END)]


def _split(readme: str) -> tuple[str, str]:
    if (
        readme.count(BEGIN) != 1
        or readme.count(END) != 1
        or readme.index(BEGIN) > readme.index(END)
    ):
        raise ValueError(f"the README needs one line {BEGIN} and after it one line {END}")
    before, rest = readme.split(BEGIN + "\n", 1)
    after = rest.split(END, 1)[1]
    return before, after


def _shown(tabel: Tabeltelling, veld: Veldtelling) -> bool:
    """A field gets a line of its own when some of its values are derived in a table with rows
    as read, or come from a source that gave none of the table's rows."""
    rows_read = any(b.echt for b in tabel.bronnen)
    row_sources = {b.bron for b in tabel.bronnen}
    return (rows_read and veld.afgeleid > 0) or any(b.bron not in row_sources for b in veld.bronnen)


def _summed(aantallen: Iterable[Bronaantal]) -> list[Bronaantal]:
    sums: dict[str, tuple[int, int]] = {}
    for b in aantallen:
        echt, afgeleid = sums.get(b.bron, (0, 0))
        sums[b.bron] = (echt + b.echt, afgeleid + b.afgeleid)
    return [Bronaantal(bron, echt, afgeleid) for bron, (echt, afgeleid) in sorted(sums.items())]


def _sources(aantallen: Sequence[Bronaantal], *, echt: bool) -> str:
    """``12,654 (duo-scholen-2024 12,000, duo-brin6 600, duo-brin4 50, 2 more 4)``: the total,
    the ``SHOWN`` largest sources and the rest together; ``—`` for none."""
    counts = sorted(
        ((b.echt if echt else b.afgeleid, b.bron) for b in aantallen), key=lambda c: (-c[0], c[1])
    )
    counts = [(n, bron) for n, bron in counts if n]
    if not counts:
        return "—"
    total = _n(sum(n for n, _ in counts))
    if len(counts) == 1:
        return f"{total} ({counts[0][1]})"
    shown = [f"{bron} {_n(n)}" for n, bron in counts[:SHOWN]]
    rest = counts[SHOWN:]
    if len(rest) == 1:
        shown.append(f"{rest[0][1]} {_n(rest[0][0])}")
    elif rest:
        shown.append(f"{len(rest)} more {_n(sum(n for n, _ in rest))}")
    return f"{total} ({', '.join(shown)})"


def _n(number: int) -> str:
    return f"{number:,}"
