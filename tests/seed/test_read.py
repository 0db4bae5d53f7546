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


def test_a_byte_that_is_not_utf8_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b'a;b;c\n1;"x;y";3\n4;"x;y";z\xe9z\n')
    with pytest.raises(SeedError) as raised:
        list(read_csv(path, ["a", "b", "c"], delimiter=";"))
    assert str(raised.value) == (
        f"{path}, line 3: field c: byte 0xE9 is not UTF-8 (source files must be UTF-8)"
    )


def test_a_byte_that_is_not_utf8_names_the_feature_and_property(tmp_path: Path) -> None:
    path = tmp_path / "s.geojson"
    path.write_bytes(
        b'{"type": "FeatureCollection", "features": [\n'
        b'{"type": "Feature", "properties": {"naam": "A"}, "geometry": null},\n'
        b'{"type": "Feature", "properties": {"naam": "B\xffB"}, "geometry": null}]}'
    )
    with pytest.raises(SeedError) as raised:
        list(read_geojson_points(path, ["naam"]))
    assert str(raised.value) == (
        f"{path}, line 3, feature 2: field naam: byte 0xFF is not UTF-8 "
        "(source files must be UTF-8)"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("x\x00y", "contains NUL (U+0000) at character 2"),
        ("x\ty", "contains a tab (U+0009) at character 2"),
        ("x\x1by", "contains a control character (U+001B) at character 2"),
        ('"x\ny"', "contains a line break (U+000A) at character 2"),
    ],
)
def test_control_characters_in_a_field_are_refused(
    tmp_path: Path, value: str, message: str
) -> None:
    path = tmp_path / "f.csv"
    path.write_text(f"a,b\n1,2\n3,{value}\n", encoding="utf-8")
    with pytest.raises(SeedError) as raised:
        list(read_csv(path, ["a", "b"]))
    assert str(raised.value).startswith(f"{path}, line 3: field b: {message}; ")


def test_a_control_character_in_a_geojson_property_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties":'
        ' {"naam": "a\\u0000b"}, "geometry": {"type": "Point", "coordinates": [5.1, 52.1]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match=r"feature 1: field naam: contains NUL \(U\+0000\)"):
        list(read_geojson_points(path, ["naam"]))


def test_the_c1_quotes_and_del_of_duo_files_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("naam\n\x92t Kompas\x7f\n", encoding="utf-8")
    assert [row.values for row in read_csv(path, ["naam"])] == [{"naam": "\x92t Kompas\x7f"}]


def test_an_empty_file_has_no_header(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"")
    with pytest.raises(SeedError, match=r"f\.csv, line 1: the header line is missing"):
        list(read_csv(path, ["a"]))


def test_a_byte_order_mark_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\n1,2\n")
    assert [row.values for row in read_csv(path, ["a", "b"])] == [{"a": "1", "b": "2"}]


def test_a_short_row_names_the_first_missing_field(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("a,b,c\n1\n", encoding="utf-8")
    with pytest.raises(
        SeedError, match=r"line 2: malformed row: 1 fields, the header has 3 \(nothing for b\)"
    ):
        list(read_csv(path, ["a", "b", "c"]))


def test_an_unclosed_quote_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('a,b\n1,2\n3,"x\n4,y\n', encoding="utf-8")
    with pytest.raises(SeedError) as raised:
        list(read_csv(path, ["a", "b"]))
    assert str(raised.value) == (
        f"{path}, line 3: field b: contains a line break (U+000A) at character 2; "
        "fields may not contain control characters (an unclosed quote?)"
    )


def test_a_missing_header_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("1,2,3,4\n5,6,7,8\n", encoding="utf-8")
    with pytest.raises(SeedError) as raised:
        list(read_csv(path, ["a", "b", "c", "d"]))
    assert str(raised.value) == (
        f"{path}, line 1: the header line is missing: line 1 names none of the 4 columns "
        "(a, b, c, …)"
    )
