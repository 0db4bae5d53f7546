"""The leerlingaantal rows the seed builds: one source per (vestiging, teldatum), the links of
the VO detail rows, the rows per source against the files; and bad rows refused with file,
line and field."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from onderwijsgraaf.db.models import AangebodenOpleiding, Leerlingaantal, Onderwijsaanbieder
from seed import bronnen
from seed.errors import SeedError
from seed.leerlingaantallen import po_tellingen, vo_totalen
from tests.conftest import DATA_DIR, built
from tests.scholenbestand import po_leerlingen, vo_onderwijstype
from tests.scholenbestand import vo_totalen as vo_rijen


def tellingen() -> list[dict[str, object]]:
    return built().rows[Leerlingaantal.__tablename__]


def test_one_source_per_vestiging_and_teldatum() -> None:
    per_key: dict[tuple[object, object], set[object]] = defaultdict(set)
    for row in tellingen():
        per_key[(row["vestiging"], row["teldatum"])].add(row["bron"])
    assert max(len(b) for b in per_key.values()) == 1
    details = Counter((r["vestiging"], r["teldatum"]) for r in tellingen())
    # only the VO detail source has several rows of one vestiging on one teldatum
    assert {r["bron"] for r in tellingen() if details[(r["vestiging"], r["teldatum"])] > 1} == {
        bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.code
    }


def test_rows_per_source_are_the_files_counts() -> None:
    rows = Counter(r["bron"] for r in tellingen())
    cells = [
        v for r in po_leerlingen().values() for k, v in r.items() if k.startswith("LEERLINGEN_")
    ]
    # no other source counts a PO vestiging on a teldatum the PO file has
    assert rows[bronnen.LEERLINGEN_PO.code] == sum(1 for v in cells if v != "0")
    assert rows[bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.code] == len(vo_onderwijstype())
    for jaar, bron in ((2021, bronnen.LEERLINGEN_VO_2021), (2022, bronnen.LEERLINGEN_VO_2022)):
        assert rows[bron.code] == sum(
            1 for r in vo_rijen(jaar).values() if r["TOTAAL AANTAL LEERLINGEN"] != "0"
        )


def test_vo_detail_rows_are_on_the_aanbod_of_their_vestiging() -> None:
    aanbieders = {
        r["code"]: r["eigen_sleutel"] for r in built().rows[Onderwijsaanbieder.__tablename__]
    }
    aanbod = {r["code"]: r for r in built().rows[AangebodenOpleiding.__tablename__]}
    detail = [r for r in tellingen() if r["bron"] == bronnen.LEERLINGEN_VO_ONDERWIJSTYPE.code]
    for row in detail:
        linked = aanbod[str(row["aangeboden_opleiding_code"])]
        assert linked["onderwijsaanbieder_code"] == row["onderwijsaanbieder_code"]
        assert linked["onderwijslocatie_code"] == row["onderwijslocatie_code"]
        assert aanbieders[str(row["onderwijsaanbieder_code"])] == row["vestiging"]
        assert row["onderwijstype"]


def test_counts_without_an_aanbieder_keep_null_parents() -> None:
    orphans = [r for r in tellingen() if r["onderwijsaanbieder_code"] is None]
    assert all(r["onderwijslocatie_code"] is None for r in orphans)
    with_aanbieder = {r["eigen_sleutel"] for r in built().rows[Onderwijsaanbieder.__tablename__]}
    assert {r["vestiging"] for r in orphans}.isdisjoint(with_aanbieder)
    assert len(orphans) < 100  # as the README says: 28 counts of 8 BRIN6s


# -- bad input, in small copies of the files ------------------------------------------------
def klein(tmp_path: Path, bron: bronnen.Bronbestand, *regels: str) -> Path:
    """A data dir holding ``bron`` with its real header and ``regels``."""
    with bron.path(DATA_DIR).open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n")
    path = bron.path(tmp_path)
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join([header, *regels]) + "\n", encoding="utf-8")
    return tmp_path


def po_regel(brin6: str = "00AO00", telling: str = "31") -> str:
    return ";".join(
        [brin6[:4], brin6, "School", "VSO", "Openbaar", "40631", "285", "VOORST"] + [telling] * 30
    )


def test_a_small_po_file_is_read(tmp_path: Path) -> None:
    data = klein(tmp_path, bronnen.LEERLINGEN_PO, po_regel(telling="<5"), po_regel("00AO01", "0"))
    found = list(po_tellingen(data))
    assert len(found) == 30
    assert {(t.brin6, t.aantal, t.gemaskeerd) for t in found} == {("00AO00", 2, True)}


@pytest.mark.parametrize(
    ("regels", "message"),
    [
        (
            [po_regel(telling="drie")],
            r"line 2: field LEERLINGEN_1996: 'drie' is not a whole number",
        ),
        ([po_regel(telling="")], r"line 2: field LEERLINGEN_1996: is empty"),
        ([po_regel("00AO0"), po_regel()], r"line 2: field VESTIGINGSCODE: '00AO0' is not a BRIN6"),
        ([po_regel(), po_regel()], r"line 3: field VESTIGINGSCODE: 00AO00 is already on line 2"),
    ],
)
def test_bad_po_rows_name_line_and_field(tmp_path: Path, regels: list[str], message: str) -> None:
    with pytest.raises(SeedError, match=message) as raised:
        list(po_tellingen(klein(tmp_path, bronnen.LEERLINGEN_PO, *regels)))
    assert str(raised.value).startswith(str(bronnen.LEERLINGEN_PO.path(tmp_path)))


def test_a_bad_vo_total_names_line_and_field(tmp_path: Path) -> None:
    bron = bronnen.LEERLINGEN_VO_2022
    regel = "10028;19HY;19HY00;School;NES;60;AMELAND;Friesland;145;0;veel"
    with pytest.raises(
        SeedError, match=r"line 2: field TOTAAL AANTAL LEERLINGEN: 'veel' is not a whole number"
    ) as raised:
        list(vo_totalen(bron, klein(tmp_path, bron, regel)))
    assert str(raised.value).startswith(str(bron.path(tmp_path)))
