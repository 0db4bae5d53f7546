"""The one error the seed raises for bad input: it names the file, the place and the field."""

from __future__ import annotations

from pathlib import Path


class SeedError(Exception):
    """Bad or missing input. ``where`` is ``line N`` for CSV files and ``feature N`` for GeoJSON."""

    def __init__(
        self, path: Path | str, message: str, *, where: str | None = None, field: str | None = None
    ) -> None:
        self.path = str(path)
        self.where = where
        self.field = field
        self.message = message
        location = ", ".join(part for part in (self.path, where) if part)
        subject = f"field {field}: " if field else ""
        super().__init__(f"{location}: {subject}{message}")
