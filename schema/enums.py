"""GraphQL enums for RIO's value lists. A value is RIO's code (``HBO-BA`` becomes ``HBO_BA``,
as GraphQL names allow no hyphen) and carries its label as description; ``waardelijsten``
serves the same codes and labels as data."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

import strawberry

from onderwijsgraaf.db import waardelijsten as wl
from onderwijsgraaf.graph.model import enum_value_name

# The GraphQL names of each enum's values, for error messages that list what is valid.
VALUES: dict[str, list[str]] = {}
# Each enum by its GraphQL name; calling it with a RIO code gives its value.
ENUMS: dict[str, Any] = {}


def _enum(name: str, waarden: wl.Waardelijst, description: str) -> Any:
    VALUES[name] = [enum_value_name(code) for code in waarden]
    members = {
        enum_value_name(code): strawberry.enum_value(code, description=label)
        for code, label in waarden.items()
    }
    enum = Enum(name, members)  # type: ignore[misc]  # a functional Enum of computed members
    ENUMS[name] = enum
    return strawberry.enum(enum, description=description)


if TYPE_CHECKING:  # for mypy the enums are opaque; at run time they are real enums
    Sector = Any
    Niveau = Any
    Onderwijsconcept = Any
    Denominatie = Any
    Vorm = Any
    Voertaal = Any
    Leertraject = Any
    Graad = Any
    Cohortstatus = Any
    Erkenningsoort = Any
    Communicatiecontextsoort = Any
    Sortering = Any
else:
    Sector = _enum("Sector", wl.SECTOR, "Onderwijssector. / Education sector.")
    Niveau = _enum("Niveau", wl.NIVEAUCODE, "RIO Niveaucode (HBO-BA als HBO_BA). / Level.")
    Onderwijsconcept = _enum(
        "Onderwijsconcept", wl.ONDERWIJSCONCEPT, "Pedagogisch concept. / Educational concept."
    )
    Denominatie = _enum("Denominatie", wl.DENOMINATIE, "Richting. / Denomination.")
    Vorm = _enum("Vorm", wl.ONDERWIJSINTENSITEIT, "Onderwijsvorm. / Mode of study.")
    Voertaal = _enum("Voertaal", wl.TAALCODE, "Voertaal (ISO 639-2). / Language of instruction.")
    Leertraject = _enum("Leertraject", wl.LEERTRAJECT_MBO, "Leerweg in het mbo. / MBO pathway.")
    Graad = _enum("Graad", wl.GRAAD_HO, "Graad in het hoger onderwijs. / Degree.")
    Cohortstatus = _enum("Cohortstatus", wl.COHORTSTATUS, "Status van een cohort. / Intake status.")
    Erkenningsoort = _enum(
        "Erkenningsoort", wl.ERKENNINGSOORT, "Soort erkenning. / Kind of recognition."
    )
    Communicatiecontextsoort = _enum(
        "Communicatiecontextsoort",
        wl.COMMUNICATIECONTEXTSOORT,
        "Doel van contactgegevens. / Purpose.",
    )
    Sortering = _enum(
        "Sortering",
        {
            "NAAM": "Op naam (hoofdletter- en accentongevoelig), dan code",
            "CODE": "Op RIO-code",
            "POSTCODE": "Op postcode, dan code (alleen onderwijslocaties)",
            "AFSTAND": "Op afstand tot filter.nabij, dan code (standaard bij nabij)",
            "RELEVANTIE": "Op hoe goed een naam filter.zoek treft: naam gelijk, begint ermee, "
            "bevat elk woord, met een tikfout; dan naam en code (standaard bij zoek)",
        },
        "Volgorde van een lijst. / Order of a list.",
    )


def codes(values: list[Any] | None) -> list[str] | None:
    """The RIO codes of enum values given as a filter."""
    return [value.value for value in values] if values else None
