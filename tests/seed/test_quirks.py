"""Source quirks that would hide real objects: each kind found here straight from the source
files (csv/json, not the seed's code), read as the README's "Eigenaardigheden van de bron" says,
and checked in the built content and through the API on SQLite and PostgreSQL.

1. a decode-table row whose datum_opheffing lies before its datum_oprichting: the two are
   swapped; and a BRIN6 of the school file that the decode table closed before that file's
   peildatum: in use again;
2. an HO aangeboden opleiding outside the period of its opleidingseenheid: the eenheid covers it;
3. two schools at one address that name different streets: the street DUO's 2020 files give;
4. a vestiging that runs on after its BRIN4 closed: it ends with its BRIN4.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from functools import cache
from typing import Any

from seed.dataset import Rij
from tests import scholenbestand
from tests.conftest import DATA_DIR, Api, built
from tests.scholenbestand import nieuwste_naam, scholen

SCHOOLDAG = dt.date(2024, 11, 22)  # the peildatum of the school file
Periode = tuple[dt.date | None, dt.date | None]


# -- the source files ---------------------------------------------------------------------
def _csv(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    with (DATA_DIR / "duo" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _dag(value: str) -> dt.date | None:
    """A date of the decode tables (YYYYMMDD) or of the HO file (YYYY-MM-DD)."""
    value = value.strip().replace("-", "")
    return dt.date(int(value[:4]), int(value[4:6]), int(value[6:])) if value else None


@cache
def brin4() -> dict[str, dict[str, str]]:
    return {row["instellingscode"]: row for row in _csv("dec_instellingscode_brin4.csv")}


@cache
def brin6() -> dict[str, dict[str, str]]:
    rows = _csv("dec_instellingscode_vestiging_brin6.csv")
    return {row["instellingscode"] + row["vestigingsnummer"]: row for row in rows}


@cache
def ho_aanbod() -> dict[str, dict[str, str]]:
    """aangeboden opleidingcode → its first row in the HO file (the seed's rule)."""
    found: dict[str, dict[str, str]] = {}
    for row in _csv("ho_opleidingsoverzicht_rio_2026.csv"):
        if row["AANGEBODEN_OPLEIDINGCODE"]:
            found.setdefault(row["AANGEBODEN_OPLEIDINGCODE"], row)
    return found


def omgekeerd(row: dict[str, str]) -> bool:
    """The decode-table row's datum_opheffing lies before its datum_oprichting."""
    begin, end = _dag(row["datum_oprichting"]), _dag(row["datum_opheffing"])
    return begin is not None and end is not None and end < begin


def in_tabel(code: str) -> Periode:
    """The period of a BRIN4 or BRIN6 in its decode table, swapped dates read swapped."""
    row = brin4()[code] if len(code) == 4 else brin6()[code]
    begin, end = _dag(row["datum_oprichting"]), _dag(row["datum_opheffing"])
    return (end, begin) if omgekeerd(row) else (begin, end)


def sluit_na(code: str) -> bool:
    """The BRIN6 runs on (in its decode table) after its BRIN4 closed, having started before."""
    begin, end = in_tabel(code)
    sluit = in_tabel(code[:4])[1] if code[:4] in brin4() else None
    return bool(sluit and (end is None or end > sluit) and (begin is None or begin < sluit))


def heruitgegeven(code: str) -> bool:
    """A BRIN6 a current file lists (the school file, the 2026 PO file, the 2025 count) whose
    decode-table period ended by the school file's peildatum."""
    end = in_tabel(code)[1]
    return scholenbestand.actueel(code) and end is not None and end <= SCHOOLDAG


def verdwenen(code: str) -> bool:
    """A BRIN6 a per-vestiging file lists, but no current one, that stays open (as read)."""
    return (
        code in scholenbestand.gezien()
        and not scholenbestand.actueel(code)
        and not sluit_na(code)
        and in_tabel(code)[1] is None
    )


def gelezen(code: str) -> Periode:
    """The period of a BRIN4 or BRIN6 as the README reads the decode tables."""
    begin, end = in_tabel(code)
    if len(code) == 6 and sluit_na(code):
        end = in_tabel(code[:4])[1]
    if len(code) == 6 and heruitgegeven(code):
        end = None
    if len(code) == 6 and verdwenen(code):
        end = scholenbestand.einde_na_laatst_gezien(code)
    return begin, end


def valid_on(periode: Periode, day: dt.date) -> bool:
    begin, end = periode
    return (begin is None or begin <= day) and (end is None or end > day)


# -- the built content ---------------------------------------------------------------------
def rows(table: str) -> list[Rij]:
    return built().rows[table]


def afgeleid(row: Rij) -> set[str]:
    return set(row["afgeleid"].split(","))


def periode(row: Rij) -> Periode:
    return row["begindatum"], row["einddatum"]


@cache
def brin_erkenningen() -> dict[str, Rij]:
    soorten = ("ERKENDE_ONDERWIJSINSTELLING", "ERKENDE_VESTIGING")
    return {r["code"]: r for r in rows("erkenning") if r["soort"] in soorten}


@cache
def school_aanbieders() -> dict[str, Rij]:
    """BRIN6 → the onderwijsaanbieder the seed made of it."""
    return {r["eigen_sleutel"]: r for r in rows("onderwijsaanbieder") if r["eigen_sleutel"]}


# -- 1: closing before opening, and a reissued BRIN6 ---------------------------------------
def test_a_closing_before_the_opening_is_read_swapped() -> None:
    decode = {**brin4(), **brin6()}
    swapped = [c for c, r in decode.items() if omgekeerd(r)]
    placeholder = [c for c in swapped if decode[c]["datum_opheffing"] == "19000101"]
    assert {len(code) for code in swapped} == {4, 6}  # in both tables
    assert 0 < len(placeholder) < len(swapped)

    # read swapped, far more of them start or end on a date of their BRIN4 than as given
    def met_brin4(code: str, begin: dt.date | None, end: dt.date | None) -> bool:
        instelling = in_tabel(code[:4]) if code[:4] in brin4() else (None, None)
        return begin == instelling[0] or end == instelling[1]

    vestigingen = [code for code in swapped if len(code) == 6]
    as_read = sum(met_brin4(code, *in_tabel(code)) for code in vestigingen)
    as_given = sum(met_brin4(code, *in_tabel(code)[::-1]) for code in vestigingen)
    assert as_read > len(vestigingen) / 2 > as_given
    for code in swapped:
        erkenning = brin_erkenningen()[code]
        row = brin4()[code] if len(code) == 4 else brin6()[code]
        assert erkenning["begindatum"] == _dag(row["datum_opheffing"]), code
        assert {"begindatum", "einddatum"} <= afgeleid(erkenning), code
    ended = [e for e in brin_erkenningen().values() if e["begindatum"] and e["einddatum"]]
    assert [e["code"] for e in ended if e["einddatum"] < e["begindatum"]] == []


def test_every_brin_has_its_period_as_read_and_marked_where_corrected() -> None:
    for code, row in {**brin4(), **brin6()}.items():
        erkenning = brin_erkenningen()[code]
        expected = gelezen(code)
        assert periode(erkenning) == expected, code
        begin, end = _dag(row["datum_oprichting"]), _dag(row["datum_opheffing"])
        assert ("begindatum" in afgeleid(erkenning)) == (expected[0] != begin), code
        assert ("einddatum" in afgeleid(erkenning)) == (expected[1] != end), code


def test_every_school_of_the_school_file_is_there_on_its_peildatum() -> None:
    reissued = [code for code in scholen() if code in brin6() and heruitgegeven(code)]
    assert reissued
    hidden = [b for b in scholen() if not valid_on(periode(school_aanbieders()[b]), SCHOOLDAG)]
    assert hidden == []


async def test_a_reissued_brin6_finds_its_school(api: Api) -> None:
    reissued = sorted(code for code in scholen() if code in brin6() and heruitgegeven(code))
    data = await api.data(
        """query($codes: [String!]) {
          onderwijsaanbieders(filter: {erkenningscode: $codes}, peildatum: "2024-11-22",
                              first: 100) {
            edges { node { eigenSleutel naam einddatum herkomst { afgeleid } } } } }""",
        {"codes": reissued},
    )
    found = {e["node"]["eigenSleutel"]: e["node"] for e in data["onderwijsaanbieders"]["edges"]}
    assert sorted(found) == reissued
    for code in reissued:
        assert found[code]["naam"] == nieuwste_naam(code)
        assert found[code]["einddatum"] is None
        assert "einddatum" in found[code]["herkomst"]["afgeleid"]


# -- 4: a vestiging running on after its BRIN4 closed ----------------------------------------
def test_a_vestiging_ends_with_its_brin4() -> None:
    in_file = sorted(code for code in scholen() if code in brin6() and sluit_na(code))
    elsewhere = [code for code in brin6() if sluit_na(code) and code not in scholen()]
    assert in_file
    assert elsewhere
    for code in in_file:
        sluit = in_tabel(code[:4])[1]
        aanbieder = school_aanbieders()[code]
        assert aanbieder["einddatum"] == sluit
        for table in ("onderwijslocatiegebruik", "aangeboden_opleiding"):
            tied = [r for r in rows(table) if r["onderwijsaanbieder_code"] == aanbieder["code"]]
            assert tied
            assert {r["einddatum"] for r in tied} == {sluit}
    for code in elsewhere:
        assert brin_erkenningen()[code]["einddatum"] == in_tabel(code[:4])[1]


async def test_a_school_closes_with_its_brin4(api: Api) -> None:
    query = """query($codes: [String!], $dag: Date) {
      onderwijsaanbieders(filter: {erkenningscode: $codes}, peildatum: $dag, first: 100) {
        edges { node { eigenSleutel einddatum erkenningen { edges { node { code } } } } } } }"""
    in_file = sorted(code for code in scholen() if code in brin6() and sluit_na(code))
    for code in in_file:
        sluit = in_tabel(code[:4])[1]
        assert sluit is not None
        open_ = await api.data(query, {"codes": [code], "dag": str(sluit - dt.timedelta(1))})
        (edge,) = open_["onderwijsaanbieders"]["edges"]
        assert edge["node"]["einddatum"] == str(sluit)
        assert [e["node"]["code"] for e in edge["node"]["erkenningen"]["edges"]] == [code[:4]]
        closed = await api.data(query, {"codes": [code], "dag": str(sluit)})
        assert closed["onderwijsaanbieders"]["edges"] == []


# -- 2: an offering outside its opleidingseenheid --------------------------------------------
@cache
def eenheid_perioden() -> dict[str, Periode]:
    """opleidingseenheid → its period in the HO file."""
    found: dict[str, Periode] = {}
    for row in ho_aanbod().values():
        found[row["OPLEIDINGSEENHEIDCODE"]] = (_dag(row["BEGINDATUM"]), _dag(row["EINDDATUM"]))
    return found


def aanbod_periode(row: dict[str, str]) -> Periode:
    return (
        _dag(row["AANGEBODEN_OPLEIDING_BEGINDATUM"]),
        _dag(row["AANGEBODEN_OPLEIDING_EINDDATUM"]),
    )


def buiten(code: str) -> tuple[bool, bool]:
    """The offering starts before its eenheid, and it ends after it."""
    row = ho_aanbod()[code]
    (begin, end), (eb, ee) = aanbod_periode(row), eenheid_perioden()[row["OPLEIDINGSEENHEIDCODE"]]
    return (
        eb is not None and (begin is None or begin < eb),
        ee is not None and (end is None or end > ee),
    )


def test_an_opleidingseenheid_covers_its_offerings() -> None:
    early = [code for code in ho_aanbod() if buiten(code)[0]]
    late = [code for code in ho_aanbod() if buiten(code)[1]]
    assert early
    assert late
    eenheden = {r["code"]: r for r in rows("opleidingseenheid") if r["sector"] == "HO"}
    aanbod = {r["code"]: r for r in rows("aangeboden_opleiding") if r["sector"] == "HO"}
    assert sorted(aanbod) == sorted(ho_aanbod())
    for code, row in aanbod.items():
        (begin, end), eenheid = periode(row), eenheden[row["opleidingseenheid_code"]]
        assert periode(row) == aanbod_periode(ho_aanbod()[code])  # the offering keeps its dates
        assert eenheid["begindatum"] is None or (
            begin is not None and eenheid["begindatum"] <= begin
        )
        assert eenheid["einddatum"] is None or (end is not None and eenheid["einddatum"] >= end)
    widened = {ho_aanbod()[c]["OPLEIDINGSEENHEIDCODE"] for c in early + late}
    for code, (begin, end) in eenheid_perioden().items():
        eenheid = eenheden[code]
        assert ("begindatum" in afgeleid(eenheid)) == (eenheid["begindatum"] != begin), code
        assert ("einddatum" in afgeleid(eenheid)) == (eenheid["einddatum"] != end), code
        assert (periode(eenheid) != (begin, end)) == (code in widened), code


async def test_offerings_beyond_their_eenheid_keep_it_and_their_niveau(api: Api) -> None:
    """On 2026-10-01 the offerings whose eenheid the file ends before then show it, and the
    niveau filter finds them."""
    dag = dt.date(2026, 10, 1)
    hidden = sorted(
        code
        for code, row in ho_aanbod().items()
        if valid_on(aanbod_periode(row), dag)
        and not valid_on(eenheid_perioden()[row["OPLEIDINGSEENHEIDCODE"]], dag)
    )
    assert hidden
    niveau = {code: ho_aanbod()[code]["NIVEAU"] for code in hidden}
    data = await api.data(
        """query($niveau: [Niveau!], $croho: [String!]) {
          aangebodenOpleidingen(filter: {niveau: $niveau, erkendeOpleidingscode: $croho},
                                peildatum: "2026-10-01", first: 100) {
            totalCount
            edges { node { code opleidingseenheid { code niveau herkomst { afgeleid } } } } } }""",
        {
            "niveau": sorted({n.replace("-", "_") for n in niveau.values()}),
            "croho": sorted({ho_aanbod()[c]["ERKENDEOPLEIDINGSCODE"] for c in hidden}),
        },
    )
    result = data["aangebodenOpleidingen"]
    assert result["totalCount"] <= 100
    found = {e["node"]["code"]: e["node"]["opleidingseenheid"] for e in result["edges"]}
    for code in hidden:
        eenheid = found[code]
        assert eenheid["code"] == ho_aanbod()[code]["OPLEIDINGSEENHEIDCODE"]
        assert eenheid["niveau"] == niveau[code].replace("-", "_")
        assert "einddatum" in eenheid["herkomst"]["afgeleid"]


# -- 3: two schools at one address, two streets ----------------------------------------------
def _adres(props: dict[str, Any]) -> tuple[str, int, str | None]:
    deel = [str(props[k]).strip() for k in ("huisletter", "huisnummertoevoeging") if props[k]]
    return props["postcode"], int(props["huisnummer"]), "-".join(d for d in deel if d) or None


def tweestraten() -> dict[tuple[str, int, str | None], dict[str, str]]:
    """Each address whose schools name different streets → {BRIN6: its street}, the schools
    of the 2024 file (that did not move) first, then those other address files place there."""
    per_adres: dict[tuple[str, int, str | None], dict[str, str]] = defaultdict(dict)
    for code, features in scholen().items():
        for props in features:
            if props["straat"] and code not in scholenbestand.verhuisd():
                per_adres[_adres(props)].setdefault(code, props["straat"])
    for code, (postcode, huisnummer, toevoeging, straat) in sorted(
        scholenbestand.adressen_elders().items()
    ):
        per_adres[(postcode, huisnummer, toevoeging)].setdefault(code, straat)
    return {a: s for a, s in per_adres.items() if len(set(s.values())) > 1}


def straat_van(adres: tuple[str, int, str | None], straten: dict[str, str]) -> str:
    """The street the address files confirm, when they confirm one; else the first school's."""
    bevestigd = set(straten.values()) & scholenbestand.straten_in_adresbestanden()[adres[:2]]
    return bevestigd.pop() if len(bevestigd) == 1 else next(iter(straten.values()))


def test_an_address_has_one_street_the_one_duo_gives_there() -> None:
    conflicts = tweestraten()
    assert conflicts
    locaties = {
        (r["postcode"], r["huisnummer"], r["huisnummertoevoeging"]): r
        for r in rows("onderwijslocatie")
        if r["postcode"]
    }
    for adres, straten in conflicts.items():
        assert locaties[adres]["straatnaam"] == straat_van(adres, straten), adres
        assert "straatnaam" in afgeleid(locaties[adres])
    marked = [a for a, r in locaties.items() if "straatnaam" in afgeleid(r)]
    assert sorted(marked, key=str) == sorted(conflicts, key=str)


async def test_each_school_at_a_two_street_address_shows_its_street(api: Api) -> None:
    for adres, straten in tweestraten().items():
        straat = straat_van(adres, straten)
        codes = sorted(code for code in straten if code in scholen())  # open on its peildatum
        data = await api.data(
            """query($codes: [String!]) {
              onderwijsaanbieders(filter: {erkenningscode: $codes}, peildatum: "2024-11-22") {
                edges { node { eigenSleutel onderwijslocaties(first: 100) { edges { node {
                  adres { straatnaam huisnummer postcode } herkomst { afgeleid } } } } } } } }""",
            {"codes": codes},
        )
        edges = data["onderwijsaanbieders"]["edges"]
        assert sorted(e["node"]["eigenSleutel"] for e in edges) == codes
        for edge in edges:
            there = [
                loc["node"]
                for loc in edge["node"]["onderwijslocaties"]["edges"]
                if (loc["node"]["adres"]["postcode"], loc["node"]["adres"]["huisnummer"])
                == adres[:2]
            ]
            assert [loc["adres"]["straatnaam"] for loc in there] == [straat]
            assert "straatnaam" in there[0]["herkomst"]["afgeleid"]
