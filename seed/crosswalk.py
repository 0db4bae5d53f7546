"""The code crosswalk (table ``code``), built from the rest of the graph once it is built.

Which code leads to which object, and when (``begindatum``/``einddatum`` of the tie):

- every object's own RIO code (onderwijsbestuur, -aanbieder, -locatie, opleidingseenheid,
  aangeboden opleiding), for as long as the object is valid;
- an erkenning on which a bestuur or aanbieder rests (juridische relatie): the
  bevoegd-gezagnummer of a bestuur, the BRIN4 of an aanbieder, for as long as the relatie holds;
- a vestigingserkenning (BRIN6) under which an aanbieder uses a locatie
  (onderwijslocatiegebruik): the BRIN6 leads to that aanbieder and to that locatie, with its
  hoofd- or nevenvestiging, for as long as the gebruik holds;
- an opleidingseenheid's erkende opleidingscode (CROHO), and the code it is a variant of
  (``variant_van``), for as long as the opleidingseenheid is valid;
- a bestuur's KvK-nummer and RSIN, a locatie's BAG-id, where the data has them.

An erkenning that leads to no object (a closed school's BRIN, an HO vestigingsnummer) has no
row. A code that reaches the same object twice (two gebruiken under one BRIN6) is one row, from
the earliest begindatum to the latest einddatum (open when either is). Each row keeps the
source (``bron``) of the row it comes from; ``afgeleid`` is ``*`` when that row is wholly
derived, else those of ``code`` (an own RIO code the seed derived), ``begindatum`` and
``einddatum`` that are derived there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Base,
    Code,
    Erkenning,
    JuridischeRelatie,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    Opleidingseenheid,
)
from onderwijsgraaf.db.models.code import CODESOORTEN
from seed.dataset import Dataset, Rij

# the codesoort of an erkenning's code, by the erkenning's soort
SOORT_VAN_ERKENNING = {
    "BEVOEGD_GEZAG": "BEVOEGD_GEZAG",
    "ERKENDE_ONDERWIJSINSTELLING": "ERKENDE_ONDERWIJSINSTELLING",
    "ERKENDE_VESTIGING": "ERKENDE_VESTIGING",
    "OPLEIDINGSERKENNING": "ERKENDEOPLEIDINGSCODE",
}
# the tables whose rows carry an own RIO code: (model, codesoort, object column)
EIGEN_CODES: tuple[tuple[type[Base], str, str], ...] = (
    (Onderwijsbestuur, "ONDERWIJSBESTUURCODE", "onderwijsbestuur_code"),
    (Onderwijsaanbieder, "ONDERWIJSAANBIEDERCODE", "onderwijsaanbieder_code"),
    (Onderwijslocatie, "ONDERWIJSLOCATIECODE", "onderwijslocatie_code"),
    (Opleidingseenheid, "OPLEIDINGSEENHEIDCODE", "opleidingseenheid_code"),
    (AangebodenOpleiding, "AANGEBODENOPLEIDINGCODE", "aangeboden_opleiding_code"),
)
# (soort, code, object column, object code)
Sleutel = tuple[str, str, str, str]


@dataclass
class _Koppeling:
    begindatum: dt.date | None
    einddatum: dt.date | None
    bron: str
    afgeleid: str
    erkenning: Rij | None

    def verbreed(self, begindatum: dt.date | None, einddatum: dt.date | None) -> None:
        """From the earliest begindatum to the latest einddatum; None is open."""
        if self.begindatum is not None:
            self.begindatum = None if begindatum is None else min(self.begindatum, begindatum)
        if self.einddatum is not None:
            self.einddatum = None if einddatum is None else max(self.einddatum, einddatum)


class _Crosswalk:
    def __init__(self) -> None:
        self.rows: dict[Sleutel, _Koppeling] = {}

    def add(
        self,
        soort: str,
        code: str,
        column: str,
        key: str,
        tie: Rij,
        *,
        erkenning: Rij | None = None,
        eigen: bool = False,
    ) -> None:
        """``code`` of ``soort`` leads to the object ``key`` (in ``column``) while ``tie``
        (the object itself or the row that ties the code to it) is valid."""
        if soort not in CODESOORTEN:
            raise ValueError(f"unknown codesoort {soort!r}")
        sleutel = (soort, code, column, key)
        found = self.rows.get(sleutel)
        if found is not None:
            found.verbreed(tie["begindatum"], tie["einddatum"])
            return
        self.rows[sleutel] = _Koppeling(
            tie["begindatum"], tie["einddatum"], tie["bron"], _afgeleid(tie, eigen), erkenning
        )

    def write(self, dataset: Dataset) -> None:
        for (soort, code, column, key), row in sorted(self.rows.items(), key=lambda r: r[0]):
            erkenning = row.erkenning
            dataset.add(
                Code,
                soort=soort,
                code=code,
                hoofd_neven_vestiging=erkenning["hoofd_neven_vestiging"] if erkenning else None,
                erkenning_id=erkenning["id"] if erkenning else None,
                **{column: key},
                begindatum=row.begindatum,
                einddatum=row.einddatum,
                bron=row.bron,
                afgeleid=row.afgeleid,
            )


def _afgeleid(tie: Rij, eigen: bool) -> str:
    if tie["afgeleid"] == "*":
        return "*"
    derived = set(tie["afgeleid"].split(","))
    fields = ["code", "begindatum", "einddatum"] if eigen else ["begindatum", "einddatum"]
    return ",".join(f for f in fields if f in derived)


def build_crosswalk(dataset: Dataset) -> None:
    """Adds the ``code`` rows of everything in ``dataset``; call it after every builder of
    objects, erkenningen and their ties."""
    crosswalk = _Crosswalk()
    rows = dataset.rows
    erkenningen = {row["id"]: row for row in rows[Erkenning.__tablename__]}
    opleidingserkenningen = {
        row["code"]: row for row in erkenningen.values() if row["soort"] == "OPLEIDINGSERKENNING"
    }

    for model, soort, column in EIGEN_CODES:
        for row in rows[model.__tablename__]:
            crosswalk.add(soort, row["code"], column, row["code"], row, eigen=True)

    for relatie in rows[JuridischeRelatie.__tablename__]:
        erkenning = erkenningen[relatie["erkenning_id"]]
        bestuur = relatie["onderwijsbestuur_code"]
        column = "onderwijsbestuur_code" if bestuur else "onderwijsaanbieder_code"
        soort = SOORT_VAN_ERKENNING[erkenning["soort"]]
        crosswalk.add(
            soort, erkenning["code"], column, relatie[column], relatie, erkenning=erkenning
        )

    for bestuur in rows[Onderwijsbestuur.__tablename__]:
        for soort, value in (("KVKNUMMER", bestuur["kvk_nummer"]), ("RSIN", bestuur["rsin"])):
            if value:
                crosswalk.add(soort, value, "onderwijsbestuur_code", bestuur["code"], bestuur)

    for gebruik in rows[Onderwijslocatiegebruik.__tablename__]:
        if gebruik["vestigingserkenning_id"] is None:
            continue
        erkenning = erkenningen[gebruik["vestigingserkenning_id"]]
        soort = SOORT_VAN_ERKENNING[erkenning["soort"]]
        for column in ("onderwijsaanbieder_code", "onderwijslocatie_code"):
            crosswalk.add(
                soort, erkenning["code"], column, gebruik[column], gebruik, erkenning=erkenning
            )

    for locatie in rows[Onderwijslocatie.__tablename__]:
        if locatie["bag_id"]:
            crosswalk.add(
                "BAG_ID", locatie["bag_id"], "onderwijslocatie_code", locatie["code"], locatie
            )

    for eenheid in rows[Opleidingseenheid.__tablename__]:
        for soort, value in (
            ("ERKENDEOPLEIDINGSCODE", eenheid["erkende_opleidingscode"]),
            ("VARIANT_VAN", eenheid["variant_van"]),
        ):
            if value:
                column, key = "opleidingseenheid_code", eenheid["code"]
                opleiding = opleidingserkenningen.get(value)
                crosswalk.add(soort, value, column, key, eenheid, erkenning=opleiding)

    crosswalk.write(dataset)
