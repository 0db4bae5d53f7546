"""The totals of the root lists, counted from the rows the seed built as ``lijsttelling`` rows
(``onderwijsgraaf.db.models.lijsttelling``): per table of ``SAMENGEVAT`` and validity period,
the rows unfiltered and per value of each summarised column (NULL values uncounted). Runs after
every builder; the rows are sorted by primary key."""

from __future__ import annotations

from collections import Counter

from onderwijsgraaf.db.models import Lijsttelling
from onderwijsgraaf.db.models.lijsttelling import ONGEFILTERD, SAMENGEVAT, periode
from seed.dataset import Dataset


def build_lijsttellingen(dataset: Dataset) -> None:
    """Adds the ``lijsttelling`` rows of every table of ``SAMENGEVAT`` in ``dataset``."""
    telling: Counter[tuple[str, str, str, object, object]] = Counter()
    for tabel, kolommen in SAMENGEVAT.items():
        for row in dataset.rows[tabel]:
            dagen = periode(row["begindatum"], row["einddatum"])
            if dagen is None:
                continue
            telling[(tabel, ONGEFILTERD, ONGEFILTERD, *dagen)] += 1
            for kolom in kolommen:
                if row[kolom] is not None:
                    telling[(tabel, kolom, row[kolom], *dagen)] += 1
    for (tabel, kolom, waarde, begindatum, laatste_dag), aantal in sorted(telling.items()):
        dataset.add(
            Lijsttelling,
            tabel=tabel,
            kolom=kolom,
            waarde=waarde,
            begindatum=begindatum,
            laatste_dag=laatste_dag,
            aantal=aantal,
        )
