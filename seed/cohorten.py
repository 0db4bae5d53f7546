"""Cohorten, derived: the files give an offering's first (and sometimes last) intake date, not
its intakes, so the seed derives one cohort a year for HO and MBO offerings.

An offering gets a cohort for each academic year from its first intake (at the earliest the
2025 intake) up to the 2027 intake, on the day and month of its first intake (1 September when
none is known), as long as that date is within its laatste instroomdatum and before its
einddatum. Aanmelden opens 11 months before the intake and closes 4 months before it (1 May for
a September intake, the Studielink date); the status is O (open) unless aanmelden had closed on
the peildatum of the HO file.
"""

from __future__ import annotations

import datetime as dt

from onderwijsgraaf.db.models import AangebodenOpleiding, Cohort
from seed import bronnen
from seed.dataset import Dataset

EERSTE_JAAR = 2025
LAATSTE_JAAR = 2027
SECTOREN = ("HO", "MBO")


def build_cohorten(dataset: Dataset) -> None:
    peildatum = bronnen.HO.peildatum
    for aanbod in dataset.rows[AangebodenOpleiding.__tablename__]:
        if aanbod["sector"] not in SECTOREN:
            continue
        eerste = aanbod["eerste_instroomdatum"] or aanbod["begindatum"]
        maand, dag = (eerste.month, eerste.day) if aanbod["eerste_instroomdatum"] else (9, 1)
        start = max(EERSTE_JAAR, eerste.year if eerste else EERSTE_JAAR)
        for jaar in range(start, LAATSTE_JAAR + 1):
            instroom = dt.date(jaar, maand, min(dag, 28))
            if not _past(instroom, aanbod):
                continue
            einde_aanmelden = _months_before(instroom, 4)
            dataset.add(
                Cohort,
                aangeboden_opleiding_code=aanbod["code"],
                code=f"{jaar}-{maand:02d}",
                status="G" if einde_aanmelden < peildatum else "O",
                begin_aanmeldperiode=_months_before(instroom, 11),
                einde_aanmeldperiode=einde_aanmelden,
                instroommoment=instroom,
                toestemming_vereist="NEE",
                begindatum=_months_before(instroom, 11),
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )


def _past(instroom: dt.date, aanbod: dict[str, dt.date | None]) -> bool:
    eerste, laatste, einde = (
        aanbod["eerste_instroomdatum"],
        aanbod["laatste_instroomdatum"],
        aanbod["einddatum"],
    )
    return (
        (eerste is None or instroom >= eerste)
        and (laatste is None or instroom <= laatste)
        and (einde is None or instroom < einde)
    )


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, min(day.day, 28))
