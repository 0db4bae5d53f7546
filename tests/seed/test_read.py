"""Field parsers name the file, the place and the field of a bad value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from seed.errors import SeedError
from seed.read import Row, read_csv, read_geojson_points


def row(**values: object) -> Row:
    return Row(Path("data/x.csv"), "line 7", values)


def test_dates_in_both_duo_formats() -> None:
    assert row(d="2024-08-01").date("d") == dt.date(2024, 8, 1)
    assert row(d="20240801").date("d") == dt.date(2024, 8, 1)
    assert row(d="").date("d") is None


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: row(d="1-8-2024").date("d"),
            "data/x.csv, line 7: field d: '1-8-2024' is not a date",
        ),
        (lambda: row(n="12a").integer("n"), "field n: '12a' is not a whole number"),
        (lambda: row(n="0").integer("n", minimum=1), "field n: 0 is outside 1..1000000000"),
        (lambda: row(p="1234 A").postcode("p"), "field p: '1234 A' is not a postcode"),
        (
            lambda: row(c="XYZ").one_of("c", frozenset({"ABC"})),
            "field c: unknown code 'XYZ'; known: ABC",
        ),
        (lambda: row(c=" ").required("c"), "field c: is empty, but every row needs it"),
    ],
)
def test_bad_values_name_file_line_and_field(call: object, message: str) -> None:
    with pytest.raises(SeedError) as raised:
        call()  # type: ignore[operator]
    assert message in str(raised.value)


def test_postcodes_are_stored_without_space() -> None:
    assert row(p="3511 AB").postcode("p") == "3511AB"


def test_csv_header_and_row_width_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("a,b\n1,2\n3\n", encoding="utf-8")
    rows = read_csv(path, ["a", "b"])
    assert next(rows).values == {"a": "1", "b": "2"}
    with pytest.raises(
        SeedError, match=r"f\.csv, line 3: malformed row: 1 fields, the header has 2"
    ):
        next(rows)
    with pytest.raises(SeedError, match=r"line 1: wrong header: .*missing columns \['c'\]"):
        next(read_csv(path, ["a", "c"]))


def test_geojson_points_must_lie_in_the_netherlands(tmp_path: Path) -> None:
    path = tmp_path / "s.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"naam": "x"},'
        ' "geometry": {"type": "Point", "coordinates": [52.1, 5.1]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(
        SeedError, match=r"s\.geojson, feature 1: field lon: 52\.1 is outside 3\.0\.\.7\.5"
    ):
        list(read_geojson_points(path, ["naam"]))


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "s.geojson"
    path.write_text('{"type":\n "FeatureCollection",,}', encoding="utf-8")
    with pytest.raises(SeedError, match=r"s\.geojson, line 2: not valid JSON"):
        list(read_geojson_points(path, []))
