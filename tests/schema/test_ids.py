"""Relay ids carry the peildatum an object was read on, so a client cache that keys objects by
id never mixes two dates: the same aanbieder read on two peildata has two ids, and each id
resolves through ``node(id:)`` to that date's object and nested lists. Every answer here is
also compared, byte for byte, with the answer resolved field by field (``Api.post``)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from onderwijsgraaf.db.models.opleiding import AangebodenOpleiding
from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.peildatum import vandaag
from schema.node import global_id, parse_global_id
from tests.conftest import Api, Target, serving, valid_on

CODE = "111A870"
DAYS = (dt.date(2012, 1, 1), dt.date(2025, 10, 1))
LOOKUP = """query($code: String!, $d: Date) { onderwijsaanbieder(code: $code, peildatum: $d) {
  id aangebodenOpleidingen(first: 100) { totalCount edges { node { id code } } } } }"""
NODE = """query($id: ID!) { node(id: $id) { __typename id ... on Onderwijsaanbieder {
  aangebodenOpleidingen(first: 100) { totalCount edges { node { id code } } } } } }"""


def raw_id(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


async def aanbod_on(target: Target, code: str, day: dt.date) -> list[str]:
    """The codes of the aanbieder's aangeboden opleidingen valid on ``day``, straight from the
    table (the API orders them by name; compared here as sets)."""
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(AangebodenOpleiding).where(
                        AangebodenOpleiding.onderwijsaanbieder_code == code
                    )
                )
            ).all()
    finally:
        await engine.dispose()
    return sorted(r.code for r in rows if valid_on(r, day))


@pytest.fixture
async def resolving(seeded: Target) -> AsyncIterator[Api]:
    async with serving(seeded, query_compiler=False) as api:
        yield api


def test_an_id_names_the_type_the_code_and_the_peildatum() -> None:
    made = global_id("Onderwijsaanbieder", CODE, DAYS[0])
    assert base64.urlsafe_b64decode(made).decode() == "Onderwijsaanbieder:111A870@2012-01-01"
    assert parse_global_id(made) == ("Onderwijsaanbieder", CODE, DAYS[0])
    assert parse_global_id(raw_id("Onderwijsaanbieder:111A870")) == (
        "Onderwijsaanbieder",
        CODE,
        None,
    )
    for bad in ("2012-13-01", "2012-02-30", "20120101", "2012-1-1", "", "gisteren"):
        with pytest.raises(BadUserInput, match="is not a date"):
            parse_global_id(raw_id(f"Onderwijsaanbieder:111A870@{bad}"))


async def test_one_object_on_two_peildata_has_two_ids_each_resolving_on_its_date(
    api: Api, seeded: Target
) -> None:
    expected = {day: await aanbod_on(seeded, CODE, day) for day in DAYS}
    # the premise: the aanbod of this aanbieder differs between the two dates
    assert len(expected[DAYS[0]]) != len(expected[DAYS[1]])
    ids = {}
    for day in DAYS:
        found = (await api.data(LOOKUP, {"code": CODE, "d": day.isoformat()}))["onderwijsaanbieder"]
        ids[day] = found["id"]
        assert base64.urlsafe_b64decode(found["id"]).decode() == f"Onderwijsaanbieder:{CODE}@{day}"
        aanbod = found["aangebodenOpleidingen"]
        assert aanbod["totalCount"] == len(expected[day])
        assert sorted(e["node"]["code"] for e in aanbod["edges"]) == expected[day]
        for edge in aanbod["edges"]:  # nested objects carry the same date
            node = edge["node"]
            assert parse_global_id(node["id"]) == ("AangebodenOpleiding", node["code"], day)
    assert ids[DAYS[0]] != ids[DAYS[1]]
    # one document, two ids as variables: two plans, each with its own date
    for day in DAYS:
        assert api.plan(NODE, {"id": ids[day]}) is not None
        data, statements = await api.counted(NODE, {"id": ids[day]})
        assert statements == 1  # one per root field compiled
        node = data["node"]
        assert (node["__typename"], node["id"]) == ("Onderwijsaanbieder", ids[day])
        aanbod = node["aangebodenOpleidingen"]
        assert aanbod["totalCount"] == len(expected[day])
        assert sorted(e["node"]["code"] for e in aanbod["edges"]) == expected[day]
    # nodes(ids:) answers each id on its own date
    nodes = await api.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Onderwijsaanbieder {"
        " aangebodenOpleidingen { totalCount } } } }",
        {"ids": [ids[DAYS[1]], ids[DAYS[0]]]},
    )
    assert nodes["nodes"] == [
        {"id": ids[day], "aangebodenOpleidingen": {"totalCount": len(expected[day])}}
        for day in (DAYS[1], DAYS[0])
    ]


async def test_node_by_a_dated_id_resolved_field_by_field_costs_one_statement_per_level(
    resolving: Api,
) -> None:
    dated = global_id("Onderwijsaanbieder", CODE, DAYS[0])
    _, statements = await resolving.counted(NODE, {"id": dated})
    # the aanbieder on its date, then its aanbod on that date (the page with its total)
    assert statements == 2


async def test_an_id_of_the_older_form_resolves_on_today(api: Api, seeded: Target) -> None:
    today = vandaag()
    expected = await aanbod_on(seeded, CODE, today)
    data = await api.data(NODE, {"id": raw_id(f"Onderwijsaanbieder:{CODE}")})
    node = data["node"]
    assert node["id"] == global_id("Onderwijsaanbieder", CODE, today)
    assert node["aangebodenOpleidingen"]["totalCount"] == len(expected)


@pytest.mark.parametrize("bad", ["2012-13-01", "2012-02-30", "20120101", "morgen"])
async def test_a_bad_date_in_an_id_is_refused_naming_the_id_and_the_date(
    api: Api, bad: str
) -> None:
    node_id = raw_id(f"Onderwijsaanbieder:{CODE}@{bad}")
    error = await api.error(NODE, {"id": node_id})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == (
        f"id: {node_id!r} carries the peildatum {bad!r}, which is not a date (YYYY-MM-DD); "
        "use the id field of an object"
    )
