"""Build the whole database content in memory from the source files.

Everything is read and checked before anything is written, so bad input stops the seed with a
``SeedError`` while the database is untouched: first each source file as a whole
(``seed.checks``), then every value as the builders read it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from onderwijsgraaf.db.models import Bron, Gegevensversie, Onderwijsaanbieder
from seed import bronnen
from seed.checks import check_bronnen, find_field
from seed.cohorten import build_cohorten
from seed.contacten import build_private_contactpunten
from seed.crosswalk import build_crosswalk
from seed.dataset import Dataset, TooLong
from seed.erkenningen import build_erkenningen
from seed.errors import SeedError
from seed.herkomst import build_herkomsttelling
from seed.ho import build_ho
from seed.leerlingaantallen import build_leerlingaantallen
from seed.lijsttellingen import build_lijsttellingen
from seed.mbo import build_mbo
from seed.referentie import build_referentie
from seed.scholen import ScholenBuilder
from seed.zoeknamen import build_zoeknamen

Progress = Callable[[str], None]


def build_dataset(
    data_dir: Path,
    progress: Progress = lambda _: None,
    *,
    serving: Mapping[str, int] | None = None,
    accept_shrink: bool = False,
    check_minimums: bool = True,
) -> Dataset:
    """Checks every source file (``seed.checks``; ``serving``: the record count per source of
    the data now serving; ``check_minimums``: see ``check_bronnen``), then builds the whole
    content. Raises ``SeedError``."""
    progress(f"reading {len(bronnen.ALLE)} source files in {data_dir}")
    rijen = check_bronnen(
        data_dir,
        serving or {},
        accept_shrink=accept_shrink,
        check_minimums=check_minimums,
        progress=progress,
    )
    progress("building the database (MBO, cohorten and private contactpunten are derived)")
    try:
        return _build(data_dir, rijen)
    except TooLong as error:
        found = find_field(data_dir, error.value)
        if found is None:
            raise SeedError(f"{error.table}.{error.column}", str(error)) from None
        path, where, field = found
        raise SeedError(path, str(error), where=where, field=field) from None


def _build(data_dir: Path, rijen: Mapping[str, int]) -> Dataset:
    dataset = Dataset()
    ref = build_referentie(data_dir, dataset)
    erkenningen = build_erkenningen(data_dir, dataset)
    scholen = ScholenBuilder(data_dir, dataset, ref, erkenningen)
    gemeenten: dict[str, str | None] = dict(scholen.build())
    build_leerlingaantallen(scholen)
    ho_gemeenten = build_ho(data_dir, dataset, ref, erkenningen)
    ho_aanbieders = {
        row["code"]
        for row in dataset.rows[Onderwijsaanbieder.__tablename__]
        if row["bron"] == bronnen.HO.code
    }
    gemeenten.update({code: ho_gemeenten.get(code) for code in ho_aanbieders})
    gemeenten.update(build_mbo(dataset, ref, erkenningen, scholen.besturen))
    build_cohorten(dataset)
    build_private_contactpunten(dataset, gemeenten, ho_aanbieders)
    build_crosswalk(dataset)
    build_zoeknamen(dataset)
    build_herkomsttelling(dataset)
    build_lijsttellingen(dataset)
    _bronnen(data_dir, dataset, rijen)
    dataset.add(Gegevensversie, versie=dataset.digest())
    return dataset


def _bronnen(data_dir: Path, dataset: Dataset, rijen: Mapping[str, int]) -> None:
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
            rijen=rijen[bron.code],
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
