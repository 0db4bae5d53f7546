"""What name search reads (``onderwijsgraaf.db.naamzoeken``), from the names the other
builders wrote: every name of every object in its search form (``zoeknaam``) and the words of
those names with their one-letter-less variants (``zoekwoord``). Runs after every builder that
writes names."""

from __future__ import annotations

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Base,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Opleidingseenheid,
    Zoeknaam,
    Zoekwoord,
)
from onderwijsgraaf.db.naamzoeken import zoekwoord_varianten
from onderwijsgraaf.db.zoeknaam import zoekvorm
from seed.dataset import Dataset, Rij

# Per kind of object: its names, as (GraphQL field, column).
NAMEN: dict[type[Base], tuple[tuple[str, str], ...]] = {
    Onderwijsbestuur: (("naam", "naam"),),
    Onderwijsaanbieder: (("naam", "naam"), ("internationaleNaam", "internationale_naam")),
    Opleidingseenheid: (
        ("naamLang", "naam_lang"),
        ("naamKort", "naam_kort"),
        ("internationaleNaam", "internationale_naam"),
    ),
    AangebodenOpleiding: (
        ("eigenNaam", "eigen_naam"),
        ("eigenNaamEngels", "eigen_naam_engels"),
        ("eigenNaamDuits", "eigen_naam_duits"),
    ),
}


def build_zoeknamen(dataset: Dataset) -> None:
    """One ``zoeknaam`` row per distinct search form of an object's names (an aangeboden
    opleiding also has the names of its opleidingseenheid), then the ``zoekwoord`` rows of
    every word in them."""
    eenheden = {row["code"]: row for row in dataset.rows[Opleidingseenheid.__tablename__]}
    vormen: dict[str, str] = {}  # names repeat (an opleidingseenheid's, for all its aanbod)
    woorden: set[str] = set()
    for model, velden in NAMEN.items():
        for row in dataset.rows[model.__tablename__]:
            namen = _namen(row, velden)
            if model is AangebodenOpleiding:
                eenheid = eenheden[row["opleidingseenheid_code"]]
                namen += [
                    (f"opleidingseenheid.{veld}", naam)
                    for veld, naam in _namen(eenheid, NAMEN[Opleidingseenheid])
                ]
            seen: set[str] = set()
            for veld, naam in namen:
                vorm = vormen.get(naam) or vormen.setdefault(naam, zoekvorm(naam))
                if vorm and vorm not in seen:
                    seen.add(vorm)
                    woorden.update(vorm.split())
                    dataset.add(
                        Zoeknaam,
                        soort=model.__tablename__,
                        code=row["code"],
                        veld=veld,
                        zoekvorm=vorm,
                    )
    for woord in sorted(woorden):
        for variant, positie in zoekwoord_varianten(woord):
            dataset.add(Zoekwoord, variant=variant, positie=positie, woord=woord)


def _namen(row: Rij, velden: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(veld, row[column]) for veld, column in velden if row[column]]
