"""Loading is safe and deterministic: a seed either completes or changes nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from onderwijsgraaf.db.engine import create_engine
from seed.errors import SeedError
from seed.load import sqlite_path
from tests.conftest import SEEDED_DIGEST, SMALL_DIR, Target


async def leftovers(target: Target) -> list[str]:
    """What a seed may leave beside the live data: an aside file or aside/old schemas."""
    if target.backend == "sqlite":
        live = sqlite_path(target.url)
        return [p.name for p in live.parent.iterdir() if p.name != live.name]
    engine = create_engine(target.url)
    try:
        async with engine.connect() as conn:
            rows = await conn.scalars(
                text(
                    "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE :p"
                ),
                {"p": f"{target.schema}\\_\\_%"},
            )
            return list(rows)
    finally:
        await engine.dispose()


async def test_same_input_gives_identical_content_on_sqlite_and_postgres(
    seeded_sqlite: Target, seeded_postgres: Target
) -> None:
    assert SEEDED_DIGEST[seeded_sqlite] == SEEDED_DIGEST[seeded_postgres]
    assert await seeded_sqlite.digest() == await seeded_postgres.digest()


async def test_reseeding_swaps_in_identical_content(small: Target) -> None:
    counts = await small.seed(SMALL_DIR, check_minimums=False)
    assert await small.digest() == SEEDED_DIGEST[small]
    assert counts["onderwijslocatie"] > 100
    assert await leftovers(small) == []


async def test_a_failure_before_the_swap_leaves_the_previous_data(small: Target) -> None:
    def fail() -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        await small.seed(SMALL_DIR, before_swap=fail, check_minimums=False)
    assert await small.digest() == SEEDED_DIGEST[small]
    assert await leftovers(small) == []


def _replace_line(path: Path, number: int, change: Callable[[str], str]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = change(lines[number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


def _replace_text(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def _first_school_type(data_dir: Path) -> str:
    """The school type of the 2024 school file's first feature."""
    text = (data_dir / "duo/scholen_po_vo_so_geocoded_20241122.geojson").read_text()
    return str(json.loads(text)["features"][0]["properties"]["type"])


BAD_INPUTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing file": (
        lambda d: (d / "cbs/gemeenten_alfabetisch_2023.csv").unlink(),
        r"cbs/gemeenten_alfabetisch_2023\.csv: file is missing",
    ),
    "wrong header": (
        lambda d: _replace_line(
            d / "cbs/gemeenten_alfabetisch_2023.csv", 1, lambda s: s.replace("Gemeentenaam", "Naam")
        ),
        r"gemeenten_alfabetisch_2023\.csv, line 1: wrong header: .*missing columns \['Gemeentenaam'\]",
    ),
    "malformed row": (
        lambda d: _replace_line(
            d / "postcode/duo_pc4_gemeente_2024.csv", 10, lambda s: s + ",extra"
        ),
        r"duo_pc4_gemeente_2024\.csv, line 10: malformed row: 5 fields, the header has 4 \(a value after gemeentenaam_20240101: 'extra'\)",
    ),
    "bad value": (
        lambda d: _replace_line(
            d / "postcode/geonames_nl_pc4_2024.csv", 3, lambda s: s.replace("53.004", "north")
        ),
        r"geonames_nl_pc4_2024\.csv, line 3: field latitude: 'north' is not a number",
    ),
    "unknown code": (
        lambda d: _replace_line(
            d / "duo/ho_opleidingsoverzicht_rio_2026.csv",
            2,
            lambda s: s.replace('"HBO-BA"', '"HBO-XX"'),
        ),
        r"ho_opleidingsoverzicht_rio_2026\.csv, line 2: field NIVEAU: unknown code 'HBO-XX'",
    ),
    "unknown gemeente": (
        lambda d: _replace_line(
            d / "postcode/duo_pc4_gemeente_2024.csv", 7, lambda s: s.replace(",0363,", ",0999,")
        ),
        r"duo_pc4_gemeente_2024\.csv, line 7: field gemeentecode_20240101: unknown gemeente code '0999'",
    ),
    "value longer than its column": (
        lambda d: _replace_line(
            d / "postcode/geonames_nl_pc4_2024.csv",
            2,
            lambda s: s.replace(",Assen,", f",{'Assen' * 20},", 1),
        ),
        r"geonames_nl_pc4_2024\.csv, line 2: field place_name: '(Assen){8}…' has 100 characters; postcodegebied\.plaatsnaam holds at most 80",
    ),
    "unknown school type": (
        lambda d: _replace_text(
            d / "duo/scholen_po_vo_so_geocoded_20241122.geojson",
            f'"type": "{_first_school_type(d)}"',
            '"type": "kleuterschool"',
        ),
        r"scholen_po_vo_so_geocoded_20241122\.geojson, feature 1: field type: unknown school type 'kleuterschool'",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
async def test_bad_input_stops_with_a_clear_error_and_changes_nothing(
    small: Target, tmp_path: Path, case: str
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(SMALL_DIR, data_dir)
    corrupt, message = BAD_INPUTS[case]
    corrupt(data_dir)
    with pytest.raises(SeedError, match=message):
        await small.seed(data_dir, check_minimums=False)
    assert await small.digest() == SEEDED_DIGEST[small]
    assert await leftovers(small) == []


async def test_the_small_folder_seeds_what_its_files_hold(small: Target) -> None:
    """The folder the bad-input tests spoil is seeded whole: every vestiging of its 2024 school
    file is an onderwijslocatie, and the clean folder seeds again to the same content."""
    features = (SMALL_DIR / "duo/scholen_po_vo_so_geocoded_20241122.geojson").read_text()
    vestigingen = features.count('"vestigingscode": ')
    engine = small.engine()
    try:
        async with engine.connect() as conn:
            locaties = await conn.scalar(text("SELECT count(*) FROM onderwijslocatie"))
    finally:
        await engine.dispose()
    assert vestigingen > 100
    assert locaties is not None
    assert locaties >= vestigingen
    await small.seed(SMALL_DIR, check_minimums=False)
    assert await small.digest() == SEEDED_DIGEST[small]
