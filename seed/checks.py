"""Checks on each source file as a whole, made before anything is built or written.

Every file in ``bronnen.ALLE`` must

1. be readable as what it is (``seed.read``: UTF-8, no control characters, a header and as many
   fields on every line as it has; a GeoJSON FeatureCollection of Points in the Netherlands);
2. hold at least its ``minimum_rijen`` records (``seed.bronnen``);
3. not hold more than ``KRIMP`` (10 %) fewer records than the same source had when the data now
   serving was built (its ``bron.rijen``), unless the caller accepts that (``--accept-shrink``).

The shrink is compared per source file, not per built table: a source that loses records is what
goes wrong (a cut-off download, an export with a filter), the file is what the operator has to
look at, and the serving data records each source's count exactly. Built tables mix sources (all
of HO's aanbieders are 1.6 % of onderwijsaanbieder) and change when the derivation does.
10 % leaves room for a year's real change (schools merge, HO offering is renewed: a few percent)
and catches a file that lost part of itself.

Errors are ``SeedError``s naming the file; the counts go into ``bron.rijen``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from seed import bronnen
from seed.errors import SeedError
from seed.read import Row, read_csv, read_geojson_points

KRIMP = 0.10
Progress = Callable[[str], None]


def records(bron: bronnen.Bronbestand, data_dir: Path) -> int:
    """The number of records of a source file, reading (and so checking) every one of them."""
    path = bron.path(data_dir)
    if path.suffix == ".geojson":
        return sum(1 for _ in read_geojson_points(path, []))
    return sum(1 for _ in read_csv(path, None, delimiter=bron.scheidingsteken))


def check_bronnen(
    data_dir: Path,
    serving: Mapping[str, int],
    *,
    accept_shrink: bool = False,
    check_minimums: bool = True,
    progress: Progress = lambda _: None,
) -> dict[str, int]:
    """Reads every source file once through; returns its record count by source code.

    ``serving``: the record count per source code of the data now serving (empty: none).
    ``check_minimums=False`` takes a file with fewer records than a complete one has: for test
    folders that hold a few gemeenten (``tests/fixtures/small``), never for a real seed."""
    for bron in bronnen.ALLE:
        if not bron.path(data_dir).is_file():
            raise SeedError(bron.path(data_dir), "file is missing")
    counts = {}
    for bron in bronnen.ALLE:
        path = bron.path(data_dir)
        count = records(bron, data_dir)
        progress(f"{bron.bestand}: {count:,} rows")
        if check_minimums and count < bron.minimum_rijen:
            raise SeedError(
                path,
                f"{count:,} rows, but a complete file has at least {bron.minimum_rijen:,} "
                "(the minimums are listed in seed/data/SOURCES.md)",
            )
        before = serving.get(bron.code)
        if before and count < before * (1 - KRIMP) and not accept_shrink:
            raise SeedError(
                path,
                f"{count:,} rows, {1 - count / before:.0%} fewer than the {before:,} of the data "
                f"now serving; more than {KRIMP:.0%} fewer is refused unless --accept-shrink "
                "is given",
            )
        counts[bron.code] = count
    return counts


def find_field(data_dir: Path, value: str) -> tuple[Path, str, str] | None:
    """(file, line or feature, field) of the first source field that reads as ``value``."""
    for bron in bronnen.ALLE:
        path = bron.path(data_dir)
        rows: Iterator[Row]
        if path.suffix == ".geojson":
            rows = (row for row, _, _ in read_geojson_points(path, []))
        else:
            rows = read_csv(path, None, delimiter=bron.scheidingsteken)
        for row in rows:
            for field in row.values:
                if row.text(field) == value:
                    return path, row.where, field
    return None
