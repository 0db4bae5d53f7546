"""Do the servers give the same answers? Before any load, each workload is posted to every server
and each answer mapped to one neutral shape (codes, values, nested lists, totals), so our API's
answer and PostGraphile's can be compared field by field. W2 compares our box (W2b) with
PostGraphile's box; our radius search (W2) is compared between our own servers. Walks (W5) are
followed to the end on both sides. Any difference stops the benchmark: a faster wrong answer
measures nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bench.procs import say
from bench.targets import query

Json = dict[str, Any]
Neutral = Callable[[Json], Json]


class Mismatch(SystemExit):
    """The servers disagree; the message lists every difference found."""


@dataclass(frozen=True)
class Side:
    """A server as the check sees it: ``kind`` is "ours", "pg" (PostGraphile) or "floor"
    (answers our shape at ``url``/<workload>)."""

    name: str
    url: str
    kind: str


def post(client: httpx.Client, url: str, text: str, variables: Json | None = None) -> Json:
    response = client.post(
        url,
        json={"query": text, "variables": variables or {}},
        headers={"Accept": "application/json"},
    )
    if response.status_code != 200:
        raise Mismatch(f"bench: {url} answered HTTP {response.status_code}: {response.text[:1000]}")
    answer: Json = response.json()
    if answer.get("errors"):
        raise Mismatch(f"bench: {url}: {json.dumps(answer['errors'])[:2000]}")
    data: Json = answer["data"]
    return data


def enum(value: object) -> object:
    """Our enums spell RIO codes with _ where RIO has - (HBO_BA = HBO-BA)."""
    return value.replace("_", "-") if isinstance(value, str) else value


def nodes(connection: Json) -> list[Json]:
    return [edge["node"] for edge in connection["edges"]]


def page(connection: Json, rows: list[Json]) -> Json:
    return {
        "total": connection["totalCount"],
        "next": connection["pageInfo"]["hasNextPage"],
        "rows": rows,
    }


def w1_ours(d: Json) -> Json:
    c = d["onderwijsaanbieders"]
    return page(
        c,
        [
            {
                "code": n["code"],
                "naam": n["naam"],
                "loc_total": n["onderwijslocaties"]["totalCount"],
                "loc": [
                    (
                        loc["code"],
                        loc["adres"]["straatnaam"],
                        loc["adres"]["huisnummer"],
                        loc["adres"]["postcode"],
                        loc["adres"]["plaatsnaam"],
                    )
                    for loc in nodes(n["onderwijslocaties"])
                ],
                "aanbod_total": n["aangebodenOpleidingen"]["totalCount"],
                "aanbod": [
                    (a["code"], a["eigenNaam"], a["sector"])
                    for a in nodes(n["aangebodenOpleidingen"])
                ],
            }
            for n in nodes(c)
        ],
    )


def w1_pg(d: Json) -> Json:
    c = d["allOnderwijsaanbieders"]
    rows = []
    for n in nodes(c):
        g = n["onderwijslocatiegebruiksByOnderwijsaanbiederCode"]
        a = n["aangebodenOpleidingsByOnderwijsaanbiederCode"]
        locaties = [x["onderwijslocatieByOnderwijslocatieCode"] for x in nodes(g)]
        rows.append(
            {
                "code": n["code"],
                "naam": n["naam"],
                "loc_total": g["totalCount"],
                "loc": [
                    (
                        loc["code"],
                        loc["straatnaam"],
                        loc["huisnummer"],
                        loc["postcode"],
                        loc["plaatsnaam"],
                    )
                    for loc in locaties
                ],
                "aanbod_total": a["totalCount"],
                "aanbod": [(x["code"], x["eigenNaam"], x["sector"]) for x in nodes(a)],
            }
        )
    return page(c, rows)


def w2_ours(d: Json) -> Json:
    c = d["onderwijslocaties"]
    return page(
        c,
        [
            {
                "code": n["code"],
                "adres": (
                    n["adres"]["straatnaam"],
                    n["adres"]["huisnummer"],
                    n["adres"]["postcode"],
                    n["adres"]["plaatsnaam"],
                ),
                "punt": (n["coordinaten"]["lat"], n["coordinaten"]["lon"])
                if n["coordinaten"]
                else None,
                "aanbieders": sorted(
                    (x["code"], x["naam"]) for x in nodes(n["onderwijsaanbieders"])
                ),
            }
            for n in nodes(c)
        ],
    )


def w2_pg(d: Json) -> Json:
    c = d["allOnderwijslocaties"]
    return page(
        c,
        [
            {
                "code": n["code"],
                "adres": (n["straatnaam"], n["huisnummer"], n["postcode"], n["plaatsnaam"]),
                "punt": (n["latitude"], n["longitude"]) if n["latitude"] is not None else None,
                "aanbieders": sorted(
                    (a["code"], a["naam"])
                    for a in (
                        x["onderwijsaanbiederByOnderwijsaanbiederCode"]
                        for x in nodes(n["onderwijslocatiegebruiksByOnderwijslocatieCode"])
                    )
                ),
            }
            for n in nodes(c)
        ],
    )


STATUS = {"OPEN": "O", "GESLOTEN": "G"}


def w3_ours(d: Json) -> Json:
    c = d["aangebodenOpleidingen"]
    rows = []
    for n in nodes(c):
        o, a = n["opleidingseenheid"], n["onderwijsaanbieder"]
        rows.append(
            {
                "code": n["code"],
                "eigenNaam": n["eigenNaam"],
                "vorm": n.get("vorm"),
                "eenheid": (o["code"], o["naamLang"], enum(o["niveau"])) if o else None,
                "aanbieder": (a["code"], a["naam"]) if a else None,
                "coh_total": n["cohorten"]["totalCount"],
                "coh": [
                    (
                        k["code"],
                        STATUS.get(k["status"], k["status"]),
                        k["instroommoment"],
                        k["eindeAanmeldperiode"],
                    )
                    for k in nodes(n["cohorten"])
                ],
            }
        )
    return page(c, rows)


def w3_pg(d: Json) -> Json:
    c = d["allAangebodenOpleidings"]
    rows = []
    for n in nodes(c):
        o = n["opleidingseenheidByOpleidingseenheidCode"]
        a = n["onderwijsaanbiederByOnderwijsaanbiederCode"]
        k = n["cohortsByAangebodenOpleidingCode"]
        rows.append(
            {
                "code": n["code"],
                "eigenNaam": n["eigenNaam"],
                "vorm": n["vorm"],
                "eenheid": (o["code"], o["naamLang"], o["niveau"]) if o else None,
                "aanbieder": (a["code"], a["naam"]) if a else None,
                "coh_total": k["totalCount"],
                "coh": [
                    (x["code"], x["status"], x["instroommoment"], x["eindeAanmeldperiode"])
                    for x in nodes(k)
                ],
            }
        )
    return page(c, rows)


def w4_ours(d: Json) -> Json:
    a = d["onderwijsaanbieder"]
    if a is None:
        return {"aanbieder": None}
    return {
        "code": a["code"],
        "naam": a["naam"],
        "bestuur": (a["onderwijsbestuur"]["code"], a["onderwijsbestuur"]["naam"]),
        "erk_total": a["erkenningen"]["totalCount"],
        "erk": sorted((e["soort"], e["code"], e["naam"]) for e in nodes(a["erkenningen"])),
    }


def w4_pg(d: Json) -> Json:
    a = d["onderwijsaanbiederByCode"]
    if a is None:
        return {"aanbieder": None}
    j = a["juridischeRelatiesByOnderwijsaanbiederCode"]
    b = a["onderwijsbestuurByOnderwijsbestuurCode"]
    erkenningen = [x["erkenningByErkenningId"] for x in nodes(j)]
    return {
        "code": a["code"],
        "naam": a["naam"],
        "bestuur": (b["code"], b["naam"]),
        "erk_total": j["totalCount"],
        "erk": sorted((e["soort"], e["code"], e["naam"]) for e in erkenningen),
    }


# workload: (our query, our shape, PostGraphile's query, its shape)
PAIRS: dict[str, tuple[str, Neutral, str, Neutral]] = {
    "W1": ("W1", w1_ours, "W1", w1_pg),
    "W2": ("W2b", w2_ours, "W2", w2_pg),
    "W3": ("W3", w3_ours, "W3", w3_pg),
    "W4": ("W4", w4_ours, "W4", w4_pg),
}


def neutral(client: httpx.Client, side: Side, workload: str) -> Json:
    ours, ours_shape, pg, pg_shape = PAIRS[workload]
    if side.kind == "pg":
        return pg_shape(post(client, side.url, query("pg", pg)))
    if side.kind == "floor":
        return ours_shape(post(client, f"{side.url}/{ours}", ""))
    return ours_shape(post(client, side.url, query("ours", ours)))


def walk(client: httpx.Client, side: Side, name: str) -> list[tuple[Any, ...]]:
    """Every row of a list, page by page along ``endCursor``, as sorted (field, value) tuples."""
    url = f"{side.url}/{name}" if side.kind == "floor" else side.url
    text = "" if side.kind == "floor" else query("pg" if side.kind == "pg" else "ours", name)
    rows: list[tuple[Any, ...]] = []
    after: str | None = None
    while True:
        (c,) = post(client, url, text, {"after": after}).values()
        rows += [tuple(sorted(n.items())) for n in nodes(c)]
        if not c["pageInfo"]["hasNextPage"]:
            return rows
        after = c["pageInfo"]["endCursor"]


def first_difference(a: object, b: object, path: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(a.keys() | b.keys()):
            found = first_difference(a.get(k), b.get(k), f"{path}.{k}")
            if found:
                return found
        return None
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} vs {b!r}"


@dataclass(frozen=True)
class Pairing:
    """A reference server and the servers that must answer as it does, on ``workloads`` (one
    request each) and ``walks`` (followed to the end)."""

    reference: Side
    peers: list[Side]
    workloads: list[str]
    walks: list[str]


FLOOR_WALKS = frozenset({"W5"})


def check(pairings: list[Pairing], radius: list[Side]) -> list[str]:
    """Compare every pairing, and our radius search (W2, which PostGraphile cannot answer) among
    the ``radius`` sides. Returns one line per comparison; raises Mismatch listing every
    difference when there is any."""
    lines: list[str] = []
    differences: list[str] = []

    def record(label: str, diff: str | None, note: str) -> None:
        lines.append(f"{label}: {'same' if diff is None else 'DIFFERENT ' + diff}{note}")
        say("check " + lines[-1])
        if diff is not None:
            differences.append(f"{label}: {diff}")

    with httpx.Client(timeout=120.0) as client:
        for pairing in pairings:
            ref_side = pairing.reference
            for w in pairing.workloads:
                ref = neutral(client, ref_side, w)
                for other in pairing.peers:
                    diff = first_difference(neutral(client, other, w), ref)
                    label = f"{PAIRS[w][0]}: {other.name} vs {ref_side.name}"
                    record(label, diff, _size(ref))
            for name in pairing.walks:
                ref_rows = walk(client, ref_side, name)
                for other in pairing.peers:
                    if other.kind == "floor" and name not in FLOOR_WALKS:
                        continue
                    diff = first_difference(walk(client, other, name), ref_rows)
                    note = f"; {len(ref_rows)} rows"
                    record(f"{name} (walk): {other.name} vs {ref_side.name}", diff, note)
        if len(radius) > 1:
            ref = w2_ours(post(client, radius[0].url, query("ours", "W2")))
            for other in radius[1:]:
                diff = first_difference(w2_ours(post(client, other.url, query("ours", "W2"))), ref)
                record(f"W2 (radius): {other.name} vs {radius[0].name}", diff, _size(ref))
    if differences:
        raise Mismatch("bench: the servers' answers differ:\n  " + "\n  ".join(differences))
    return lines


def _size(shape: Json) -> str:
    rows = shape.get("rows")
    if rows is None:
        return ""
    return f"; total={shape.get('total')} rows={len(rows)}"
