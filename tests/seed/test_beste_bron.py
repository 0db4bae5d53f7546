"""Every value from the newest real source that has it: besturen, aanbieders, their contact
details and their history, checked against the source files read here with csv/json (not the
seed's code), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from onderwijsgraaf.db.models import (
    Communicatiecontext,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    geldig_op,
)
from tests import scholenbestand
from tests.conftest import DATA_DIR, Api, Target
from tests.scholenbestand import verhuisd


def _csv(name: str, delimiter: str = ";") -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8-sig", newline="") as handle:
        return [
            {k: v.strip() for k, v in row.items()}
            for row in csv.DictReader(handle, delimiter=delimiter)
        ]


BO_2026 = scholenbestand.bo_2026()
PO_LEERLINGEN = scholenbestand.po_leerlingen()
VO_2022 = {
    r["VESTIGINGSNUMMER"]: r for r in _csv("duo/leerlingen_vo_per_vestiging_en_bestuur_2022.csv")
}
VO_2021 = {
    r["VESTIGINGSNUMMER"]: r for r in _csv("duo/leerlingen_vo_per_vestiging_en_bestuur_2021.csv")
}
ADRES_2020 = {
    r["VESTIGINGSNUMMER"]: (r, bron)
    for name, bron in (
        ("duo/alle_vestigingen_vo_2020.csv", "duo-vestigingen-vo-2020"),
        ("duo/alle_vestigingen_bo_2020.csv", "duo-vestigingen-bo-2020"),
    )
    for r in _csv(name)
}
# BRIN6 → its first feature in the 2024 file (values trimmed), and its number of features
SCHOLEN_2024: dict[str, dict[str, Any]] = {
    brin6: {k: v.strip() if isinstance(v, str) else v for k, v in features[0].items()}
    for brin6, features in scholenbestand.scholen().items()
}
FEATURES = {brin6: len(features) for brin6, features in scholenbestand.scholen().items()}
BRIN6 = {
    r["instellingscode"] + r["vestigingsnummer"]: r
    for r in _csv("duo/dec_instellingscode_vestiging_brin6.csv", ",")
}
BESTUREN_VO = {r["BEVOEGD GEZAG NUMMER"]: r for r in _csv("duo/bevoegde_gezagen_vo_2023.csv")}

# ten schools of every kind: in all files; opened after the 2024 file; moved since 2024; SO;
# VO; closed 2022-2023 (in the 2020 files); closed 2010 (pupil file and decode table only);
# VO last listed in 2022 that the decode table leaves open
SCHOLEN = [
    "03WU00",
    "32JK00",
    "15XE00",
    "12GW00",
    "00KM42",
    "31EW00",
    "00DA00",
    "03BU00",
    "00MN01",
    "01NJ01",
]


def _nieuwste(brin6: str, veld: str) -> tuple[str | None, str | None]:
    """(value, source) of a field by the documented rule: the newest file with a value."""
    kandidaten: list[tuple[str | None, str]] = []
    if veld == "naam":
        kandidaten = [
            (BO_2026.get(brin6, {}).get("VESTIGINGSNAAM"), "duo-vestigingen-bo-2026"),
            (PO_LEERLINGEN.get(brin6, {}).get("NAAM_VESTIGING"), "duo-leerlingen-po-1996-2025"),
            (SCHOLEN_2024.get(brin6, {}).get("naam"), "duo-scholen-2024"),
            (
                VO_2022.get(brin6, {}).get("INSTELLINGSNAAM VESTIGING"),
                "duo-leerlingen-vo-bestuur-2022",
            ),
            (
                VO_2021.get(brin6, {}).get("INSTELLINGSNAAM VESTIGING"),
                "duo-leerlingen-vo-bestuur-2021",
            ),
            (
                ADRES_2020.get(brin6, ({}, ""))[0].get("VESTIGINGSNAAM"),
                ADRES_2020.get(brin6, ({}, ""))[1],
            ),
            (BRIN6.get(brin6, {}).get("naam"), "duo-brin6"),
        ]
    elif veld == "telefoon":
        kandidaten = [
            (BO_2026.get(brin6, {}).get("TELEFOONNUMMER"), "duo-vestigingen-bo-2026"),
            (
                ADRES_2020.get(brin6, ({}, ""))[0].get("TELEFOONNUMMER"),
                ADRES_2020.get(brin6, ({}, ""))[1],
            ),
        ]
    elif veld == "website":
        kandidaten = [
            (BO_2026.get(brin6, {}).get("INTERNETADRES"), "duo-vestigingen-bo-2026"),
            (SCHOLEN_2024.get(brin6, {}).get("internetadres"), "duo-scholen-2024"),
            (
                ADRES_2020.get(brin6, ({}, ""))[0].get("INTERNETADRES"),
                ADRES_2020.get(brin6, ({}, ""))[1],
            ),
        ]
    elif veld == "bevoegd_gezag":
        kandidaten = [
            (BO_2026.get(brin6, {}).get("BEVOEGD GEZAG NUMMER"), "duo-vestigingen-bo-2026"),
            (
                PO_LEERLINGEN.get(brin6, {}).get("BEVOEGD_GEZAG_NUMMER"),
                "duo-leerlingen-po-1996-2025",
            ),
            (VO_2022.get(brin6, {}).get("BEVOEGD GEZAG NUMMER"), "duo-leerlingen-vo-bestuur-2022"),
            (VO_2021.get(brin6, {}).get("BEVOEGD GEZAG NUMMER"), "duo-leerlingen-vo-bestuur-2021"),
            (
                ADRES_2020.get(brin6, ({}, ""))[0].get("BEVOEGD GEZAG NUMMER"),
                ADRES_2020.get(brin6, ({}, ""))[1],
            ),
        ]
    for waarde, bron in kandidaten:
        if waarde:
            return waarde, bron
    return None, None


def _bron(row: Any, veld: str) -> str:
    velden = dict(paar.split("=") for paar in row.veldbronnen.split(",") if paar)
    return str(velden.get(veld, row.bron))


async def _rows(target: Target, query: Any) -> list[Any]:
    engine = target.engine()
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(query)).all())
    finally:
        await engine.dispose()


async def test_ten_schools_each_field_from_the_newest_file_that_has_it(seeded: Target) -> None:
    a, c, b = Onderwijsaanbieder, Communicatiecontext, Onderwijsbestuur
    aanbieders = {
        row.eigen_sleutel: row
        for row in await _rows(seeded, select(a).where(a.eigen_sleutel.in_(SCHOLEN)))
    }
    assert sorted(aanbieders) == sorted(SCHOLEN)
    contexten = {
        row.onderwijsaanbieder_code: row
        for row in await _rows(
            seeded,
            select(c).where(
                c.soort == "ALGEMEEN",
                c.onderwijsaanbieder_code.in_([r.code for r in aanbieders.values()]),
            ),
        )
    }
    besturen = {row.code: row for row in await _rows(seeded, select(b))}
    for brin6 in SCHOLEN:
        aanbieder = aanbieders[brin6]
        naam, bron = _nieuwste(brin6, "naam")
        assert (aanbieder.naam, _bron(aanbieder, "naam")) == (naam, bron), brin6
        context = contexten.get(aanbieder.code)
        for veld in ("telefoon", "website"):
            waarde, bron = _nieuwste(brin6, veld)
            found = (getattr(context, veld), _bron(context, veld)) if context else (None, None)
            if waarde:
                assert found == (waarde, bron), (brin6, veld)
            else:
                assert found[0] is None, (brin6, veld)
        nummer, bron = _nieuwste(brin6, "bevoegd_gezag")
        bestuur = besturen[aanbieder.onderwijsbestuur_code]
        assert bestuur.bevoegd_gezag_nummer == nummer, brin6
        verwacht_naam = (
            BESTUREN_VO[nummer]["BEVOEGD GEZAG NAAM"]
            if nummer in BESTUREN_VO
            else f"Bevoegd gezag {nummer}"
        )
        assert bestuur.naam == verwacht_naam, brin6
        assert ("naam" in bestuur.afgeleid.split(",")) == (nummer not in BESTUREN_VO)
        decode = BRIN6.get(brin6)
        if (
            decode
            and decode["datum_opheffing"]
            and brin6 not in BO_2026
            and brin6 not in SCHOLEN_2024
        ):
            assert aanbieder.einddatum == dt.date.fromisoformat(
                f"{decode['datum_opheffing'][:4]}-{decode['datum_opheffing'][4:6]}-{decode['datum_opheffing'][6:]}"
            ), brin6


async def test_besturen_carry_the_real_names_of_the_vo_file(seeded: Target) -> None:
    b = Onderwijsbestuur
    rows = await _rows(seeded, select(b.bevoegd_gezag_nummer, b.naam, b.kvk_nummer, b.bron))
    in_db = {row.bevoegd_gezag_nummer: row for row in rows if row.bevoegd_gezag_nummer}
    echt = {
        nummer
        for nummer, row in in_db.items()
        if nummer in BESTUREN_VO
        and row.naam == BESTUREN_VO[nummer]["BEVOEGD GEZAG NAAM"]
        and row.kvk_nummer == (BESTUREN_VO[nummer]["KVK-NUMMER"] or None)
        and row.bron == "duo-besturen-vo-2023"
    }
    # every bestuur of the 2023 file that a school file names carries its real name
    assert echt == set(BESTUREN_VO) & set(in_db)
    assert len(echt) >= 278
    assert in_db["41298"].naam == "Stg. Scholengroep Spinoza voor VO te Voorb., Leidschendam eo"


async def test_a_contact_address_keeps_its_toevoeging(api: Api) -> None:
    """The visiting address of a bestuur and of a school, with the part after the number."""
    rij = BESTUREN_VO["41298"]
    nummer, _, toevoeging = rij["HUISNUMMER-TOEVOEGING"].partition("-")
    # a school at the address of its one 2024 feature, which has a huisletter
    brin6, school = next(
        (brin6, props)
        for brin6, props in sorted(SCHOLEN_2024.items())
        if props["huisletter"] and FEATURES[brin6] == 1 and brin6 not in verhuisd()
    )
    school_nummer = school["huisnummer"]
    school_toevoeging = "-".join(
        d for d in (school["huisletter"], school["huisnummertoevoeging"]) if d
    )
    adres = "communicatiecontexten { edges { node { soort adres { straatnaam huisnummer huisnummertoevoeging } } } }"
    data = await api.data(
        f"""query($brin6: [String!]) {{
          onderwijsbesturen(filter: {{zoek: "Spinoza Voorb"}}) {{ edges {{ node {{
            bevoegdGezagNummer {adres} }} }} }}
          onderwijsaanbieders(filter: {{erkenningscode: $brin6}}) {{ edges {{ node {{ {adres} }} }} }}
        }}""",
        {"brin6": [brin6]},
    )
    (bestuur,) = [
        e["node"]
        for e in data["onderwijsbesturen"]["edges"]
        if e["node"]["bevoegdGezagNummer"] == "41298"
    ]
    (gevonden,) = [e["node"] for e in data["onderwijsaanbieders"]["edges"]]
    for node, straat, huisnummer, deel in (
        (bestuur, rij["STRAATNAAM"], nummer, toevoeging),
        (gevonden, school["straat"], school_nummer, school_toevoeging),
    ):
        adressen = [
            e["node"]["adres"]
            for e in node["communicatiecontexten"]["edges"]
            if e["node"]["soort"] == "ALGEMEEN"
        ]
        assert adressen == [
            {"straatnaam": straat, "huisnummer": int(huisnummer), "huisnummertoevoeging": deel}
        ]


async def test_po_schools_of_2026_per_gemeente_match_the_2026_file(seeded: Target) -> None:
    """The basisscholen open on the 2026 file's peildatum are exactly its schools, each at its
    address; counted per gemeente as the file names them."""
    peildatum = dt.date(2026, 8, 1)
    a, g, loc = Onderwijsaanbieder, Onderwijslocatiegebruik, Onderwijslocatie
    rows = await _rows(
        seeded,
        select(a.eigen_sleutel, loc.postcode, loc.huisnummer)
        .join(g, g.onderwijsaanbieder_code == a.code)
        .join(loc, loc.code == g.onderwijslocatie_code)
        .where(a.eigen_sleutel.in_(list(BO_2026)), geldig_op(a, peildatum)),
    )
    adressen: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for row in rows:
        adressen[row.eigen_sleutel].add((row.postcode, row.huisnummer))
    assert set(adressen) == set(BO_2026)
    per_gemeente: dict[str, int] = defaultdict(int)
    for brin6, row in BO_2026.items():
        postcode = row["POSTCODE"].replace(" ", "")
        huisnummer = int(row["HUISNUMMER-TOEVOEGING"].split("-")[0])
        if FEATURES.get(brin6, 0) <= 1:  # a school with several 2024 locaties keeps those
            assert (postcode, huisnummer) in adressen[brin6], brin6
        per_gemeente[row["GEMEENTENUMMER"]] += 1
    assert len(per_gemeente) == 342
    assert per_gemeente["0363"] > 150


async def test_closed_schools_are_there_at_their_past_peildatum_and_gone_after(api: Api) -> None:
    closed = [
        brin6
        for brin6, row in sorted(BRIN6.items())
        if brin6 in PO_LEERLINGEN
        and row["datum_opheffing"][:4] in ("2012", "2016", "2020")
        and row["datum_oprichting"] < "2000"
    ][:10]
    assert len(closed) == 10
    query = """query($codes: [String!]!, $p: Date) {
      codes(code: $codes, soort: ERKENDE_VESTIGING, peildatum: $p, first: 50) {
        edges { node { code onderwijsaanbieder { naam einddatum } } } } }"""
    for brin6 in closed:
        einde = dt.date.fromisoformat(
            "-".join(
                (
                    BRIN6[brin6]["datum_opheffing"][:4],
                    BRIN6[brin6]["datum_opheffing"][4:6],
                    BRIN6[brin6]["datum_opheffing"][6:],
                )
            )
        )
        before = await api.data(query, {"codes": [brin6], "p": str(einde - dt.timedelta(days=1))})
        after = await api.data(query, {"codes": [brin6], "p": str(einde)})
        found = [e["node"]["onderwijsaanbieder"] for e in before["codes"]["edges"]]
        assert found, brin6
        assert found[0]["einddatum"] == str(einde), brin6
        assert not [e for e in after["codes"]["edges"] if e["node"]["onderwijsaanbieder"]], brin6


async def test_the_schools_of_2016(api: Api) -> None:
    """On 2016-01-01 the PO vestigingen the pupil file counted on 1 October 2015 are there."""
    counted_2015 = {
        brin6
        for brin6, row in PO_LEERLINGEN.items()
        if row["LEERLINGEN_2015"] not in ("", "0") and row["SOORT_VESTIGING"] == "BO"
    }
    sample = sorted(counted_2015 - set(BO_2026) - set(SCHOLEN_2024))[:20]
    assert len(sample) == 20
    answer = await api.data(
        """query($codes: [String!]!) { codes(code: $codes, soort: ERKENDE_VESTIGING, peildatum: "2016-01-01",
        first: 100) { edges { node { code onderwijsaanbieder { eigenSleutel } } } } }""",
        {"codes": sample},
    )
    found = {
        e["node"]["onderwijsaanbieder"]["eigenSleutel"]
        for e in answer["codes"]["edges"]
        if e["node"]["onderwijsaanbieder"]
    }
    assert found == set(sample)
