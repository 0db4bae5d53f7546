"""Input limits and the cost budget: refused before any SQL runs, with the argument and the limit
named; every answer reports its cost. On SQLite and PostgreSQL, compiled and field by field."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from onderwijsgraaf.request_size import MAX_BODY, MAX_QUERY_STRING
from schema.limits import (
    DEFAULT_BUDGET,
    MAX_DOCUMENT_CHARS,
    MAX_FIELDS,
    MAX_LIST,
    MAX_STRING,
    MAX_TOKENS,
    MAX_ZOEK_WORDS,
)
from tests.conftest import Api

VOORBEELDEN = Path(__file__).parents[2] / "onderwijsgraaf" / "voorbeelden"
# the smallest over-budget query found: 100 HO aanbieders > 100 locaties > 100 aanbod > 100 cohorten
DEEP = (
    "{ onderwijsaanbieders(first:100, filter:{sector:[HO]}) { edges { node { code "
    "onderwijslocaties(first:100) { edges { node { code aangebodenOpleidingen(first:100) { "
    "edges { node { code cohorten(first:100) { edges { node { code } } } } } } } } } } } } }"
)


async def refused(
    api: Api, query: str, variables: dict[str, object] | None = None
) -> dict[str, Any]:
    """The one error of ``query``, which must not have run any SQL."""
    api.statements.clear()
    error = await api.error(query, variables)
    assert api.statements == [], "a refused request ran SQL"
    return error


async def test_a_zoek_of_996_words_is_refused_naming_the_limit(api: Api) -> None:
    error = await refused(
        api,
        "query($z: String) { onderwijsaanbieders(filter:{zoek: $z}) { totalCount } }",
        {"z": "a " * 996},
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == (
        f"onderwijsaanbieders(filter.zoek): at most {MAX_STRING} characters, got 1,992"
    )


async def test_a_zoek_of_more_words_than_the_limit_is_refused(api: Api) -> None:
    words = " ".join(["a"] * (MAX_ZOEK_WORDS + 1))
    error = await refused(
        api, f'{{ onderwijsaanbieders(filter:{{zoek: "{words}"}}) {{ totalCount }} }}'
    )
    assert error["message"] == (
        f"onderwijsaanbieders(filter.zoek): at most {MAX_ZOEK_WORDS} words, got 11"
    )
    # at the limit it runs
    fits = " ".join(["school"] * MAX_ZOEK_WORDS)
    await api.data(f'{{ onderwijsaanbieders(filter:{{zoek: "{fits}"}}) {{ totalCount }} }}')


async def test_a_zoek_of_one_megabyte_is_refused_before_any_sql(api: Api) -> None:
    error = await refused(
        api,
        "query($z: String) { onderwijsaanbieders(filter:{zoek: $z}) { totalCount } }",
        {"z": "a" * 1_000_000},
    )
    assert "at most 200 characters, got 1,000,000" in error["message"]


async def test_a_list_filter_of_twenty_thousand_values_is_refused(api: Api) -> None:
    error = await refused(
        api,
        "query($g: [String!]) { onderwijslocaties(filter:{gemeentecode: $g}) { totalCount } }",
        {"g": [f"{i:04d}" for i in range(20_000)]},
    )
    # refused as sent, before GraphQL coerces 20,000 values
    assert error["message"] == f"variables.g: at most {MAX_LIST} values, got 20,000"
    # the same limit on a list written in the document, named by its argument
    codes = ", ".join(f'"{i:04d}"' for i in range(MAX_LIST + 1))
    error = await refused(
        api, f"{{ onderwijslocaties(filter:{{gemeentecode: [{codes}]}}) {{ totalCount }} }}"
    )
    assert error["message"] == (
        f"onderwijslocaties(filter.gemeentecode): at most {MAX_LIST} values, got 101"
    )


async def test_a_very_long_code_is_refused(api: Api) -> None:
    error = await refused(api, f'{{ onderwijsaanbieder(code: "{"1" * 10_000}") {{ naam }} }}')
    assert error["message"] == "onderwijsaanbieder(code): at most 200 characters, got 10,000"


async def test_a_long_document_is_refused(api: Api) -> None:
    padding = "#" + "x" * MAX_DOCUMENT_CHARS + "\n"
    error = await refused(api, padding + "{ meta { versie } }")
    assert error["message"] == (
        f"the document has {MAX_DOCUMENT_CHARS + 21:,} characters; at most {MAX_DOCUMENT_CHARS:,}"
    )


async def test_a_document_of_too_many_tokens_is_refused(api: Api) -> None:
    fields = " ".join(["__typename"] * MAX_TOKENS)
    error = await refused(api, f"{{ {fields} }}")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert f"more than {MAX_TOKENS} tokens" in error["message"]


@pytest.mark.parametrize(
    ("argument", "query"),
    [
        (
            "onderwijsaanbieders(filter.zoek)",
            "{ onderwijsaanbieders(filter:{zoek: $s}) { totalCount } }",
        ),
        (
            "onderwijslocaties(filter.plaats)",
            "{ onderwijslocaties(filter:{plaats: $s}) { totalCount } }",
        ),
        (
            "onderwijslocaties(filter.provincie)",
            "{ onderwijslocaties(filter:{provincie: [$s]}) { totalCount } }",
        ),
        ("node(id)", "{ node(id: $s) { id } }"),
    ],
)
async def test_a_nul_character_in_any_string_is_refused(
    api: Api, argument: str, query: str
) -> None:
    declared = query.replace("{ ", "query($s: String!) { ", 1).replace(
        "node(id: $s)", "node(id: $s)"
    )
    if argument == "node(id)":
        declared = "query($s: ID!) { node(id: $s) { id } }"
    error = await refused(api, declared, {"s": "Utrecht\u0000"})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == (
        f"{argument}: control character U+0000 at position 7; "
        "strings may not hold control characters"
    )


async def test_a_nul_character_written_in_the_document_is_refused(api: Api) -> None:
    error = await refused(api, '{ onderwijsaanbieders(filter:{zoek: "\\u0000"}) { totalCount } }')
    assert "control character U+0000" in error["message"]


async def test_a_lone_surrogate_in_the_variables_is_refused(api: Api) -> None:
    # JSON may escape a lone surrogate; UTF-8 cannot hold it, so the body is written by hand
    body = (
        b'{"query":"query($z: String) { onderwijsaanbieders(filter:{zoek: $z}) { totalCount } }",'
        b'"variables":{"z":"school \\ud800"}}'
    )
    api.statements.clear()
    response = await api.client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert api.statements == []
    assert response.json()["errors"][0]["message"] == (
        "onderwijsaanbieders(filter.zoek): not valid Unicode at position 7 (a lone surrogate)"
    )


def cursor(kind: str, key: object) -> str:
    raw = json.dumps([kind, key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


NESTED = (
    'query($a: String) { onderwijsaanbieder(code: "113A061") { '
    "onderwijslocaties(first: 2, after: $a) { edges { node { code } } } } }"
)
ROOT = "query($a: String) { onderwijsaanbieders(first: 2, after: $a) { edges { node { code } } } }"


@pytest.mark.parametrize(
    ("query", "after"),
    [
        (NESTED, cursor("onderwijsaanbieder.onderwijslocaties", [])),
        (NESTED, cursor("onderwijsaanbieder.onderwijslocaties", ["a", "b", "c"])),
        (NESTED, cursor("onderwijsaanbieder.onderwijslocaties", [1])),
        (NESTED, cursor("onderwijsaanbieder.onderwijslocaties", [10**30])),
        (
            NESTED,
            base64.urlsafe_b64encode(b'["onderwijsaanbieder.onderwijslocaties",[NaN]]').decode(),
        ),
        (NESTED, cursor("onderwijsaanbieder.onderwijslocaties", ["113A\u0000"])),
        (ROOT, cursor("onderwijsaanbieder", [])),
        (ROOT, cursor("onderwijsaanbieder", [1, 2])),
        (ROOT, cursor("onderwijsaanbieder", [10**30])),
        (ROOT, cursor("onderwijsaanbieder", [True])),
        (ROOT, base64.urlsafe_b64encode(b'["onderwijsaanbieder",[Infinity]]').decode()),
    ],
)
async def test_a_hand_built_cursor_is_refused_alike_on_both_databases(
    api: Api, query: str, after: str
) -> None:
    error = await api.error(query, {"a": after})
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith("after: ")


async def test_a_cursor_the_list_returned_still_works(api: Api) -> None:
    first = await api.data(ROOT.replace("code } } }", "code } } pageInfo { endCursor } }"))
    end = first["onderwijsaanbieders"]["pageInfo"]["endCursor"]
    after = await api.data(ROOT, {"a": end})
    assert after["onderwijsaanbieders"]["edges"]


async def test_the_deep_query_is_over_budget_before_any_sql(api: Api) -> None:
    error = await refused(api, DEEP)
    assert error["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    # per list: itself, and per row an edge, a node and what the node holds
    cost = 1 + 100 * (2 + 1 + 100 * (2 + 1 + 100 * (2 + 1 + 100 * 2)))
    assert error["extensions"]["cost"] == cost
    assert error["extensions"]["budget"] == DEFAULT_BUDGET
    assert f"this query may return {cost:,} objects; the budget is 25,000" in error["message"]


async def test_thirty_aliases_of_a_100_km_radius_search_are_over_budget(api: Api) -> None:
    one = (
        'onderwijslocaties(first:100, filter:{nabij:{postcode:"3511", straalKm:100}}) '
        "{ edges { node { code afstandKm } } }"
    )
    error = await refused(api, "{ " + " ".join(f"n{i}: {one}" for i in range(30)) + " }")
    assert error["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert error["extensions"]["cost"] == 30 * (1 + 10_000 + 2 * 100)
    # one of them fits the budget
    body = await api.post("{ " + one + " }")
    assert body["extensions"]["cost"] == {"requested": 1 + 10_000 + 200, "budget": DEFAULT_BUDGET}


async def test_every_answer_reports_its_cost(api: Api) -> None:
    query = (
        '{ onderwijsaanbieders(first: 100, filter:{gemeentecode:["0344"]}) { totalCount '
        "edges { node { code onderwijslocaties(first: 10) { edges { node { code } } } "
        "aangebodenOpleidingen(first: 10) { edges { node { code } } } } } } }"
    )
    body = await api.post(query)
    # the list, its count, 100 edges and nodes; per node two lists of 10 edges and nodes
    assert body["extensions"] == {
        "cost": {"requested": 1 + 1 + 200 + 100 * 2 * (1 + 20), "budget": DEFAULT_BUDGET}
    }


# as the README's table of costs gives them
README_COSTS = {"gemeente": 413, "kaart": 562, "opzoeken": 113, "studiekeuze": 1143}


async def test_the_readme_examples_cost_what_the_readme_says(api: Api) -> None:
    # (toezicht.graphql is a series of operations for the Inspectie, run in
    # tests/schema/test_toezicht.py)
    examples = [p.stem for p in VOORBEELDEN.glob("*.graphql") if p.stem != "toezicht"]
    assert sorted(README_COSTS) == sorted(examples)
    for name, cost in README_COSTS.items():
        body = await api.post((VOORBEELDEN / f"{name}.graphql").read_text(encoding="utf-8"))
        assert "errors" not in body
        assert body["extensions"]["cost"] == {"requested": cost, "budget": DEFAULT_BUDGET}


async def test_a_body_over_one_mebibyte_is_refused_before_it_is_read(api: Api) -> None:
    variables = {"z": "a" * MAX_BODY}
    response = await api.client.post(
        "/graphql", json={"query": "{ meta { versie } }", "variables": variables}
    )
    assert response.status_code == 413
    assert response.json() == {
        "errors": [
            {
                "message": "the request body is larger than 1,048,576 bytes",
                "extensions": {"code": "BAD_USER_INPUT"},
            }
        ]
    }
    assert response.headers["cache-control"] == "no-store"
    assert {"Accept", "Authorization"} <= {
        name.strip() for name in response.headers["vary"].split(",")
    }


async def test_a_streamed_body_over_one_mebibyte_is_refused(api: Api) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ meta { versie } }", "variables": {"z": "'
        for _ in range(20):
            yield b"a" * 100_000
        yield b'"}}'

    response = await api.client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "larger than 1,048,576 bytes" in response.json()["errors"][0]["message"]


async def test_a_query_string_over_the_limit_is_refused(api: Api) -> None:
    response = await api.client.get(
        "/graphql", params={"query": "{ meta { versie } }", "x": "a" * (MAX_QUERY_STRING + 1)}
    )
    assert response.status_code == 414
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_fragment_doubled_thirty_times_is_answered_as_one(api: Api) -> None:
    # 2^30 spreads of one field, merged by execution into one field: cheap when counted merged
    fragments = " ".join(f"fragment F{i} on Meta {{ ...F{i + 1} ...F{i + 1} }}" for i in range(30))
    query = "{ meta { ...F0 } } " + fragments + " fragment F30 on Meta { bijgewerktOp }"
    body = await api.post(query)
    assert "errors" not in body, body
    assert body["extensions"]["cost"]["requested"] == 1


async def test_a_long_list_of_wrong_values_is_refused_before_it_is_coerced(api: Api) -> None:
    error = await refused(
        api,
        "query($f: OnderwijsaanbiederFilter) { onderwijsaanbieders(filter: $f) { totalCount } }",
        {"f": {"gemeentecode": [1] * 100_000}},
    )
    assert error["message"] == "variables.f.gemeentecode: at most 100 values, got 100,000"


async def test_an_input_object_of_fifty_thousand_fields_is_refused(api: Api) -> None:
    error = await refused(
        api,
        "query($f: OnderwijsaanbiederFilter) { onderwijsaanbieders(filter: $f) { totalCount } }",
        {"f": {f"k{i}": 1 for i in range(50_000)}},
    )
    assert error["message"] == "variables.f: at most 100 fields, got 50,000"


@pytest.mark.parametrize("straal", ["1e200", "1.7976931348623157e308", "100.0000001"])
async def test_a_radius_out_of_range_is_refused_whatever_its_size(api: Api, straal: str) -> None:
    error = await api.error(
        f'{{ onderwijslocaties(first: 1, filter: {{nabij: {{postcode: "3511AB", '
        f"straalKm: {straal}}}}}) {{ totalCount }} }}"
    )
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "at most 100 km" in error["message"]


async def test_a_document_of_too_many_fields_is_refused_before_validation(api: Api) -> None:
    fields = " ".join(["bijgewerktOp"] * (MAX_FIELDS + 1))
    error = await refused(api, f"{{ meta {{ {fields} }} }}")
    assert error["message"] == (
        f"the document selects {MAX_FIELDS + 2:,} fields; at most {MAX_FIELDS:,}. "
        "Ask for fewer fields or aliases"
    )


async def test_two_operations_without_an_operation_name_are_refused(api: Api) -> None:
    error = await refused(api, "query A { meta { versie } } query B { meta { bijgewerktOp } }")
    assert error["message"] == (
        "the document has 2 operations; give operationName to say which one to run"
    )
