"""The real VO offering per vestiging (DUO, leerlingen VO per vestiging naar onderwijstype 2019):
the reader against the file read here with csv, five vestigingen written out, the niveau of
every onderwijstype, and bad input refused with file, line and field."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from onderwijsgraaf.db.waardelijsten import NIVEAUCODE
from seed import bronnen
from seed.errors import SeedError
from seed.vo_aanbod import VoAanbod, read_vo_aanbod
from tests.conftest import DATA_DIR

BESTAND = DATA_DIR / "duo" / "leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"
TYPE = "ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR"
# RIO's NiveauVO, in the order of rio-lod-api-v2.13.0.yml
NIVEAU_VO = ["VO-PRO", "VO-VMBO-BB", "VO-VMBO-KB", "VO-VMBO-GL", "VO-VMBO-TL", "VO-HAVO"]
NIVEAU_VO += ["VO-VWO", "VO-VBO"]
PRO, BB, KB, GL, TL, HAVO, VWO = NIVEAU_VO[:7]


@cache
def rijen() -> tuple[dict[str, str], ...]:
    with BESTAND.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter=";"))


@cache
def gelezen() -> VoAanbod:
    return read_vo_aanbod(DATA_DIR)


def brin6(rij: dict[str, str]) -> str:
    return rij["BRIN NUMMER"] + rij["VESTIGINGSNUMMER"]


def leerlingen(rij: dict[str, str]) -> int:
    return sum(int(v) for k, v in rij.items() if k.startswith("LEER- OF VERBLIJFSJAAR"))


def test_the_file_is_the_registered_source() -> None:
    assert bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.path(DATA_DIR) == BESTAND


def test_opleidingen_vestigingen_and_pupils_are_those_of_the_file() -> None:
    aanbod = gelezen()
    codes = {r["ELEMENTCODE"] for r in rijen()}
    totaal: dict[tuple[str, str], int] = defaultdict(int)
    for r in rijen():
        totaal[brin6(r), r["ELEMENTCODE"]] += leerlingen(r)
    met_leerlingen = {key: n for key, n in totaal.items() if n > 0}
    assert len(codes) == len(aanbod.opleidingen) == 193
    assert len({brin6(r) for r in rijen()}) == len(aanbod.aanbod) == 1450
    assert aanbod.leerlingen == met_leerlingen
    assert sum(aanbod.leerlingen.values()) == 956_857
    per_vestiging: dict[str, set[str]] = defaultdict(set)
    for b, code in met_leerlingen:
        per_vestiging[b].add(code)
    assert aanbod.aanbod == per_vestiging
    for r in rijen():
        opleiding = aanbod.opleidingen[r["ELEMENTCODE"]]
        assert opleiding.naam == r["OPLEIDINGSNAAM"]
        assert r[TYPE] in opleiding.onderwijstypen
        assert (opleiding.afdeling or "N.v.t.") == r["AFDELING"]
        assert (opleiding.vmbo_sector or "N.v.t.") == r["VMBO SECTOR"]


def test_every_row_has_a_pupil_so_every_row_is_offered() -> None:
    """The module docstring says so; a later file with empty rows needs the rule checked."""
    assert all(leerlingen(r) > 0 for r in rijen())


# Five vestigingen, looked up in the file: elementcode → niveaus.
VESTIGINGEN: dict[str, dict[str, tuple[str, ...]]] = {
    # 's Gravendreef College, Den Haag: brugjaren, havo, vmbo GL/KB/TL, vavo
    "31EW00": {
        "0011": (GL, TL, HAVO),
        "0023": (BB, KB, GL, TL),
        "0300": (HAVO,),
        "0370": (HAVO,),
        "0371": (HAVO,),
        "0372": (HAVO,),
        "0373": (HAVO,),
        "4031": (HAVO,),
        "4036": (HAVO,),
        "6421": (KB,),
        "6431": (GL,),
        "6621": (KB,),
        "6631": (GL,),
        "0471": (TL,),
        "0472": (TL,),
        "4045": (TL,),
    },
    # Kranenburg, Utrecht: praktijkonderwijs only
    "01EK00": {"0090": (PRO,)},
    # Vossius Gymnasium, Amsterdam: gymnasium only (0200 in Brugjaar 1-2 and HAVO/VWO lj 3)
    "21AF00": {
        "0200": (VWO,),
        "0270": (VWO,),
        "0271": (VWO,),
        "0272": (VWO,),
        "0273": (VWO,),
        "0274": (VWO,),
    },
    # rsg de Borgen, Grootegast: vmbo with sectors Techniek, Zorg & Welzijn, Economie, …
    "00DI03": {
        "0011": (GL, TL, HAVO),
        "0015": (HAVO, VWO),
        "0031": (BB,),
        "0032": (KB,),
        "6011": (BB,),
        "6111": (BB,),
        "7111": (BB,),
        "6611": (BB,),
        "7611": (BB,),
        "6421": (KB,),
        "6921": (KB,),
        "6021": (KB,),
        "6121": (KB,),
        "6621": (KB,),
        "0470": (TL,),
        "0471": (TL,),
        "0472": (TL,),
        "4040": (TL,),
    },
    # Het Rijnlands Lyceum, Den Haag (international department): IB, no RIO niveau
    "02GP05": {"0700": (), "0800": (), "0804": ()},
}


@pytest.mark.parametrize("vestiging", sorted(VESTIGINGEN))
def test_five_vestigingen_offer_what_the_file_lists(vestiging: str) -> None:
    aanbod = gelezen()
    verwacht = VESTIGINGEN[vestiging]
    in_bestand = {r["ELEMENTCODE"] for r in rijen() if brin6(r) == vestiging}
    assert set(verwacht) == in_bestand
    assert aanbod.aanbod[vestiging] == set(verwacht)
    for code, niveaus in verwacht.items():
        opleiding = aanbod.opleidingen[code]
        assert opleiding.niveaus == niveaus
        assert opleiding.niveau == (niveaus[0] if len(niveaus) == 1 else None)
        pupils = sum(
            leerlingen(r) for r in rijen() if brin6(r) == vestiging and r["ELEMENTCODE"] == code
        )
        assert aanbod.leerlingen[vestiging, code] == pupils


def test_a_code_in_two_onderwijstypen_adds_up_both_rows() -> None:
    rows = [r for r in rijen() if brin6(r) == "21AF00" and r["ELEMENTCODE"] == "0200"]
    assert {r[TYPE] for r in rows} == {"Brugjaar 1-2", "HAVO/VWO lj 3"}
    assert gelezen().leerlingen["21AF00", "0200"] == sum(leerlingen(r) for r in rows)
    assert gelezen().opleidingen["0200"].onderwijstypen == ("Brugjaar 1-2", "HAVO/VWO lj 3")


# The niveau of each onderwijstype whose rows lie on one level (None: no RIO niveau).
NIVEAU_PER_TYPE: dict[str, str | None] = {
    "Praktijkonderwijs alle vj": PRO,
    "VMBO BL lj 3-4": BB,
    "VMBO KL lj 3-4": KB,
    "VMBO GL lj 3-4": GL,
    "VMBO TL lj 3-4": TL,
    "VMBO uitbest. aan VAVO": TL,
    "HAVO lj 4-5": HAVO,
    "HAVO uitbest. aan VAVO": HAVO,
    "VWO lj 4-6": VWO,
    "VWO uitbest. aan VAVO": VWO,
    "Engelse Stroom": None,
    "Int. Baccelaureaat": None,
    "European Secondary School": None,
}
LAGERE_JAREN = {"Brugjaar 1-2", "HAVO/VWO lj 3"}  # niveau per elementcode
# Streams of the lower years whose name does not spell out "Ljvb op …"
STROMEN = {
    "0100": (VWO,),  # VWO-ATHENEUMSTROOM
    "0200": (VWO,),  # VWO-GYMNASIUMSTROOM
    "0300": (HAVO,),  # HAVO
    "0400": (TL,),  # MAVO/Theor Lw-VMBO
    "2210": (TL,),  # LWOO MAVO/Theor Lw
    "1394": (BB, KB, GL),  # Maritiem en techniek Algemeen Leerjaar: the beroepsgerichte leerwegen
    "1916": (BB, KB, GL),
}
LEERWEGEN = {"Alle": {BB, KB, GL, TL}, "Th": {TL}, "Gm": {GL}, "Bbg": {BB}, "Kbg": {KB}}


def voorbereidend_op(naam: str) -> tuple[str, ...]:
    """The levels of "Ljvb op VWO/HAVO/VMBO-Th/Gm Lw", "Lj LWOO vb op Bbg/Kbg Lw", …"""
    gevonden = re.fullmatch(r"Lj(?:vb| LWOO vb) op (.+?)(?: Lw)?", naam)
    assert gevonden, naam
    niveaus: set[str] = set()
    for deel in re.split(r"[/-]", gevonden.group(1)):
        if deel in ("VWO", "HAVO"):
            niveaus.add(f"VO-{deel}")
        elif deel != "VMBO":
            niveaus |= LEERWEGEN[deel.capitalize() if deel == "BBg" else deel]
    return tuple(sorted(niveaus, key=NIVEAU_VO.index))


def test_every_onderwijstype_in_the_file_has_its_niveau() -> None:
    aanbod = gelezen()
    types = {r[TYPE] for r in rijen()}
    assert types == set(NIVEAU_PER_TYPE) | LAGERE_JAREN
    for r in rijen():
        opleiding = aanbod.opleidingen[r["ELEMENTCODE"]]
        if r[TYPE] in LAGERE_JAREN:
            code = r["ELEMENTCODE"]
            verwacht = STROMEN.get(code) or voorbereidend_op(r["OPLEIDINGSNAAM"])
            assert opleiding.niveaus == verwacht, code
        else:
            assert opleiding.niveau == NIVEAU_PER_TYPE[r[TYPE]], r["ELEMENTCODE"]


def test_niveaus_are_rio_codes_in_rio_order() -> None:
    for opleiding in gelezen().opleidingen.values():
        assert set(opleiding.niveaus) <= set(NIVEAU_VO) & NIVEAUCODE.keys()
        assert list(opleiding.niveaus) == sorted(opleiding.niveaus, key=NIVEAU_VO.index)
        assert len(set(opleiding.niveaus)) == len(opleiding.niveaus)


# -- bad input, in a small copy of the file -------------------------------------------------
def klein_bestand(tmp_path: Path, *regels: str, header: str | None = None) -> Path:
    """A data dir whose VO file holds the real header (or ``header``) and ``regels``."""
    with BESTAND.open(encoding="utf-8") as handle:
        echte_header = handle.readline().rstrip("\n")
    pad = tmp_path / "duo" / BESTAND.name
    pad.parent.mkdir()
    pad.write_text("\n".join([header or echte_header, *regels]) + "\n", encoding="utf-8")
    return tmp_path


def regel(
    onderwijstype: str = "HAVO lj 4-5",
    code: str = "0372",
    naam: str = "HAVO Prf Ec/Maat",
    telling: str = "3",
    brin: str = "00AH",
) -> str:
    vaste = [brin, "00", "School", "ENSCHEDE", "Overijssel", onderwijstype, "N.v.t."]
    return ";".join([*vaste, "Economie en Maatschappij", code, naam, telling, *["0"] * 11])


def test_a_small_file_is_read(tmp_path: Path) -> None:
    aanbod = read_vo_aanbod(klein_bestand(tmp_path, regel(), regel(brin="01AB", telling="0")))
    assert aanbod.aanbod == {"00AH00": {"0372"}}  # 01AB00 has no pupils: not offered
    assert aanbod.leerlingen == {("00AH00", "0372"): 3}
    assert aanbod.opleidingen["0372"].niveau == HAVO


@pytest.mark.parametrize(
    ("regels", "message"),
    [
        (
            [regel(), regel(onderwijstype="VMBO-MBO2 lj 3-6", brin="01AB")],
            r"line 3: field ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR: "
            r"unknown onderwijstype 'VMBO-MBO2 lj 3-6'",
        ),
        (
            [regel(onderwijstype="Brugjaar 1-2", code="0099", naam="Ljvb op iets")],
            r"line 2: field ELEMENTCODE: 0099 has no known niveau in onderwijstype 'Brugjaar 1-2'",
        ),
        (
            [regel(telling="3a")],
            r"line 2: field LEER- OF VERBLIJFSJAAR 1 - MAN: '3a' is not a whole number",
        ),
        (
            [regel(telling="")],
            r"line 2: field LEER- OF VERBLIJFSJAAR 1 - MAN: is empty",
        ),
        (
            [regel(), regel(brin="01AB", naam="HAVO Ec/Maat")],
            r"line 3: field OPLEIDINGSNAAM: elementcode 0372 has value 'HAVO Ec/Maat' here, "
            r"but 'HAVO Prf Ec/Maat' on line 2",
        ),
        (
            [regel(), regel(code="0373", onderwijstype="Praktijkonderwijs alle vj"), regel()],
            r"line 4: field ELEMENTCODE: 0372 at 00AH00 in 'HAVO lj 4-5' is already on line 2",
        ),
        (
            [regel(code="372")],
            r"line 2: field ELEMENTCODE: '372' is not an elementcode",
        ),
    ],
)
def test_bad_rows_name_line_and_field(tmp_path: Path, regels: list[str], message: str) -> None:
    with pytest.raises(SeedError, match=message) as raised:
        read_vo_aanbod(klein_bestand(tmp_path, *regels))
    assert str(raised.value).startswith(str(tmp_path / "duo" / BESTAND.name))


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    with BESTAND.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split(";")
    zonder = ";".join(h for h in header if h != "VMBO SECTOR")
    rij = regel().split(";")
    del rij[header.index("VMBO SECTOR")]
    with pytest.raises(
        SeedError, match=r"line 1: wrong header: .*missing columns \['VMBO SECTOR'\]"
    ):
        read_vo_aanbod(klein_bestand(tmp_path, ";".join(rij), header=zonder))
