"""Bad arguments are BAD_USER_INPUT with a message that says what is valid; limits are
COST_LIMIT_EXCEEDED; unexpected errors are masked and logged."""

from __future__ import annotations

import logging

import pytest

from resolvers import aanbieders
from tests.conftest import Api, Target, serving


@pytest.mark.parametrize(
    ("field", "code", "expected"),
    [
        ("onderwijsbestuur", "100-490", "expected NNNBNNN"),
        ("onderwijsaanbieder", "113X881", "expected NNNANNN"),
        ("onderwijslocatie", "x", "expected NNNXNNN"),
        ("opleidingseenheid", "1001O266", "expected NNNNONNNN"),
        ("aangebodenOpleiding", "not-a-uuid", "expected a UUID"),
    ],
)
async def test_a_code_in_the_wrong_format_is_bad_input(
    sqlite_api: Api, field: str, code: str, expected: str
) -> None:
    error = await sqlite_api.error(f'{{ {field}(code: "{code}") {{ code }} }}')
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert expected in error["message"]
    assert error["path"] == [field]


async def test_an_unknown_code_is_null_without_error(sqlite_api: Api) -> None:
    data = await sqlite_api.data(
        '{ onderwijsaanbieder(code: "999A999") { code } opleidingseenheid(code: "9999O9999") { code } }'
    )
    assert data == {"onderwijsaanbieder": None, "opleidingseenheid": None}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "{ onderwijsaanbieders(first: 101) { totalCount } }",
            "first must be between 0 and 100, got 101",
        ),
        (
            "{ onderwijslocaties(first: -1) { totalCount } }",
            "first must be between 0 and 100, got -1",
        ),
        (
            '{ onderwijsaanbieder(code: "113A881") { aangebodenOpleidingen(first: 500) { totalCount } } }',
            "first must be between 0 and 100, got 500",
        ),
        ('{ onderwijsaanbieders(after: "bogus") { totalCount } }', "is not a cursor of this list"),
        (
            '{ onderwijsaanbieders(filter: {gemeentecode: ["9999"]}) { totalCount } }',
            "gemeentecode: '9999' is not the CBS code of a gemeente; the nearest are",
        ),
        (
            '{ onderwijslocaties(filter: {postcode: "ABCD"}) { totalCount } }',
            "is not a PC4 (3511) or a postcode (3511AB)",
        ),
        (
            '{ onderwijsaanbieders(filter: {zoek: "  "}) { totalCount } }',
            "zoek: give at least one word",
        ),
        (
            '{ onderwijsaanbieders(filter: {onderwijsbestuurCode: "B100"}) { totalCount } }',
            "onderwijsbestuurCode: 'B100' is not a RIO code",
        ),
        (
            "{ onderwijsaanbieders(orderBy: POSTCODE) { totalCount } }",
            "orderBy POSTCODE is not available for onderwijsaanbieders; use NAAM or CODE",
        ),
        ('{ node(id: "bm9wZTox") { id } }', "is not an id of this API"),
        (
            "{ onderwijsaanbieders(filter: {sector: [KLEUTER]}) { totalCount } }",
            "Valid values: PO, SO, VSO, VO",
        ),
        ("{ aangebodenOpleidingen(filter: {niveau: [HBO-BA]}) { totalCount } }", "Syntax Error"),
    ],
)
async def test_bad_arguments_are_bad_user_input(sqlite_api: Api, query: str, message: str) -> None:
    error = await sqlite_api.error(query)
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert message in error["message"]


async def test_a_cursor_of_another_list_is_refused(sqlite_api: Api) -> None:
    data = await sqlite_api.data("{ onderwijsaanbieders(first: 1) { pageInfo { endCursor } } }")
    cursor = data["onderwijsaanbieders"]["pageInfo"]["endCursor"]
    for other in ("onderwijslocaties", "onderwijsbesturen", "aangebodenOpleidingen"):
        error = await sqlite_api.error(f'{{ {other}(after: "{cursor}") {{ totalCount }} }}')
        assert "is not a cursor of this list" in error["message"]
    error = await sqlite_api.error(
        f'{{ onderwijsaanbieders(orderBy: CODE, after: "{cursor}") {{ totalCount }} }}'
    )
    assert "is not a cursor of this list" in error["message"]


async def test_an_unknown_enum_value_in_variables_is_bad_input(sqlite_api: Api) -> None:
    query = "query($v: [Vorm!]) { aangebodenOpleidingen(filter: {vorm: $v}) { totalCount } }"
    error = await sqlite_api.error(query, {"v": ["AVOND"]})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "AVOND" in error["message"]
    assert "VOLTIJD" in error["message"]


async def test_too_many_nodes_is_bad_input(sqlite_api: Api) -> None:
    ids = ", ".join('"T25kZXJ3aWpzYWFuYmllZGVyOjExM0E4ODE="' for _ in range(101))
    error = await sqlite_api.error(f"{{ nodes(ids: [{ids}]) {{ id }} }}")
    assert error["message"] == "nodes(ids): at most 100 values, got 101"


async def test_a_query_deeper_than_12_levels_is_refused(sqlite_api: Api) -> None:
    query = (
        '{ onderwijsaanbieder(code: "113A881") { onderwijsbestuur { onderwijsaanbieders(first: 2) {'
        " edges { node { onderwijsbestuur { onderwijsaanbieders(first: 2) { edges { node {"
        " onderwijsbestuur { onderwijsaanbieders(first: 2) { edges { node { code } } } } } } } } } } } }"
        " } }"
    )
    error = await sqlite_api.error(query)
    assert error["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert "exceeds maximum operation depth of 12" in error["message"]


async def test_more_than_30_aliases_is_refused(sqlite_api: Api) -> None:
    query = "{" + " ".join(f"a{i}: waardelijsten {{ vorm {{ code }} }}" for i in range(31)) + "}"
    error = await sqlite_api.error(query)
    assert error["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert error["message"] == "31 aliases found. Allowed: 30"
    assert "errors" not in await sqlite_api.post(
        "{" + " ".join(f"a{i}: ik {{ anoniem }}" for i in range(30)) + "}"
    )


async def test_unexpected_errors_are_masked_and_logged(
    seeded_sqlite: Target, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError('SELECT secret FROM "onderwijsaanbieder" failed')

    monkeypatch.setattr(aanbieders, "root_page", broken)
    with caplog.at_level(logging.ERROR, logger="onderwijsgraaf.errors"):
        async with serving(seeded_sqlite, query_compiler=False) as api:
            body = await api.post("{ onderwijsaanbieders { totalCount } }")
    assert body["errors"][0]["message"] == "Internal server error"
    assert body["errors"][0]["extensions"] == {"code": "INTERNAL"}
    assert "secret" not in str(body)
    assert "SELECT secret" in caplog.text


async def test_queries_work_over_get(sqlite_api: Api) -> None:
    response = await sqlite_api.client.get(
        "/graphql", params={"query": '{ onderwijsaanbieder(code: "113A881") { naam } }'}
    )
    assert response.status_code == 200
    assert response.json()["data"] == {
        "onderwijsaanbieder": {"naam": "HZ University of Applied Sciences"}
    }
