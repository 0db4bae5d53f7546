"""Every HO aanbieder is complete: an instellingserkenning (BRIN4), a locatie with a point and a
public communicatiecontext ALGEMEEN, on SQLite and PostgreSQL. What is expected comes straight
from the source files (csv, not the seed's code): the HO file, DUO's decode tables, the HO
vestigingsnummer table, DUO's PC4 → gemeente table and GeoNames' PC4 points."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from functools import cache
from statistics import median
from typing import Any

import pytest
from sqlalchemy import select

from onderwijsgraaf.db.models import (
    Code,
    Communicatiecontext,
    Erkenning,
    JuridischeRelatie,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
)
from seed.errors import SeedError
from seed.ho_brin4 import HoAanbieder, brin4_van_aanbieders
from seed.ho_instellingen import website
from tests.conftest import DATA_DIR, Api, Target, valid_on
from tests.vincenty import vincenty_km

HO_DAG = dt.date(2026, 8, 4)  # the peildatum of the HO file
DAG = dt.date(2026, 10, 1)  # in the academic year of the HO file: every aanbieder offers then
HO_BRON = "duo-ho-opleidingsoverzicht"
VESTIGINGEN_BRON = "duo-ho-vestigingen-2025"
# well-known institutions: the aanbieder's name in the HO file → its BRIN4, as looked up by
# hand in DUO's BRIN4 decode table, with the name the table gives it
BEKEND = {
    "Technische Universiteit Delft": ("21PF", "Technische Universiteit Delft"),
    "Erasmus Universiteit Rotterdam": ("21PE", "Erasmus Universiteit Rotterdam"),
    "Universiteit van Amsterdam": ("21PK", "Universiteit van Amsterdam"),
    "Fontys Hogeschool": ("30GB", "Fontys Hogeschool"),
    "HAN_ University of Applied Sciences": ("25KB", "Hogesch van Arnhem en Nijmegen"),
    "Wageningen University": ("21PI", "WU"),
    "Conservatorium van Amsterdam": ("21QA", "Amsterdamse Hogesch vd Kunsten"),
}


# -- the source files ---------------------------------------------------------------------
def _csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _dag(value: str) -> dt.date | None:
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])) if value else None


@cache
def ho() -> list[dict[str, str]]:
    return _csv("duo/ho_opleidingsoverzicht_rio_2026.csv")


@cache
def aanbieders() -> dict[str, str]:
    """aanbiedercode → name, as the HO file gives them."""
    return {
        r["ONDERWIJSAANBIEDERID"]: r["ONDERWIJSAANBIEDER_NAAM"]
        for r in ho()
        if r["ONDERWIJSAANBIEDERID"]
    }


def code_van(naam: str) -> str:
    return next(code for code, found in aanbieders().items() if found == naam)


@cache
def zonder_locatie() -> set[str]:
    """The aanbieders the HO file gives no locatie."""
    met = {r["ONDERWIJSAANBIEDERID"] for r in ho() if r["ONDERWIJSLOCATIECODE"]}
    return set(aanbieders()) - met


@cache
def brin4_tabel() -> dict[str, dict[str, str]]:
    return {r["instellingscode"]: r for r in _csv("duo/dec_instellingscode_brin4.csv")}


@cache
def brin6_tabel() -> dict[str, dict[str, str]]:
    rows = _csv("duo/dec_instellingscode_vestiging_brin6.csv")
    return {r["instellingscode"] + r["vestigingsnummer"]: r for r in rows}


@cache
def vestigingen() -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _csv("duo/dec_vestnr_ho_gemeente_2025.csv"):
        found[row["instellingscode"]].append(row)
    return found


@cache
def pc4_gemeente() -> dict[str, str]:
    return {
        r["postcodecijfers"]: r["gemeentecode_20240101"]
        for r in _csv("postcode/duo_pc4_gemeente_2024.csv")
        if r["postcodecijfers"] and not r["gemeentecode_20240101"].startswith("99")
    }


@cache
def geonames() -> tuple[dict[str, tuple[float, float]], dict[str, set[str]]]:
    """PC4 → its point (the first row of the PC4) and PC4 → its place names (every row)."""
    punten: dict[str, tuple[float, float]] = {}
    plaatsen: dict[str, set[str]] = defaultdict(set)
    for row in _csv("postcode/geonames_nl_pc4_2024.csv"):
        punten.setdefault(row["postal_code"], (float(row["latitude"]), float(row["longitude"])))
        plaatsen[row["postal_code"]].add(row["place_name"].casefold())
    return punten, plaatsen


def verwacht_punt(gemeente: str, naam: str) -> tuple[float, float]:
    """The median latitude and longitude of the gemeente's PC4 areas named after it, else of
    all of them."""
    punten, plaatsen = geonames()
    pc4s = [p for p, g in pc4_gemeente().items() if g == gemeente and p in punten]
    genoemd = [p for p in pc4s if naam.casefold() in plaatsen[p]] or pc4s
    return median(punten[p][0] for p in genoemd), median(punten[p][1] for p in genoemd)


def verwachte_vestigingen(brin4: str) -> Counter[tuple[str, str | None]]:
    """(gemeente, BRIN6 or None) of each vestiging of ``brin4`` an aanbieder without a locatie
    uses: not one outside the PC4 table's gemeenten, nor one whose BRIN6 lies in the same gemeente
    and is closed on the HO file's peildatum; the BRIN6 where it lies in that gemeente."""
    found: Counter[tuple[str, str | None]] = Counter()
    for row in vestigingen()[brin4]:
        gemeente = row["gemeentecode_20250101"]
        if gemeente not in set(pc4_gemeente().values()):
            continue
        brin6 = brin6_tabel().get(brin4 + row["vestigingsnummer"])
        if brin6 is None or pc4_gemeente().get(brin6["postcodecijfers"]) != gemeente:
            found[(gemeente, None)] += 1
            continue
        dates = [d for d in (_dag(brin6["datum_oprichting"]), _dag(brin6["datum_opheffing"])) if d]
        closed = max(dates) if brin6["datum_opheffing"] and dates else None
        if closed is None or closed > HO_DAG:
            found[(gemeente, brin4 + row["vestigingsnummer"])] += 1
    return found


def site(value: str) -> str | None:
    """Scheme and host of a WEBSITE value (https where it names none); None if it has none."""
    match = re.match(
        r"^(?:(https?)://)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?:[/?#:]|$)", value.strip()
    )
    if not match:
        return None
    return f"{match.group(1) or 'https'}://{match.group(2).lower()}"


@cache
def verwachte_websites() -> dict[str, str]:
    """aanbieder → the scheme and host most of its aanbod names (ties: the first in order)."""
    per: dict[str, Counter[str]] = defaultdict(Counter)
    gezien: set[str] = set()
    for row in ho():
        code = row["AANGEBODEN_OPLEIDINGCODE"]
        if not code or code in gezien:
            continue
        gezien.add(code)
        found = site(row["WEBSITE"])
        if found:
            per[row["ONDERWIJSAANBIEDERID"]][found] += 1
    return {
        a: sorted(c.items(), key=lambda item: (-item[1], item[0]))[0][0] for a, c in per.items()
    }


# -- the database -------------------------------------------------------------------------
async def tabellen(seeded: Target) -> dict[str, list[Any]]:
    engine = seeded.engine()
    async with engine.connect() as conn:
        found = {
            model.__tablename__: list(await conn.execute(select(model.__table__)))
            for model in (
                Onderwijslocatie,
                Onderwijslocatiegebruik,
                JuridischeRelatie,
                Erkenning,
                Communicatiecontext,
                Code,
            )
        }
    await engine.dispose()
    return found


# -- the BRIN4 of each aanbieder ----------------------------------------------------------
async def test_every_ho_aanbieder_rests_on_an_open_brin4(seeded: Target) -> None:
    rows = await tabellen(seeded)
    erkenningen = {r.id: r for r in rows["erkenning"]}
    relaties: dict[str, list[Any]] = defaultdict(list)
    for relatie in rows["juridische_relatie"]:
        if relatie.onderwijsaanbieder_code in aanbieders():
            relaties[relatie.onderwijsaanbieder_code].append(relatie)
    assert set(relaties) == set(aanbieders())
    for code, found in relaties.items():
        assert len(found) == 1, code
        erkenning = erkenningen[found[0].erkenning_id]
        assert erkenning.soort == "ERKENDE_ONDERWIJSINSTELLING"
        assert erkenning.code in vestigingen(), "an HO instelling"
        assert brin4_tabel()[erkenning.code]["datum_opheffing"] == ""
        assert valid_on(found[0], DAG)
        assert (found[0].bron, found[0].afgeleid) == (HO_BRON, "*")
    brin4 = {a: erkenningen[r[0].erkenning_id].code for a, r in relaties.items()}
    for naam, (code, naam_in_tabel) in BEKEND.items():
        assert brin4_tabel()[code]["naam"] == naam_in_tabel
        assert brin4[code_van(naam)] == code, naam
    # the crosswalk reads the relaties: the BRIN4 leads to the aanbieder, marked derived
    codes = {
        (r.code, r.onderwijsaanbieder_code): r
        for r in rows["code"]
        if r.soort == "ERKENDE_ONDERWIJSINSTELLING" and r.onderwijsaanbieder_code in aanbieders()
    }
    assert set(codes) == {(b, a) for a, b in brin4.items()}
    assert {r.afgeleid for r in codes.values()} == {"*"}


def test_an_aanbieder_no_rule_places_stops_the_seed() -> None:
    instellingen = {
        "21PF": "Technische Universiteit Delft",
        "21PE": "Erasmus Universiteit Rotterdam",
    }
    aanbieder = HoAanbieder("Hogeschool Nergenshuizen", "999B999", "Stichting Nergens", "line 7")
    with pytest.raises(SeedError) as raised:
        brin4_van_aanbieders({"999A999": aanbieder}, instellingen, "ho.csv")
    assert raised.value.where == "line 7"
    assert raised.value.field == "ONDERWIJSAANBIEDER_NAAM"
    assert "999A999 (Hogeschool Nergenshuizen)" in str(raised.value)
    # the same aanbieder is placed by its name, by its bestuur's, or by its bestuur's other aanbieders
    tud = HoAanbieder("Techn. Universiteit Delft", "999B999", "Stichting Nergens", "line 7")
    bestuur = HoAanbieder("Faculteit X", "999B998", "Stg. Erasmus Univ Rotterdam", "line 8")
    zuster = HoAanbieder("Hogeschool Nergenshuizen", "999B999", "Stichting Nergens", "line 9")
    found = brin4_van_aanbieders(
        {"999A997": tud, "999A998": bestuur, "999A999": zuster}, instellingen, "ho.csv"
    )
    assert found == {"999A997": "21PF", "999A998": "21PE", "999A999": "21PF"}


def test_a_name_that_fits_two_instellingen_stops_the_seed() -> None:
    instellingen = {"00AA": "Hs Nergens", "00AB": "Hogeschool Nergens"}
    aanbieder = HoAanbieder("Hogeschool Nergens", "999B999", "Stichting X", "line 3")
    with pytest.raises(SeedError, match=r"999A999 .* fits several BRIN4s: 00AA, 00AB"):
        brin4_van_aanbieders({"999A999": aanbieder}, instellingen, "ho.csv")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.tudelft.nl/onderwijs?x=1", "https://www.tudelft.nl"),
        (" http://WWW.UvA.nl", "http://www.uva.nl"),
        ("www.codarts.nl", "https://www.codarts.nl"),
        ("https://", None),
        ("htp://www.uva.nl", None),
        ("http:/www.wur.eu/mcl", None),
        ("", None),
    ],
)
def test_website_is_scheme_and_host(value: str, expected: str | None) -> None:
    assert website(value) == expected == site(value)


# -- locaties -----------------------------------------------------------------------------
async def test_every_ho_aanbieder_uses_a_locatie_with_a_point(seeded: Target) -> None:
    rows = await tabellen(seeded)
    locaties = {r.code: r for r in rows["onderwijslocatie"]}
    met_punt = {
        g.onderwijsaanbieder_code
        for g in rows["onderwijslocatiegebruik"]
        if valid_on(g, DAG)
        and locaties[g.onderwijslocatie_code].latitude is not None
        and locaties[g.onderwijslocatie_code].longitude is not None
    }
    assert set(aanbieders()) <= met_punt
    assert {
        code_van("Technische Universiteit Delft"),
        code_van("Erasmus Universiteit Rotterdam"),
    } <= zonder_locatie()


async def test_aanbieders_without_a_locatie_use_the_vestigingen_of_their_brin4(
    seeded: Target,
) -> None:
    rows = await tabellen(seeded)
    erkenningen = {r.id: r for r in rows["erkenning"]}
    locaties = {r.code: r for r in rows["onderwijslocatie"]}
    brin4 = {
        r.onderwijsaanbieder_code: erkenningen[r.erkenning_id].code
        for r in rows["juridische_relatie"]
        if r.onderwijsaanbieder_code in aanbieders()
    }
    namen = {
        r["gemeentecode_20250101"]: r["gemeentenaam_20250101"]
        for v in vestigingen().values()
        for r in v
    }
    assert len(zonder_locatie()) >= 7
    for aanbieder in sorted(zonder_locatie()):
        gebruik = [
            g for g in rows["onderwijslocatiegebruik"] if g.onderwijsaanbieder_code == aanbieder
        ]
        found: Counter[tuple[str, str | None]] = Counter()
        for g in gebruik:
            locatie = locaties[g.onderwijslocatie_code]
            brin6 = erkenningen[g.vestigingserkenning_id].code if g.vestigingserkenning_id else None
            found[(locatie.gemeente_code, brin6)] += 1
            assert (g.bron, g.afgeleid) == (VESTIGINGEN_BRON, "*")
            assert locatie.bron == VESTIGINGEN_BRON
            assert {"code", "latitude", "longitude", "provincie_code"} <= set(
                locatie.afgeleid.split(",")
            )
            assert locatie.code.startswith("9")
            lat, lon = verwacht_punt(locatie.gemeente_code, namen[locatie.gemeente_code])
            assert (locatie.latitude, locatie.longitude) == (
                pytest.approx(lat, abs=1e-5),
                pytest.approx(lon, abs=1e-5),
            )
        assert found == verwachte_vestigingen(brin4[aanbieder]), aanbieder
        hoofd = vestigingen()[brin4[aanbieder]][0]["gemeentecode_20250101"]
        assert hoofd in {gemeente for gemeente, _ in found}
    # TU Delft's first vestiging is Delft, confirmed by BRIN6 21PF00
    delft = Counter(
        (locaties[g.onderwijslocatie_code].plaatsnaam, g.vestigingserkenning_id is not None)
        for g in rows["onderwijslocatiegebruik"]
        if g.onderwijsaanbieder_code == code_van("Technische Universiteit Delft")
    )
    assert delft[("Delft", True)] == 1


# -- communicatiecontext ------------------------------------------------------------------
async def test_every_ho_aanbieder_has_a_public_algemeen_context(seeded: Target) -> None:
    rows = await tabellen(seeded)
    locaties = {r.code: r for r in rows["onderwijslocatie"]}
    contexten: dict[str, list[Any]] = defaultdict(list)
    for context in rows["communicatiecontext"]:
        if context.onderwijsaanbieder_code in aanbieders() and context.soort == "ALGEMEEN":
            contexten[context.onderwijsaanbieder_code].append(context)
    assert set(contexten) == set(aanbieders())
    sites = verwachte_websites()
    assert len(sites) >= 30
    assert sites[code_van("Universiteit van Amsterdam")] == "http://www.uva.nl"
    for code, found in contexten.items():
        assert len(found) == 1, code
        context = found[0]
        assert context.openbaar is True
        assert context.website == sites.get(code), code
        afgeleid = set(context.afgeleid.split(","))
        assert ("website" in afgeleid) is (context.website is not None)
        assert context.bron == HO_BRON
        assert context.plaatsnaam, code
        assert "plaatsnaam" in afgeleid
        # the address is that of one of the aanbieder's locaties, in its gemeente
        eigen = {
            g.onderwijslocatie_code
            for g in rows["onderwijslocatiegebruik"]
            if g.onderwijsaanbieder_code == code
        }
        assert any(
            (locaties[c].plaatsnaam, locaties[c].straatnaam, locaties[c].gemeente_code)
            == (context.plaatsnaam, context.straatnaam, context.gemeente_code)
            for c in eigen
        ), code


# -- through the API ----------------------------------------------------------------------
HO_AANBIEDERS = """
query($after: String) {
  onderwijsaanbieders(filter: {sector: [HO]}, first: 100, after: $after, peildatum: "2026-10-01") {
    pageInfo { hasNextPage endCursor }
    edges { node {
      code
      erkenningen(first: 5) { edges { node { __typename code herkomst { bron afgeleid } } } }
      communicatiecontexten(first: 10) { edges { node { soort openbaar website adres { plaatsnaam } herkomst { afgeleid } } } }
      onderwijslocaties(first: 20) { edges { node { coordinaten { lat lon } } } }
    } }
  }
}
"""


async def test_the_api_shows_erkenning_locatie_and_context_of_every_ho_aanbieder(api: Api) -> None:
    data, statements = await api.counted(HO_AANBIEDERS)
    page = data["onderwijsaanbieders"]
    assert statements == 1  # compiled: one statement, whatever the page holds
    assert not page["pageInfo"]["hasNextPage"]
    nodes = {edge["node"]["code"]: edge["node"] for edge in page["edges"]}
    assert set(nodes) == set(aanbieders())
    for code, node in nodes.items():
        erkenningen = [e["node"] for e in node["erkenningen"]["edges"]]
        assert [e["__typename"] for e in erkenningen] == ["Onderwijsinstellingserkenning"], code
        contexten = [c["node"] for c in node["communicatiecontexten"]["edges"]]
        algemeen = [c for c in contexten if c["soort"] == "ALGEMEEN"]
        assert len(algemeen) == 1, code
        assert algemeen[0]["openbaar"]
        assert algemeen[0]["website"] == verwachte_websites().get(code)
        assert algemeen[0]["adres"]["plaatsnaam"]
        assert any(e["node"]["coordinaten"] for e in node["onderwijslocaties"]["edges"]), code
    tud = nodes[code_van("Technische Universiteit Delft")]
    assert tud["erkenningen"]["edges"][0]["node"]["code"] == "21PF"


NABIJ = """
query($postcode: String!) {
  onderwijsaanbieders(filter: {nabij: {postcode: $postcode, straalKm: 5}, sector: [HO]},
                      first: 100, peildatum: "2026-10-01") {
    edges { node { code afstandKm } }
  }
  codes(code: "%s", peildatum: "2026-10-01") { edges { node { soort onderwijsaanbieder { code } } } }
}
"""


# the city centre's PC4 (the BRIN6 table's 3062 for Erasmus lies in the sea in GeoNames)
@pytest.mark.parametrize(
    ("naam", "postcode", "stad"),
    [
        ("Technische Universiteit Delft", "2611", "Delft"),
        ("Erasmus Universiteit Rotterdam", "3011", "Rotterdam"),
    ],
)
async def test_a_university_without_a_locatie_in_the_ho_file_is_found_around_its_city(
    api: Api, naam: str, postcode: str, stad: str
) -> None:
    brin4, _ = BEKEND[naam]
    assert code_van(naam) in zonder_locatie()
    assert stad.casefold() in geonames()[1][postcode]
    data = await api.data(NABIJ % brin4, {"postcode": postcode})
    found = {
        e["node"]["code"]: e["node"]["afstandKm"] for e in data["onderwijsaanbieders"]["edges"]
    }
    code = code_van(naam)
    assert code in found
    # its nearest locatie: the one of its first vestiging, in its own city
    hoofd = vestigingen()[brin4][0]
    lat, lon = verwacht_punt(hoofd["gemeentecode_20250101"], hoofd["gemeentenaam_20250101"])
    centrum = geonames()[0][postcode]
    assert found[code] == pytest.approx(vincenty_km(*centrum, lat, lon), abs=1e-3)
    assert found[code] < 5
    assert {
        e["node"]["onderwijsaanbieder"]["code"]
        for e in data["codes"]["edges"]
        if e["node"]["soort"] == "ERKENDE_ONDERWIJSINSTELLING"
    } == {code}
