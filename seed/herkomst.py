"""Provenance counted per field, from the rows the seed built: for every table with ``bron``,
``afgeleid`` and ``veldbronnen`` (``Herkomst``), how many values of each column come from each
source, read as they are or derived, as ``herkomsttelling`` rows (``meta { tabellen }`` reports
them; the README's "What is derived" table is printed from them).

- A value counts when it is not NULL and not empty text (``False`` and ``0`` count).
- Its source (``bron``): the one ``veldbronnen`` names for its column, else the row's ``bron``.
- It is derived (``afgeleid``) when the row's ``afgeleid`` is ``*`` (the whole row is generated)
  or names its column.
- ``veld`` = ``*`` counts the rows per ``bron`` (``afgeleid``: the whole row is generated).
- Not counted, as bookkeeping rather than data (``NIET_GETELD``): ``bron``, ``afgeleid`` and
  ``veldbronnen`` themselves, the integer ``id`` the seed numbers rows with and ``zoeknaam``, the
  search form of a name that lists are sorted by.

Runs after every builder, before the ``bron`` rows are added. Raises ``ValueError`` when
``afgeleid`` or ``veldbronnen`` names a column its table does not have, or ``veldbronnen`` a
source that is not in ``seed.bronnen`` (a mark that would go uncounted, or a count that would
break the foreign key to ``bron``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import Table

from onderwijsgraaf.db.models import Base, Herkomsttelling
from seed import bronnen
from seed.dataset import Dataset, Rij

HERKOMST = ("bron", "afgeleid", "veldbronnen")
NIET_GETELD = frozenset({*HERKOMST, "id", "zoeknaam"})
RIJEN = "*"
HELE_RIJ = "*"

# (tabel, veld, bron, afgeleid) → aantal
Telling = Counter[tuple[str, str, str, bool]]


def herkomsttabellen() -> list[Table]:
    """Every table with the ``Herkomst`` columns, in foreign-key order."""
    return [t for t in Base.metadata.sorted_tables if all(c in t.c for c in HERKOMST)]


def build_herkomsttelling(dataset: Dataset) -> None:
    """Adds the ``herkomsttelling`` rows of every ``Herkomst`` table of ``dataset``, sorted by
    (tabel, veld, bron, afgeleid). Raises ``ValueError`` (see the module)."""
    telling: Telling = Counter()
    for table in herkomsttabellen():
        telling.update(tel(table, dataset.rows[table.name]))
    for (tabel, veld, bron, afgeleid), aantal in sorted(telling.items()):
        dataset.add(
            Herkomsttelling, tabel=tabel, veld=veld, bron=bron, afgeleid=afgeleid, aantal=aantal
        )


def tel(table: Table, rows: Iterable[Rij]) -> Telling:
    """The counts of one table's rows. Rows with the same provenance are counted together."""
    columns = [c.name for c in table.c if c.name not in NIET_GETELD]
    groups: dict[tuple[str, str, str], list[Rij]] = defaultdict(list)
    for row in rows:
        groups[(row["bron"], row["afgeleid"], row["veldbronnen"])].append(row)
    telling: Telling = Counter()
    for (bron, afgeleid, veldbronnen), group in groups.items():
        derived = _derived(table, afgeleid)
        sources = _sources(table, veldbronnen)
        whole = afgeleid == HELE_RIJ
        telling[(table.name, RIJEN, _known(table, bron), whole)] += len(group)
        for column in columns:
            aantal = sum(1 for row in group if row[column] is not None and row[column] != "")
            if aantal:
                key = (table.name, column, sources.get(column, bron), whole or column in derived)
                telling[key] += aantal
    return telling


def _derived(table: Table, afgeleid: str) -> set[str]:
    if afgeleid == HELE_RIJ:
        return set()
    names = {name for name in afgeleid.split(",") if name}
    unknown = sorted(names - set(table.c.keys()))
    if unknown:
        raise ValueError(f"{table.name}.afgeleid names no columns of the table: {unknown}")
    return names


def _sources(table: Table, veldbronnen: str) -> dict[str, str]:
    """``veld=bron,veld=bron`` as {veld: bron}."""
    found: dict[str, str] = {}
    for pair in filter(None, veldbronnen.split(",")):
        veld, is_, bron = pair.partition("=")
        if not is_ or veld not in table.c or veld in NIET_GETELD:
            raise ValueError(f"{table.name}.veldbronnen: {pair!r} is not <column>=<source>")
        found[veld] = _known(table, bron)
    return found


def _known(table: Table, bron: str) -> str:
    if bron not in _BRONNEN:
        raise ValueError(f"{table.name}: source {bron!r} is not in seed.bronnen")
    return bron


_BRONNEN = frozenset({*(b.code for b in bronnen.ALLE), bronnen.AFGELEID})
