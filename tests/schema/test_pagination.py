"""Walking a whole list page by page gives every object once, in order, and totalCount matches."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api

PEILDATUM = "2025-10-01"


async def walk(
    api: Api, field: str, arguments: str, selection: str, first: int
) -> tuple[list[dict[str, Any]], int, int]:
    """All nodes of a root list; returns (nodes, totalCount, number of pages)."""
    nodes: list[dict[str, Any]] = []
    after: str | None = None
    pages = 0
    while True:
        cursor = f', after: "{after}"' if after else ""
        data = await api.data(
            f'{{ {field}({arguments}, first: {first}{cursor}, peildatum: "{PEILDATUM}") '
            f"{{ totalCount pageInfo {{ hasNextPage hasPreviousPage endCursor }} edges {{ cursor node {{ {selection} }} }} }} }}"
        )
        connection = data[field]
        pages += 1
        assert connection["pageInfo"]["hasPreviousPage"] is (after is not None)
        nodes.extend(edge["node"] for edge in connection["edges"])
        if connection["edges"]:
            assert connection["pageInfo"]["endCursor"] == connection["edges"][-1]["cursor"]
        if not connection["pageInfo"]["hasNextPage"]:
            return nodes, connection["totalCount"], pages
        after = connection["pageInfo"]["endCursor"]


@pytest.mark.parametrize(
    ("field", "arguments", "selection", "key"),
    [
        (
            "aangebodenOpleidingen",
            'filter: {gemeentecode: ["0363"]}, orderBy: NAAM',
            "code eigenNaam",
            None,
        ),
        (
            "aangebodenOpleidingen",
            'filter: {gemeentecode: ["0363"]}, orderBy: CODE',
            "code",
            "code",
        ),
        ("onderwijsaanbieders", 'filter: {provincie: ["Flevoland"]}', "code naam", None),
        (
            "onderwijslocaties",
            'filter: {gemeentecode: ["0599"]}, orderBy: POSTCODE',
            "code adres { postcode }",
            None,
        ),
        ("onderwijsbesturen", 'filter: {zoek: "stichting"}', "code naam", None),
    ],
)
async def test_walking_a_root_list_has_no_duplicates_or_gaps(
    api: Api, field: str, arguments: str, selection: str, key: str | None
) -> None:
    nodes, total, pages = await walk(api, field, arguments, selection, first=37)
    codes = [node["code"] for node in nodes]
    assert len(codes) == len(set(codes)) == total
    assert pages >= 3
    if key:
        assert codes == sorted(codes)
    if field == "onderwijslocaties":
        postcodes = [node["adres"]["postcode"] or "" for node in nodes]
        assert postcodes == sorted(postcodes)


async def test_name_order_follows_the_normalised_name(api: Api) -> None:
    nodes, _, _ = await walk(
        api, "onderwijsaanbieders", 'filter: {gemeentecode: ["0344"]}', "code naam", first=100
    )
    from onderwijsgraaf.db.zoeknaam import zoeknaam

    keys = [(zoeknaam(node["naam"]), node["code"]) for node in nodes]
    assert keys == sorted(keys)


async def test_walking_a_nested_list(api: Api) -> None:
    codes: list[str] = []
    after = None
    total = None
    while True:
        cursor = f', after: "{after}"' if after else ""
        data = await api.data(
            f'{{ onderwijsaanbieder(code: "108A827", peildatum: "{PEILDATUM}") {{ aangebodenOpleidingen(first: 45{cursor}) '
            "{ totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } }"
        )
        connection = data["onderwijsaanbieder"]["aangebodenOpleidingen"]
        total = connection["totalCount"]
        codes.extend(edge["node"]["code"] for edge in connection["edges"])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert total is not None
    assert total > 200
    assert len(codes) == len(set(codes)) == total


async def test_first_zero_gives_only_the_count(api: Api) -> None:
    data = await api.data(
        "{ onderwijsaanbieders(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }"
    )
    assert data["onderwijsaanbieders"]["edges"] == []
    assert data["onderwijsaanbieders"]["pageInfo"]["hasNextPage"] is True
    assert data["onderwijsaanbieders"]["totalCount"] > 8000


async def test_the_default_page_is_25(api: Api) -> None:
    data = await api.data("{ onderwijslocaties { edges { node { code } } } }")
    assert len(data["onderwijslocaties"]["edges"]) == 25
