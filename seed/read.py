"""Reading the source files: header checks, and field parsers that fail with a ``SeedError``
naming file, line and field."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from seed.errors import SeedError

POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")
PC4 = re.compile(r"^[1-9][0-9]{3}$")


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

    def date(self, field: str) -> dt.date | None:
        value = self.text(field)
        if value is None:
            return None
        for fmt in ("%Y-%m-%d", "%Y%m%d"):
            try:
                return dt.datetime.strptime(value, fmt).date()
            except ValueError:
                continue
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
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self.error(field, f"{value!r} is not a number") from None
        if not minimum <= number <= maximum:
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


def read_csv(path: Path, header: list[str], *, delimiter: str = ",") -> Iterator[Row]:
    """Rows of a CSV file whose header must be exactly ``header``; line numbers are 1-based."""
    if not path.is_file():
        raise SeedError(path, "file is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        found = next(reader, None)
        if found != header:
            missing = [name for name in header if name not in (found or [])]
            detail = f"missing columns {missing}" if missing else f"columns {found}"
            raise SeedError(
                path, f"wrong header: expected {header}, found {detail}", where="line 1"
            )
        for line_number, values in enumerate(reader, start=2):
            if len(values) != len(header):
                raise SeedError(
                    path,
                    f"malformed row: {len(values)} fields, the header has {len(header)}",
                    where=f"line {line_number}",
                )
            yield Row(path, f"line {line_number}", dict(zip(header, values, strict=True)))


def read_geojson_points(path: Path, properties: list[str]) -> Iterator[tuple[Row, float, float]]:
    """(properties, lon, lat) of each Point feature; every feature must carry ``properties``."""
    if not path.is_file():
        raise SeedError(path, "file is missing")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise SeedError(
            path, f"not valid JSON: {error.msg}", where=f"line {error.lineno}"
        ) from None
    features = document.get("features") if isinstance(document, dict) else None
    if document.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise SeedError(path, "not a GeoJSON FeatureCollection")
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            raise SeedError(path, "feature has no properties", where=where)
        missing = [name for name in properties if name not in props]
        if missing:
            raise SeedError(path, f"missing properties {missing}", where=where)
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates")
        if (
            geometry.get("type") != "Point"
            or not isinstance(coordinates, list)
            or len(coordinates) < 2
        ):
            raise SeedError(
                path, "geometry is not a Point [lon, lat]", where=where, field="geometry"
            )
        row = Row(path, where, {**props, "lon": coordinates[0], "lat": coordinates[1]})
        lon = row.number("lon", minimum=3.0, maximum=7.5)
        lat = row.number("lat", minimum=50.5, maximum=53.8)
        assert lon is not None
        assert lat is not None
        yield row, lon, lat
