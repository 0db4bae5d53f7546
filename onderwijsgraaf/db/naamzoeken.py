"""Name search: the condition "this object has a name with these words", and its relevance.

What is searched: every name of every object, in the table ``zoeknaam`` (built by the seed,
``seed.zoeknamen``): an onderwijsbestuur's naam; an onderwijsaanbieder's naam and
internationale naam; an opleidingseenheid's naamLang, naamKort and internationale naam; an
aangeboden opleiding's eigen namen (Dutch, English, German) and the names of its
opleidingseenheid. Names and queries are compared in their search form (``zoekvorm``: case,
accents, apostrophes, hyphens and other punctuation, ``St``/``Sint`` do not matter).

When an object matches (``naam_treft``): one of its names holds every word of the query as a
substring, in any order. A word of at least ``MIN_TIKFOUT`` letters also matches the words of
the names that are one edit away from it: one letter wrong, missing or extra, or two neighbours
swapped (``psycholgie`` → ``psychologie``). Those corrections are looked up by equality in
``zoekwoord``, which holds every word of the names and, for the longer ones, the word without
each of its letters (the word's ``positie``): a word ``w`` is one edit from ``v`` exactly when

- ``w`` without its letter i is ``v`` without its letter i (a letter wrong),
- ``w`` is ``v`` without one letter (a letter missing),
- ``w`` without one letter is ``v`` (a letter extra), or
- ``w`` with two neighbours swapped is ``v``.

The databases' own text indexes do the matching, inside the same statement (no statement of
its own; the corrections are a subquery):

- SQLite: the FTS5 table ``zoeknaam_fts`` (trigram tokenizer, made by the migration) is asked
  ``MATCH '("psycholgie" OR "psychologie") AND "amsterdam"'``; every quoted word is a
  substring. Words of one or two letters, shorter than a trigram, are checked with ``LIKE``.
- PostgreSQL: a pg_trgm GIN index on ``zoeknaam.zoekvorm`` serves ``LIKE '%amsterdam%'`` and,
  for a word's corrections, the regular expression ``~ 'psychologie|psycholoog'``.

Relevance (``Naamtreffer.rang``, the first part of the order ``RELEVANTIE``): per object the
best of its names: 0 when a name is the query, 1 when a name starts with it, 2 when a name
holds every word as typed, 3 when it matches only with a correction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    and_,
    case,
    column,
    func,
    literal,
    or_,
    select,
    table,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal, _TraverseInternalsType

from onderwijsgraaf.db.models import Zoeknaam, Zoekwoord
from onderwijsgraaf.db.zoeknaam import zoekvorm

MIN_TIKFOUT = 5  # a word of this many letters or more may hold one typo
MIN_TRIGRAM = 3  # a shorter word has no trigram: checked with LIKE
ZOEKWOORD_ZELF = -1  # ``Zoekwoord.positie`` of the word itself
FTS = "zoeknaam_fts"  # SQLite: the FTS5 table over zoeknaam.zoekvorm (rowid: zoeknaam.id)
TRIGRAM_INDEX = "ix_zoeknaam_zoekvorm_trgm"  # PostgreSQL: the pg_trgm GIN index


def is_zoekindex(name: str | None) -> bool:
    """Whether ``name`` is one of the database's own search structures (the FTS5 table and its
    shadow tables, the trigram index), which the migration makes and the models do not hold."""
    return name is not None and (name == TRIGRAM_INDEX or name.startswith(FTS))


def zoekwoorden(zoek: str) -> tuple[str, ...]:
    """The words of a query in their search form, each once, in the order given."""
    return tuple(dict.fromkeys(zoekvorm(zoek).split()))


def zoekwoord_varianten(woord: str) -> list[tuple[str, int]]:
    """The rows (variant, positie) of ``zoekwoord`` for a word of the names: the word itself
    when it is long enough to be a correction (``MIN_TIKFOUT`` - 1 letters: a typed word with a
    letter extra), and the word without each of its letters when it may be one itself."""
    rows: list[tuple[str, int]] = []
    if len(woord) >= MIN_TIKFOUT - 1:
        rows.append((woord, ZOEKWOORD_ZELF))
    if len(woord) >= MIN_TIKFOUT:
        rows += [(woord[:i] + woord[i + 1 :], i) for i in range(len(woord))]
    return rows


class Naamtreffer(ColumnElement[bool]):
    """The condition that ``code`` is the code of an object with a matching name, written for
    SQLite (``sqlite``) and for PostgreSQL (``postgresql``); ``rang`` is the object's relevance
    (an integer expression over the same ``code``)."""

    __visit_name__ = "naamtreffer"
    inherit_cache = True
    # a condition, not a boolean column: SQLite gets ``x IN (...)``, not ``(x IN (...)) = 1``,
    # which would hide the search from its query planner
    _is_implicitly_boolean = True
    # SQLAlchemy reads the children (for caching and copying) from this class attribute
    _traverse_internals: _TraverseInternalsType = [  # noqa: RUF012
        ("sqlite", InternalTraversal.dp_clauseelement),
        ("postgresql", InternalTraversal.dp_clauseelement),
    ]

    def __init__(
        self,
        sqlite: ColumnElement[bool],
        postgresql: ColumnElement[bool],
        rang: ColumnElement[int],
    ) -> None:
        self.sqlite = sqlite
        self.postgresql = postgresql
        self.rang = rang
        self.type = Boolean()

    @property
    def _from_objects(self) -> Any:
        return self.postgresql._from_objects


@compiles(Naamtreffer, "sqlite")
def _naamtreffer_sqlite(element: Naamtreffer, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.sqlite, **kw)


@compiles(Naamtreffer)
def _naamtreffer_postgresql(element: Naamtreffer, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.postgresql, **kw)


def naam_treft(objects: Table, zoek: str) -> Naamtreffer:
    """``objects.code`` is the code of an object of that table (onderwijsbestuur,
    onderwijsaanbieder, opleidingseenheid or aangeboden_opleiding) with a name holding every
    word of ``zoek`` (see the module). ``zoek`` must hold at least one word (``zoekwoorden``)."""
    woorden = zoekwoorden(zoek)
    if not woorden:
        raise ValueError("a name search needs at least one word")
    namen = Zoeknaam.__table__
    code = objects.c.code

    def van_object(*condities: ColumnElement[bool]) -> ColumnElement[bool]:
        return code.in_(select(namen.c.code).where(namen.c.soort == objects.name, *condities))

    return Naamtreffer(
        sqlite=van_object(*_sqlite(woorden)),
        postgresql=van_object(*_postgresql(woorden)),
        rang=_rang(objects, zoekvorm(zoek), woorden),
    )


def _sqlite(woorden: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """SQLite: the FTS5 query for the words of three letters or more, LIKE for shorter ones."""
    namen = Zoeknaam.__table__
    fts = table(FTS, column("rowid", Integer), column("zoekvorm", String))
    kort: list[ColumnElement[bool]] = [
        namen.c.zoekvorm.like(f"%{w}%") for w in woorden if len(w) < MIN_TRIGRAM
    ]
    delen: list[ColumnElement[str]] = []
    for woord in woorden:
        if len(woord) < MIN_TRIGRAM:
            continue
        if delen:
            delen.append(literal(" AND "))
        if len(woord) < MIN_TIKFOUT:
            delen.append(literal(f'"{woord}"'))
            continue
        of_verbeterd = select(
            func.group_concat(literal(' OR "') + _verbeteringen(woord).c.woord + '"', "")
        ).scalar_subquery()
        verbeterd = type_coerce(func.coalesce(of_verbeterd, ""), String)
        delen += [literal(f'("{woord}"'), verbeterd, literal(")")]
    if not delen:
        return kort
    query = delen[0]
    for deel in delen[1:]:
        query = query + deel
    treffers = select(fts.c.rowid).where(fts.c.zoekvorm.match(query))
    return [namen.c.id.in_(treffers), *kort]


def _postgresql(woorden: tuple[str, ...]) -> list[ColumnElement[bool]]:
    """PostgreSQL: LIKE for every word, or a word's corrections as a regular expression; both
    served by the trigram index."""
    vorm = Zoeknaam.__table__.c.zoekvorm
    condities: list[ColumnElement[bool]] = []
    for woord in woorden:
        zo = vorm.like(f"%{woord}%")
        if len(woord) < MIN_TIKFOUT:
            condities.append(zo)
            continue
        verbeterd = select(func.string_agg(_verbeteringen(woord).c.woord, "|")).scalar_subquery()
        condities.append(or_(zo, vorm.op("~", is_comparison=True)(verbeterd)))
    return condities


def _verbeteringen(woord: str) -> Any:
    """The words of the names one edit away from ``woord`` (not ``woord`` itself), once each:
    a subquery with the column ``woord``. Words hold only letters and digits (``zoekvorm``), so
    they are safe in an FTS5 phrase and in a regular expression."""
    w = Zoekwoord.__table__.c
    n = len(woord)
    weg = [woord[:i] + woord[i + 1 :] for i in range(n)]
    gewisseld = [woord[:i] + woord[i + 1] + woord[i] + woord[i + 2 :] for i in range(n - 1)]
    een_fout = or_(
        *(and_(w.variant == variant, w.positie == i) for i, variant in enumerate(weg)),
        and_(w.variant == woord, w.positie > ZOEKWOORD_ZELF),
        and_(w.positie == ZOEKWOORD_ZELF, w.variant.in_(sorted(set(weg + gewisseld)))),
    )
    found: Select[Any] = select(w.woord).where(een_fout, w.woord != woord).distinct()
    return found.subquery()


def _rang(objects: Table, tekst: str, woorden: tuple[str, ...]) -> ColumnElement[int]:
    """0: a name is ``tekst``; 1: a name starts with it; 2: a name holds every word; 3: only
    with a correction. The best of the object's names."""
    naam = Zoeknaam.__table__.alias("rang_naam")
    vorm = naam.c.zoekvorm
    per_naam = case(
        (vorm == tekst, 0),
        (vorm.like(f"{tekst}%"), 1),
        (and_(*(vorm.like(f"%{w}%") for w in woorden)), 2),
        else_=3,
    )
    beste = (
        select(func.min(per_naam))
        .where(naam.c.code == objects.c.code, naam.c.soort == objects.name)
        .scalar_subquery()
    )
    return type_coerce(beste, Integer)
