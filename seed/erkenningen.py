"""Instellingserkenningen (BRIN4) and vestigingserkenningen (BRIN6) from DUO's decode tables:
every code DUO ever issued, with founding and closing dates and denominatie.

Two quirks of the tables are read as follows (the corrected dates are marked derived):

- a row whose datum_opheffing lies before its datum_oprichting has its two dates in each
  other's columns: the earlier date is the oprichting, the later the opheffing. Read so, most
  such vestigingen start or end on a date of their instelling, as the other rows do (as given,
  hardly any); most of these rows (BRIN6) have DUO's placeholder 1900-01-01 for "founded before
  the records", the oprichting of 3,400 other BRIN6 rows.
- a vestiging that runs on after its instelling closed ends with it: a vestigingserkenning
  rests on its instellingserkenning, and the BRIN4 table (peildatum 2025-08-01) is newer than
  the BRIN6 table (2024-08-01), so it knows closings the BRIN6 table has not caught up with.
  A vestiging that only starts once its instelling has closed is left as DUO gives it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from onderwijsgraaf.db.models import Erkenning
from seed import bronnen
from seed.dataset import Dataset
from seed.read import PC4, Row, read_csv
from seed.waardelijsten import denominatie_codes

BRIN4_CODE = re.compile(r"^[0-9A-Z]{4}$")
VESTIGINGSNUMMER = re.compile(r"^[0-9A-Z]{2}$")
INSTELLING = "ERKENDE_ONDERWIJSINSTELLING"
VESTIGING = "ERKENDE_VESTIGING"


@dataclass(frozen=True)
class Instelling:
    """What the other builders need to know of a BRIN4 or BRIN6."""

    erkenning_id: int
    naam: str
    begindatum: dt.date | None
    einddatum: dt.date | None
    postcodecijfers: str | None
    plaatsnaam: str | None


@dataclass
class Erkenningen:
    brin4: dict[str, Instelling] = field(default_factory=dict)
    brin6: dict[str, Instelling] = field(default_factory=dict)
    # DUO's denominatie label → code, as DUO's own decode table pairs them.
    denominatie_labels: dict[str, str] = field(default_factory=dict)


def build_erkenningen(data_dir: Path, dataset: Dataset) -> Erkenningen:
    result = Erkenningen()
    header4 = [
        "instellingscode",
        "naam",
        "postcodecijfers",
        "plaats",
        "datum_oprichting",
        "datum_opheffing",
        "code_denominatie",
        "naam_denominatie",
    ]
    rows4 = sorted(
        read_csv(bronnen.BRIN4.path(data_dir), header4),
        key=lambda row: row.values["instellingscode"],
    )
    for row in rows4:
        if row.text("code_denominatie") and row.text("naam_denominatie"):
            result.denominatie_labels.setdefault(
                row.required("naam_denominatie"), row.required("code_denominatie")
            )
    for row in rows4:
        code = row.code("instellingscode", BRIN4_CODE, "a BRIN4 code (4 letters/digits)")
        if code in result.brin4:
            raise row.error("instellingscode", f"BRIN4 {code} appears twice")
        result.brin4[code] = _add(dataset, row, INSTELLING, code, None, result, bronnen.BRIN4)

    header6 = [
        "instellingscode",
        "vestigingsnummer",
        "naam",
        "postcodecijfers",
        "plaats",
        "datum_oprichting",
        "datum_opheffing",
        "code_denominatie",
        "naam_denominatie",
    ]
    rows6 = sorted(
        read_csv(bronnen.BRIN6.path(data_dir), header6),
        key=lambda row: (row.values["instellingscode"], row.values["vestigingsnummer"]),
    )
    for row in rows6:
        brin4 = row.code("instellingscode", BRIN4_CODE, "a BRIN4 code (4 letters/digits)")
        nummer = row.code("vestigingsnummer", VESTIGINGSNUMMER, "a 2-character volgnummer")
        code = brin4 + nummer
        if code in result.brin6:
            raise row.error("vestigingsnummer", f"BRIN6 {code} appears twice")
        result.brin6[code] = _add(
            dataset, row, VESTIGING, code, result.brin4.get(brin4), result, bronnen.BRIN6
        )
    return result


def _add(
    dataset: Dataset,
    row: Row,
    soort: str,
    code: str,
    instelling: Instelling | None,
    result: Erkenningen,
    bron: bronnen.Bronbestand,
) -> Instelling:
    """The erkenning of one row of a decode table; ``instelling``: the BRIN4 of a BRIN6."""
    label = row.text("naam_denominatie")
    denominatie = None
    if label:
        codes = denominatie_codes(label, result.denominatie_labels)
        if codes is None:
            raise row.error("naam_denominatie", f"unknown denominatie {label!r}")
        denominatie = ",".join(codes)
    begindatum, einddatum = row.date("datum_oprichting"), row.date("datum_opheffing")
    afgeleid: set[str] = set()
    if begindatum and einddatum and einddatum < begindatum:
        begindatum, einddatum = einddatum, begindatum
        afgeleid |= {"begindatum", "einddatum"}
    if instelling is not None and _sluit_met_instelling(begindatum, einddatum, instelling):
        einddatum = instelling.einddatum
        afgeleid.add("einddatum")
    return add_erkenning(
        dataset,
        soort,
        code,
        naam=row.text("naam") or code,
        bron=bron.code,
        parent=instelling.erkenning_id if instelling else None,
        begindatum=begindatum,
        einddatum=einddatum,
        denominatie=denominatie,
        postcodecijfers=row.matching("postcodecijfers", PC4, "4 postcode digits"),
        plaatsnaam=row.text("plaats"),
        afgeleid=sorted(afgeleid),
    )


def _sluit_met_instelling(
    begindatum: dt.date | None, einddatum: dt.date | None, instelling: Instelling
) -> bool:
    """A vestiging (``begindatum``–``einddatum``) runs on after ``instelling`` closed, having
    started before that."""
    sluit = instelling.einddatum
    return (
        sluit is not None
        and (einddatum is None or einddatum > sluit)
        and (begindatum is None or begindatum < sluit)
    )


def add_erkenning(
    dataset: Dataset,
    soort: str,
    code: str,
    *,
    naam: str,
    bron: str,
    parent: int | None = None,
    begindatum: dt.date | None = None,
    einddatum: dt.date | None = None,
    denominatie: str | None = None,
    postcodecijfers: str | None = None,
    plaatsnaam: str | None = None,
    afgeleid: Sequence[str] = (),
) -> Instelling:
    """An OCW instellings- or vestigingserkenning; erkenner and hoofd/neven are derived, and
    so are the columns named in ``afgeleid``."""
    vestiging = soort == VESTIGING
    vast = ["erkenner", "hoofd_neven_vestiging"] if vestiging else ["erkenner"]
    erkenning = dataset.add(
        Erkenning,
        soort=soort,
        code=code,
        naam=naam,
        erkenner="OCW",
        denominatie=denominatie,
        hoofd_neven_vestiging=(
            ("HOOFDVESTIGING" if code.endswith("00") else "NEVENVESTIGING") if vestiging else None
        ),
        postcodecijfers=postcodecijfers,
        plaatsnaam=plaatsnaam,
        instellingserkenning_id=parent,
        begindatum=begindatum,
        einddatum=einddatum,
        bron=bron,
        afgeleid=",".join([*vast, *afgeleid]),
    )
    return Instelling(erkenning["id"], naam, begindatum, einddatum, postcodecijfers, plaatsnaam)
