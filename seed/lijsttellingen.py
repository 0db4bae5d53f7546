"""The totals of the root lists, counted from the rows the seed built as ``lijsttelling`` rows
(``onderwijsgraaf.db.models.lijsttelling.tellingen``). Runs after every builder."""

from __future__ import annotations

from onderwijsgraaf.db.models import Lijsttelling
from onderwijsgraaf.db.models.lijsttelling import tellingen
from seed.dataset import Dataset


def build_lijsttellingen(dataset: Dataset) -> None:
    """Adds the ``lijsttelling`` rows of every summarised table in ``dataset``."""
    for row in tellingen(dataset.rows):
        dataset.add(Lijsttelling, **row)
