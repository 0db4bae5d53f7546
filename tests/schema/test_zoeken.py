"""Name search (``filter.zoek``) on both databases, compiled and field by field: written the way
people write names, its answers are those of name search computed in Python from the raw rows
(``tests.name_search``), in order of relevance, at a fixed number of statements."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select, text

from onderwijsgraaf.db.models import (
    AangebodenOpleidingVoertaal,
    Onderwijsaanbieder,
)
from onderwijsgraaf.db.zoeknaam import zoekvorm
from resolvers.conditions import woorden
from tests.conftest import Api, Target, valid_on
from tests.name_search import NameSearch, name_search, one_edit

PEILDATUM = dt.date(2025, 10, 1)
PAGE = 20
# root list → (table, the field that names a node)
LISTS = {
    "onderwijsbesturen": ("onderwijsbestuur", "naam"),
    "onderwijsaanbieders": ("onderwijsaanbieder", "naam"),
    "opleidingseenheden": ("opleidingseenheid", "naamLang"),
    "aangebodenOpleidingen": ("aangeboden_opleiding", "eigenNaam"),
}
A, AO, E, B = (
    "onderwijsaanbieders",
    "aangebodenOpleidingen",
    "opleidingseenheden",
    "onderwijsbesturen",
)
# Written as people write names: (list, zoek). Each must give what name search gives in Python.
VARIANTS = [
    # apostrophes, straight and curly, and hyphens
    (A, "'s-Gravendreef"),
    (A, "‘s-Gravendreef"),
    (A, "’s Gravendreef"),
    (A, "s-gravendreef college vwo"),
    (A, "'t Kompas"),
    (A, "’t kompas dalton"),
    # Sint, St., St; punctuation, word order
    (A, "Sint-Jozef"),
    (A, "Sint Jozef"),
    (A, "St. Jozef"),
    (A, "St Jozef"),
    (A, "st.jozef"),
    (A, "jozef, sint"),
    (A, "St.-Jozefmavo"),
    # hyphens, accents, case, spaces
    (A, "Eben-Haezer"),
    (A, "Eben Haezer"),
    (A, "  EBEN   haëzer "),
    (A, "haezer eben"),
    # abbreviations
    (A, "R.K. Basisschool De Meander"),
    (A, "rk basisschool meander"),
    (A, "O.B.S. de Singel"),
    (A, "obs singel"),
    # one typo in a longer word: missing, extra, wrong, swapped letters
    (A, "montesori"),
    (A, "jenaplanschol"),
    (AO, "psycholgie"),
    (AO, "psychollogie"),
    (AO, "pyschologie"),
    (B, "univeristeit"),
    (B, "Universiteit van Amsterdm"),
    (E, "bedrijfskunda"),
    # English and Dutch names
    (AO, "psychology"),
    (AO, "psychologie"),
    (AO, "applied psychology"),
    (E, "toegepaste psychologie"),
    (E, "law"),
    (E, "rechten"),
    (AO, "international business"),
]
# Written differently, the same answer (the issue's own examples).
SAME = [
    ["Sint-Jozef", "Sint Jozef", "St. Jozef", "St Jozef", "st.jozef"],
    ["Eben-Haezer", "Eben Haezer", "  EBEN   haëzer "],
    ["'s-Gravendreef", "‘s-Gravendreef", "’s Gravendreef"],
]


def expected(search: NameSearch, field: str, zoek: str) -> tuple[int, list[str]]:
    """The total and the first page of ``field`` searched by ``zoek`` on PEILDATUM, in order of
    relevance: rank, then name (``zoeknaam``), then code."""
    return len(ordered := ranked(search, field, zoek)), ordered[:PAGE]


def ranked(search: NameSearch, field: str, zoek: str) -> list[str]:
    table, _ = LISTS[field]
    found = [search.rows[c] for c in search.found(table, zoek)]
    valid = [row for row in found if valid_on(row, PEILDATUM)]
    valid.sort(key=lambda r: (search.rank(r.code, zoek), r.zoeknaam, r.code))
    return [row.code for row in valid]


def raw_codes(search: NameSearch, table: str, predicate: Any) -> set[str]:
    return {
        code
        for code, row in search.rows.items()
        if search.kinds[code] == table and valid_on(row, PEILDATUM) and predicate(row)
    }


def search(field: str, zoek: str, arguments: str = "") -> str:
    """The root field ``field`` searched by ``zoek``: its total, page info and first page."""
    name = LISTS[field][1]
    return (
        f"{field}(filter: {{zoek: {json.dumps(zoek, ensure_ascii=False)}}}, first: {PAGE}, "
        f'peildatum: "{PEILDATUM}"{arguments}) {{ totalCount pageInfo {{ hasNextPage endCursor }} '
        f"edges {{ node {{ code {name} }} }} }}"
    )


def query(field: str, zoek: str, arguments: str = "") -> str:
    return "{ " + search(field, zoek, arguments) + " }"


Found = tuple[int, list[str]]  # a search's total and first page


async def answers(
    api: Api, searches: list[tuple[str, str]]
) -> tuple[dict[tuple[str, str], Found], int]:
    """Total and first page of each search, asked 18 at a time (as aliases of one query), and
    the statements they took."""
    found: dict[tuple[str, str], Found] = {}
    statements = 0
    for start in range(0, len(searches), 18):
        part = searches[start : start + 18]
        aliases = " ".join(f"v{i}: {search(f, z)}" for i, (f, z) in enumerate(part))
        data, counted = await api.counted("{ " + aliases + " }")
        statements += counted
        for i, asked in enumerate(part):
            edges = data[f"v{i}"]["edges"]
            found[asked] = (data[f"v{i}"]["totalCount"], [e["node"]["code"] for e in edges])
    return found, statements


def test_the_variants_are_many_and_from_every_kind() -> None:
    assert len(VARIANTS) >= 30
    assert {field for field, _ in VARIANTS} == set(LISTS)


def test_written_differently_the_search_form_is_the_same() -> None:
    for group in [*SAME, ["’s-Gravenhage", "'s-Gravenhage", "`s Gravenhage", "s-Gravenhage"]]:
        assert len({zoekvorm(written) for written in group}) == 1, group
    assert zoekvorm("R.K.B.S. de Marinx") == "rkbs de marinx"
    assert zoekvorm("Café  Ölmühle & Straße") == "cafe olmuhle strasse"


def test_one_edit_is_one_letter_wrong_missing_extra_or_swapped() -> None:
    assert one_edit("psycholgie", "psychologie")  # missing
    assert one_edit("psychollogie", "psychologie")  # extra
    assert one_edit("psychilogie", "psychologie")  # wrong
    assert one_edit("pyschologie", "psychologie")  # swapped neighbours
    assert not one_edit("psychologie", "psychologie")
    assert not one_edit("pyschlogie", "psychologie")  # two edits
    assert not one_edit("abcde", "bcdea")


async def test_every_variant_finds_what_name_search_finds(api: Api, seeded: Target) -> None:
    """Each variant's total and first page (in order of relevance) against the reference, at
    one statement per search; the variants that must be the same are the same; what the issue
    names is found."""
    search = await name_search(seeded)
    got, statements = await answers(api, VARIANTS)
    assert statements == len(VARIANTS)  # one per root field, whatever the words
    wrong = []
    for (field, zoek), found in got.items():
        reference = expected(search, field, zoek)
        if found != reference or reference[0] == 0:
            wrong.append(f"{field} {zoek!r}: got {found}, expected {reference}")
    assert not wrong, "\n".join(wrong)
    for group in SAME:
        assert len({json.dumps(got[(A, zoek)]) for zoek in group}) == 1, group
    # straight and curly apostrophes find each other
    curly = raw_codes(search, "onderwijsaanbieder", lambda r: "‘s-Gravendreef" in r.naam)
    straight = raw_codes(search, "onderwijsaanbieder", lambda r: "'s-Gravendreef" in r.naam)
    assert curly
    assert straight
    for zoek in ("'s-Gravendreef", "’s Gravendreef"):
        assert curly | straight <= set(got[(A, zoek)][1])
    # an English-taught programme is found by its English and by its Dutch name
    engels = await taught_in_english(seeded)
    english = raw_codes(
        search,
        "aangeboden_opleiding",
        lambda r: (
            r.code in engels
            and "Psychology" in (r.eigen_naam or "")
            and search.rows[r.opleidingseenheid_code].naam_lang == "Psychologie"
        ),
    )
    assert english
    for zoek in ("psychology", "psychologie"):
        assert english <= set(ranked(search, AO, zoek))


async def taught_in_english(seeded: Target) -> set[str]:
    engine = seeded.engine()
    async with engine.connect() as conn:
        voertaal = AangebodenOpleidingVoertaal
        found = await conn.execute(
            select(voertaal.aangeboden_opleiding_code).where(voertaal.voertaal == "ENG")
        )
        codes = set(found.scalars())
    await engine.dispose()
    return codes


async def test_relevance_pages_walk_without_gaps_and_other_orders_stay(
    api: Api, seeded: Target
) -> None:
    """Walking the pages of a search by relevance gives the reference order; orderBy NAAM
    still orders by name; RELEVANTIE needs zoek, and is not for onderwijslocaties."""
    search = await name_search(seeded)
    reference = ranked(search, A, "jozef")
    walked: list[str] = []
    after = ""
    while True:
        found = (await api.data(query(A, "jozef", after)))[A]
        walked += [edge["node"]["code"] for edge in found["edges"]]
        if not found["pageInfo"]["hasNextPage"]:
            break
        after = f', after: "{found["pageInfo"]["endCursor"]}", orderBy: RELEVANTIE'
    assert len(reference) > 2 * PAGE
    assert walked == reference
    assert {search.rank(c, "jozef") for c in walked} >= {1, 2}
    for asked, refused in [
        ("{ onderwijsaanbieders(orderBy: RELEVANTIE) { totalCount } }", "give zoek"),
        (
            '{ onderwijslocaties(filter: {zoek: "jozef"}, orderBy: RELEVANTIE) { totalCount } }',
            "use CODE or POSTCODE",
        ),
        ('{ onderwijsaanbieders(filter: {zoek: "-.,"}) { totalCount } }', "zoek: give at least"),
    ]:
        error = await api.error(asked)
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert refused in error["message"]


async def test_the_databases_own_text_index_is_used(seeded: Target) -> None:
    """SQLite answers through its FTS5 trigram table, PostgreSQL through its trigram index."""
    condition = woorden(Onderwijsaanbieder.zoeknaam, "montesori school")
    statement = select(Onderwijsaanbieder.code).where(condition)
    engine = seeded.engine()
    async with engine.connect() as conn:
        sql = str(statement.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        explain = "EXPLAIN QUERY PLAN " if seeded.backend == "sqlite" else "EXPLAIN "
        plan = "\n".join(str(row) for row in await conn.execute(text(explain + sql)))
        codes = {row.code for row in await conn.execute(statement)}
    await engine.dispose()
    uses = "VIRTUAL TABLE INDEX 0:M" if seeded.backend == "sqlite" else "ix_zoeknaam_zoekvorm_trgm"
    assert uses in plan, plan
    assert codes
