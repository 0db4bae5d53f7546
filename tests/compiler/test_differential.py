"""Both ways of answering give the same bytes: every query here is answered by the compiled
statement and field by field (``Api.post`` compares them), on SQLite and on PostgreSQL, and the
compiler must cover the ones that it is meant to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onderwijsgraaf.graphiql import VOORBEELDEN
from tests.conftest import Api

WORKLOADS = Path(__file__).resolve().parents[2] / "bench" / "workloads" / "ours"

COVERED = {
    "aliases and fragments": """
        query { a: onderwijsaanbieders(first: 3, orderBy: CODE) { ...page }
                b: onderwijsaanbieders(first: 2, filter: {sector: [HO]}) { ...page totalCount } }
        fragment page on OnderwijsaanbiederConnection {
          __typename pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
          edges { __typename cursor node { __typename id code n: naam ...on Onderwijsaanbieder { naam } } }
        }""",
    "interfaces in any order": """
        { aangebodenOpleidingen(first: 25, orderBy: CODE, filter: {sector: [HO, MBO, PO, VO]}) {
            edges { node {
              ... on AangebodenHoOpleiding { vorm voertalen eigenNaamEngels }
              __typename code
              ... on AangebodenMboOpleiding { leertraject }
              ... on AangebodenBoOpleiding { onderwijsconcept }
              opleidingseenheid { __typename code ... on HoOpleiding { graad studielast variantVan
                eigenaar { code } opleidingserkenning { code soort opleidingsstelsel } } }
            } } } }""",
    "a type-specific field first": """
        { aangebodenOpleidingen(first: 10, filter: {sector: [HO, MBO]}) { edges { node {
            ... on AangebodenMboOpleiding { leertraject } code } } } }""",
    "erkenningen of every kind": """
        { onderwijsbesturen(first: 20, orderBy: CODE) { edges { node { code kvkNummer rsin
            bevoegdGezagNummer herkomst { bron afgeleid } erkenningen(first: 5) { totalCount
              edges { cursor node { __typename soort code naam erkenner begindatum einddatum
                ... on Vestigingserkenning { hoofdNevenVestiging denominatie
                  onderwijsinstellingserkenning { code denominatie postcodecijfers plaatsnaam } }
                ... on Onderwijsinstellingserkenning { denominatie } } } }
            onderwijsaanbieders(first: 2) { totalCount edges { node { code } } }
            communicatiecontexten { totalCount } } } } }""",
    "locaties with everything": """
        { onderwijslocaties(first: 30, filter: {gemeentecode: ["0363"]}, orderBy: POSTCODE) {
            totalCount pageInfo { endCursor } geojson { type features { type id
              geometry { type coordinates } properties { code adres { postcode } } } }
            edges { node { id code bagId afstandKm coordinaten { lat lon } geometrie { type coordinates }
              adres { straatnaam huisnummer huisnummertoevoeging postcode plaatsnaam
                gemeente { code naam provincie { code naam } } provincie { naam } }
              onderwijsaanbieders(first: 2) { edges { node { naam denominatie sectoren } } }
              aangebodenOpleidingen(first: 3) { totalCount geojson { features { id geometry { coordinates } } } } } } } }""",
    "contexten, groepen, cohorten": """
        { onderwijsaanbieders(first: 40, filter: {sector: [HO, MBO]}) { edges { node {
            onderwijsaanbiedersgroep { code naam onderwijsbestuur { naam } }
            communicatiecontexten { edges { node { soort openbaar contactnaam email telefoon website
              adres { straatnaam huisnummer postcode plaatsnaam } } } }
            aangebodenOpleidingen(first: 2) { edges { node { cohorten(first: 2) { totalCount
              pageInfo { hasNextPage endCursor } edges { node { code status beginAanmeldperiode
                eindeAanmeldperiode instroommoment toestemmingVereist } } } } } } } } } }""",
    "lookups on a past peildatum": """
        { onderwijsaanbieder(code: "113A881", peildatum: "2020-10-01") { code naam sectoren }
          onderwijsbestuur(code: "100B349") { naam onderwijsaanbieders { totalCount } }
          onderwijslocatie(code: "999X999") { code }
          opleidingseenheid(code: "1001O2660") { code naamLang ... on HoOpleiding { erkendeOpleidingscode } }
          __typename }""",
    "filters of every kind": """
        { a: aangebodenOpleidingen(first: 5, filter: {niveau: [HBO_BA, WO_MA], vorm: [DEELTIJD],
              voertaal: [ENG], instroomVanaf: "2026-01-01", provincie: ["Zuid-Holland"], zoek: "management"}) {
            totalCount edges { node { code eigenNaam } } }
          b: onderwijsaanbieders(first: 5, filter: {denominatie: [RK, PC], onderwijsconcept: [MONTESSORI],
              provincie: ["PV26"]}) { totalCount edges { node { naam denominatie } } }
          c: onderwijslocaties(first: 5, filter: {postcode: "3511", plaats: "utrecht", sector: [PO]}) {
            totalCount edges { node { code } } }
          d: opleidingseenheden(first: 5, filter: {erkendeOpleidingscode: ["34116", "50645"]}) {
            totalCount edges { node { code naamLang niveau sector aangebodenOpleidingen(first: 1) { totalCount } } } }
          e: onderwijsbesturen(first: 5, filter: {zoek: "stichting"}) { totalCount edges { node { naam } } }
          f: aangebodenOpleidingen(first: 3, filter: {onderwijsbestuurCode: "100B349"}) { totalCount }
          g: onderwijslocaties(first: 3, filter: {bbox: {minLon: 5.1, minLat: 52.0, maxLon: 5.2, maxLat: 52.1}}) {
            totalCount edges { node { code } } } }""",
    "radius searches in every order": """
        { a: onderwijslocaties(first: 7, filter: {nabij: {postcode: "1012", straalKm: 2}}) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code afstandKm } } }
          b: onderwijsaanbieders(first: 5, orderBy: NAAM, filter: {nabij: {punt: {lat: 52.37, lon: 4.9}, straalKm: 1.5}}) {
            totalCount edges { cursor node { naam afstandKm } } }
          c: aangebodenOpleidingen(first: 4, filter: {nabij: {postcode: "9711AB", straalKm: 3}, sector: [PO]}) {
            geojson { features { id geometry { coordinates } properties { afstandKm } } } }
          d: onderwijslocaties(first: 3, filter: {nabij: {postcode: "3511AB", straalKm: 2.5},
              sector: [PO, VO], gemeentecode: ["0344", "0307"]}) {
            totalCount pageInfo { hasNextPage } edges { node { code afstandKm } } } }""",
    # ids of the older form (no date: today) and ids that carry their peildatum
    "nodes": """
        { node(id: "T25kZXJ3aWpzYWFuYmllZGVyOjExM0E4ODE=") { id ... on Onderwijsaanbieder { naam } }
          nodes(ids: ["T25kZXJ3aWpzYmVzdHV1cjoxMDBCMzQ5", "T25kZXJ3aWpzbG9jYXRpZTo5OTlYOTk5"]) {
            __typename id ... on Onderwijsbestuur { naam } } }""",
    "nodes on the dates their ids carry": """
        { a: node(id: "T25kZXJ3aWpzYWFuYmllZGVyOjExMUE4NzBAMjAxMi0wMS0wMQ==") {
            id ... on Onderwijsaanbieder { naam aangebodenOpleidingen(first: 2) { totalCount
              edges { node { id code } } } } }
          nodes(ids: ["T25kZXJ3aWpzYWFuYmllZGVyOjExMUE4NzBAMjAyNS0xMC0wMQ==",
                      "T25kZXJ3aWpzYmVzdHV1cjoxMDBCMzQ5QDIwMjAtMTAtMDE="]) {
            __typename id ... on Onderwijsaanbieder { aangebodenOpleidingen { totalCount } }
            ... on Onderwijsbestuur { onderwijsaanbieders(first: 1) { edges { node { id } } } } } }""",
    "directives": """
        query($yes: Boolean!, $no: Boolean!) { onderwijsaanbieders(first: 2) { edges { node {
          code naam @include(if: $yes) sectoren @skip(if: $yes) erkenningen @include(if: $no) { totalCount } } } } }""",
}
VARIABLES: dict[str, dict[str, Any]] = {"directives": {"yes": True, "no": False}}
NOT_COVERED = {
    "meta": "{ meta { versie licentie } }",
    "bad id": '{ node(id: "not an id") { id } }',
    # Onderwijsaanbieder:111A870@2012-13-01
    "bad date in an id": '{ node(id: "T25kZXJ3aWpzYWFuYmllZGVyOjExMUE4NzBAMjAxMi0xMy0wMQ==") { id } }',
    "bad code": '{ onderwijsaanbieder(code: "31EW01") { naam } }',
    "too many": "{ onderwijsaanbieders(first: 101) { totalCount } }",
    "foreign cursor": '{ onderwijsaanbieders(after: "WyJ4IixbMV1d") { totalCount } }',
    "unknown field": "{ onderwijsaanbieders { nope } }",
}


def compiled(api: Api, query: str, variables: dict[str, Any] | None = None) -> bool:
    return api.plan(query, variables) is not None


@pytest.mark.parametrize("name", list(COVERED))
async def test_covered_queries_are_compiled_and_answer_as_resolved(api: Api, name: str) -> None:
    variables = VARIABLES.get(name)
    assert compiled(api, COVERED[name], variables)
    body = await api.post(COVERED[name], variables)
    assert "errors" not in body


@pytest.mark.parametrize("name", list(NOT_COVERED))
async def test_the_rest_is_resolved(api: Api, name: str) -> None:
    assert not compiled(api, NOT_COVERED[name])
    await api.post(NOT_COVERED[name])


def documents(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.graphql"))}


# (toezicht.graphql reads and writes user data, which resolvers answer: tests/schema/test_toezicht.py)
EXAMPLES = {name: text for name, text in documents(VOORBEELDEN).items() if name != "toezicht"}
BENCHMARK = documents(WORKLOADS)


@pytest.mark.parametrize("name", list(EXAMPLES))
async def test_the_readme_examples(api: Api, name: str) -> None:
    assert compiled(api, EXAMPLES[name])
    assert "errors" not in await api.post(EXAMPLES[name])


@pytest.mark.parametrize("name", list(BENCHMARK))
async def test_the_benchmark_workloads(api: Api, name: str) -> None:
    query = BENCHMARK[name]
    assert compiled(api, query)
    body = await api.post(query)
    assert "errors" not in body
    if "$after" in query:  # walk to the third page
        for _ in range(2):
            page = next(iter(body["data"].values()))
            body = await api.post(query, {"after": page["pageInfo"]["endCursor"]})
            assert "errors" not in body


async def test_nested_cursors_page_every_parent(api: Api) -> None:
    query = """query($after: String) { onderwijsaanbieders(first: 5, filter: {sector: [HO]}) {
        edges { node { aangebodenOpleidingen(first: 2, after: $after) {
          pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { code } } } } } } }"""
    first = await api.post(query)
    cursor = first["data"]["onderwijsaanbieders"]["edges"][0]["node"]["aangebodenOpleidingen"][
        "pageInfo"
    ]["endCursor"]
    assert compiled(api, query, {"after": cursor})
    second = await api.post(query, {"after": cursor})
    assert second["data"]["onderwijsaanbieders"]["edges"][0]["node"]["aangebodenOpleidingen"][
        "pageInfo"
    ]["hasPreviousPage"]
