"""Build the whole database content in memory from the source files.

Everything is read and checked before anything is written, so bad input stops the seed with a
``SeedError`` while the database is untouched.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

from onderwijsgraaf.db.models import Bron, Gegevensversie, Onderwijsaanbieder
from seed import bronnen
from seed.cohorten import build_cohorten
from seed.contacten import build_private_contactpunten
from seed.dataset import Dataset
from seed.erkenningen import build_erkenningen
from seed.errors import SeedError
from seed.ho import build_ho
from seed.mbo import build_mbo
from seed.referentie import build_referentie
from seed.scholen import ScholenBuilder

Progress = Callable[[str], None]


def build_dataset(data_dir: Path, progress: Progress = lambda _: None) -> Dataset:
    for bron in bronnen.ALLE:
        if not bron.path(data_dir).is_file():
            raise SeedError(bron.path(data_dir), "file is missing")
    dataset = Dataset()
    progress("reading gemeenten and postcodes (CBS, DUO, GeoNames)")
    ref = build_referentie(data_dir, dataset)
    progress("reading BRIN4 and BRIN6 erkenningen (DUO)")
    erkenningen = build_erkenningen(data_dir, dataset)
    progress("reading PO, SO and VO school locations (DUO)")
    gemeenten: dict[str, str | None] = dict(
        ScholenBuilder(data_dir, dataset, ref, erkenningen).build()
    )
    progress("reading the HO opleidingsoverzicht (DUO)")
    ho_gemeenten = build_ho(data_dir, dataset, ref)
    ho_aanbieders = {
        row["code"]
        for row in dataset.rows[Onderwijsaanbieder.__tablename__]
        if row["bron"] == bronnen.HO.code
    }
    gemeenten.update({code: ho_gemeenten.get(code) for code in ho_aanbieders})
    progress("deriving MBO, cohorten and private contactpunten")
    gemeenten.update(build_mbo(dataset, ref, erkenningen))
    build_cohorten(dataset)
    build_private_contactpunten(dataset, gemeenten, ho_aanbieders)
    _bronnen(data_dir, dataset)
    dataset.add(Gegevensversie, versie=dataset.digest())
    return dataset


def _bronnen(data_dir: Path, dataset: Dataset) -> None:
    for bron in bronnen.ALLE:
        dataset.add(
            Bron,
            code=bron.code,
            titel=bron.titel,
            uitgever=bron.uitgever,
            licentie=bron.licentie,
            bestand=bron.bestand,
            sha256=bron.sha256(data_dir),
            peildatum=bron.peildatum,
            rijen=_records(bron.path(data_dir)),
        )
    dataset.add(
        Bron,
        code=bronnen.AFGELEID,
        titel="Afgeleid door de seed van Onderwijsgraaf (fictief "
        "waar de bron niets heeft: MBO-aanbod, cohorten, private contactpunten)",
        uitgever="Onderwijsgraaf",
        licentie="CC BY 4.0, afgeleid uit Bron: DUO",
        bestand="",
        sha256="",
        peildatum=bronnen.HO.peildatum,
        rijen=0,
    )
    dataset.rows[Bron.__tablename__].sort(key=lambda row: row["code"])


def _records(path: Path) -> int:
    if path.suffix == ".geojson":
        return len(json.loads(path.read_text(encoding="utf-8"))["features"])
    delimiter = ";" if "vestigingen" in path.name else ","
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle, delimiter=delimiter)) - 1
