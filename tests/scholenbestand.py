"""The 2024 school file (``seed/data/duo/scholen_po_vo_so_geocoded_20241122.geojson``) as the
tests read it, independently of the seed."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from typing import Any

from tests.conftest import DATA_DIR


@cache
def scholen() -> dict[str, list[dict[str, Any]]]:
    """BRIN6 → the properties of its features in the school file, in file order."""
    path = DATA_DIR / "duo" / "scholen_po_vo_so_geocoded_20241122.geojson"
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        found[feature["properties"]["vestigingscode"]].append(feature["properties"])
    return dict(found)
