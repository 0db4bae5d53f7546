"""Reading the source files: decoding, structure and field parsers, each failing with a
``SeedError`` that names file, line and field.

What every source file must be, whatever it holds:

- UTF-8 (a leading byte order mark is allowed). A byte that is not UTF-8 is reported with its
  line and, where it can be placed, its field.
- free of control characters (U+0000–U+001F: NUL, tab, line breaks, …) in every field, so a
  value is the same text on SQLite and PostgreSQL (PostgreSQL refuses NUL). DEL and the C1
  range are left alone: DUO's decode tables carry U+0091/U+0092 as quotes.
- CSV: a header line, and as many fields on every line as the header has.
- GeoJSON: a FeatureCollection of Point features with their properties.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from seed.errors import SeedError

POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")
DATE = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{8})$")  # YYYY-MM-DD or YYYYMMDD
PC4 = re.compile(r"^[1-9][0-9]{3}$")
CONTROL = re.compile(r"[\x00-\x1f]")
CONTROL_NAMES = {"\x00": "NUL", "\t": "a tab", "\n": "a line break", "\r": "a carriage return"}
BOM = "\ufeff"


class Row:
    """One record of a source file, with typed accessors that report where a value is bad."""

    def __init__(self, path: Path, where: str, values: Mapping[str, Any]) -> None:
        self.path = path
        self.where = where
        self.values = values

    def error(self, field: str, message: str) -> SeedError:
        return SeedError(self.path, message, where=self.where, field=field)

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = self.values.get(field)
        text = str(value).strip() if value is not None else ""
        if not text:
            if required:
                raise self.error(field, "is empty, but every row needs it")
            return None
        return text

    def required(self, field: str) -> str:
        value = self.text(field, required=True)
        assert value is not None  # text() raised otherwise
        return value

    def matching(self, field: str, pattern: re.Pattern[str], expected: str) -> str | None:
        value = self.text(field)
        if value is not None and not pattern.match(value):
            raise self.error(field, f"{value!r} is not {expected}")
        return value

    def code(self, field: str, pattern: re.Pattern[str], expected: str) -> str:
        """A value every row must have, matching ``pattern``."""
        value = self.matching(field, pattern, expected)
        if value is None:
            raise self.error(field, "is empty, but every row needs it")
        return value

    def date(self, field: str) -> dt.date | None:
        value = self.text(field)
        if value is None:
            return None
        if DATE.match(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(field, f"{value!r} is not a date (expected YYYY-MM-DD or YYYYMMDD)")

    def integer(self, field: str, *, minimum: int = 0, maximum: int = 10**9) -> int | None:
        value = self.text(field)
        if value is None:
            return None
        try:
            number = int(value)
        except ValueError:
            raise self.error(field, f"{value!r} is not a whole number") from None
        if not minimum <= number <= maximum:
            raise self.error(field, f"{number} is outside {minimum}..{maximum}")
        return number

    def number(self, field: str, *, minimum: float, maximum: float) -> float | None:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise self.error(field, f"{value!r} is not a number")
        try:
            number = float(value)
        except ValueError:
            raise self.error(field, f"{value!r} is not a number") from None
        if not minimum <= number <= maximum:  # also refuses nan
            raise self.error(field, f"{number} is outside {minimum}..{maximum}")
        return number

    def one_of(self, field: str, allowed: Mapping[str, Any] | frozenset[str]) -> str | None:
        value = self.text(field)
        if value is not None and value not in allowed:
            raise self.error(field, f"unknown code {value!r}; known: {', '.join(sorted(allowed))}")
        return value

    def postcode(self, field: str) -> str | None:
        value = self.matching(field, POSTCODE, "a postcode (4 digits and 2 capitals, 1234AB)")
        return value.replace(" ", "") if value else None


def read_csv(path: Path, header: list[str] | None, *, delimiter: str = ",") -> Iterator[Row]:
    """Rows of a CSV file whose header must be exactly ``header`` (``None``: any header; only
    the structure is checked). Line numbers are 1-based; the header is line 1."""
    text = read_text(path, delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        found = next(reader, None)
    except csv.Error as error:
        raise SeedError(path, f"not valid CSV: {error}", where="line 1") from None
    if not found:
        raise SeedError(path, "the header line is missing (the file is empty)", where="line 1")
    if header is None:
        header = found
    elif not set(found) & set(header):
        shown = ", ".join(header[:3]) + (", …" if len(header) > 3 else "")
        raise SeedError(
            path,
            f"the header line is missing: line 1 names none of the {len(header)} columns ({shown})",
            where="line 1",
        )
    elif found != header:
        missing = [name for name in header if name not in found]
        detail = f"missing columns {missing}" if missing else f"columns {found}"
        raise SeedError(path, f"wrong header: expected {header}, found {detail}", where="line 1")
    _no_control_characters(path, "line 1", dict(zip(header, header, strict=True)))
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader, None)
        except csv.Error as error:
            raise SeedError(path, f"not valid CSV: {error}", where=f"line {line}") from None
        if values is None:
            return
        where = f"line {line}"
        if len(values) != len(header):
            raise SeedError(path, _width_message(values, header), where=where)
        row = dict(zip(header, values, strict=True))
        _no_control_characters(path, where, row)
        yield Row(path, where, row)
        line = reader.line_num + 1


def _width_message(values: list[str], header: list[str]) -> str:
    count = f"malformed row: {len(values)} fields, the header has {len(header)}"
    if len(values) < len(header):
        return f"{count} (nothing for {header[len(values)]})"
    return f"{count} (a value after {header[-1]}: {values[len(header)]!r})"


def _no_control_characters(path: Path, where: str, values: Mapping[str, object]) -> None:
    """Refuses a control character in any text value, naming the field."""
    if not CONTROL.search("".join(v for v in values.values() if isinstance(v, str))):
        return
    for field, value in values.items():
        found = CONTROL.search(value) if isinstance(value, str) else None
        if found:
            char = found.group()
            name = CONTROL_NAMES.get(char, "a control character")
            hint = " (an unclosed quote?)" if char in "\r\n" else ""
            raise SeedError(
                path,
                f"contains {name} (U+{ord(char):04X}) at character {found.start() + 1}; "
                f"fields may not contain control characters{hint}",
                where=where,
                field=field,
            )


def read_text(path: Path, delimiter: str | None = None) -> str:
    """The text of a UTF-8 source file. ``delimiter``: the file is CSV with this delimiter, so
    a byte that is not UTF-8 can be placed in its field; ``None``: GeoJSON."""
    if not path.is_file():
        raise SeedError(path, "file is missing")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot be read: {error.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(path, data, error, delimiter) from None
    return text.removeprefix(BOM)


def _not_utf8(
    path: Path, data: bytes, error: UnicodeDecodeError, delimiter: str | None
) -> SeedError:
    line = data.count(b"\n", 0, error.start) + 1
    message = f"byte 0x{data[error.start]:02X} is not UTF-8 (source files must be UTF-8)"
    if delimiter is None:
        return _not_utf8_in_geojson(path, data, message, line)
    start = data.rfind(b"\n", 0, error.start) + 1
    before = data[start : error.start].decode("utf-8", errors="replace")
    column = len(next(csv.reader([before], delimiter=delimiter), [""])) - 1
    first = data[: data.find(b"\n")] if b"\n" in data else data
    header = next(csv.reader([first.decode("utf-8", errors="replace")], delimiter=delimiter), [])
    field = header[column] if line > 1 and column < len(header) else None
    return SeedError(path, message, where=f"line {line}", field=field)


def _not_utf8_in_geojson(path: Path, data: bytes, message: str, line: int) -> SeedError:
    """Names the feature and property of the bad byte when the rest of the file is valid."""
    try:
        document = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        document = None
    features = document.get("features") if isinstance(document, dict) else None
    for number, feature in enumerate(features if isinstance(features, list) else [], start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        for field, value in props.items() if isinstance(props, dict) else []:
            if isinstance(value, str) and "\ufffd" in value:
                return SeedError(path, message, where=f"line {line}, feature {number}", field=field)
    return SeedError(path, message, where=f"line {line}")


def read_geojson_points(path: Path, properties: list[str]) -> Iterator[tuple[Row, float, float]]:
    """(properties, lon, lat) of each Point feature; every feature must carry ``properties``."""
    try:
        document = json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise SeedError(
            path, f"not valid JSON: {error.msg}", where=f"line {error.lineno}"
        ) from None
    features = document.get("features") if isinstance(document, dict) else None
    if (
        not isinstance(document, dict)
        or document.get("type") != "FeatureCollection"
        or not isinstance(features, list)
    ):
        raise SeedError(path, "not a GeoJSON FeatureCollection")
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise SeedError(path, "feature has no properties", where=where)
        missing = [name for name in properties if name not in props]
        if missing:
            raise SeedError(path, f"missing properties {missing}", where=where)
        _no_control_characters(path, where, props)
        geometry = feature.get("geometry")
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if (
            not isinstance(geometry, dict)
            or geometry.get("type") != "Point"
            or not isinstance(coordinates, list)
            or len(coordinates) < 2
        ):
            raise SeedError(
                path, "geometry is not a Point [lon, lat]", where=where, field="geometry"
            )
        row = Row(path, where, {**props, "lon": coordinates[0], "lat": coordinates[1]})
        lon = row.number("lon", minimum=3.0, maximum=7.5)
        lat = row.number("lat", minimum=50.5, maximum=53.8)
        if lon is None or lat is None:
            raise SeedError(path, "a Point needs [lon, lat]", where=where, field="geometry")
        yield row, lon, lat
