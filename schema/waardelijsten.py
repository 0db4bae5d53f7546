"""``waardelijsten``: every value list with its codes and labels, as data."""

from __future__ import annotations

import strawberry

from onderwijsgraaf.db import waardelijsten as wl


@strawberry.type(description="Een waarde uit een waardelijst. / A value of a value list.")
class Waarde:
    code: str = strawberry.field(description="Code zoals RIO haar schrijft (HBO-BA). / RIO code.")
    label: str = strawberry.field(description="Omschrijving. / Label.")


def _waarden(lijst: wl.Waardelijst) -> list[Waarde]:
    return [Waarde(code=code, label=label) for code, label in lijst.items()]


@strawberry.type(description="De waardelijsten van RIO die de API gebruikt. / The value lists.")
class Waardelijsten:
    sector: list[Waarde] = strawberry.field(description="Sectoren. / Sectors.")
    niveau: list[Waarde] = strawberry.field(description="Niveaucodes. / Levels.")
    onderwijsconcept: list[Waarde] = strawberry.field(description="Onderwijsconcepten. / Concepts.")
    denominatie: list[Waarde] = strawberry.field(description="Denominaties. / Denominations.")
    vorm: list[Waarde] = strawberry.field(description="Vormen (voltijd, ...). / Modes of study.")
    voertaal: list[Waarde] = strawberry.field(description="Voertalen. / Languages.")
    leertraject: list[Waarde] = strawberry.field(description="Leerwegen mbo. / MBO pathways.")
    graad: list[Waarde] = strawberry.field(description="Graden ho. / Degrees.")
    cohortstatus: list[Waarde] = strawberry.field(description="Cohortstatussen. / Intake statuses.")
    erkenningsoort: list[Waarde] = strawberry.field(
        description="Soorten erkenning. / Recognition kinds."
    )
    communicatiecontextsoort: list[Waarde] = strawberry.field(
        description="Contactdoelen. / Contact purposes."
    )


def waardelijsten() -> Waardelijsten:
    return Waardelijsten(
        sector=_waarden(wl.SECTOR),
        niveau=_waarden(wl.NIVEAUCODE),
        onderwijsconcept=_waarden(wl.ONDERWIJSCONCEPT),
        denominatie=_waarden(wl.DENOMINATIE),
        vorm=_waarden(wl.ONDERWIJSINTENSITEIT),
        voertaal=_waarden(wl.TAALCODE),
        leertraject=_waarden(wl.LEERTRAJECT_MBO),
        graad=_waarden(wl.GRAAD_HO),
        cohortstatus=_waarden(wl.COHORTSTATUS),
        erkenningsoort=_waarden(wl.ERKENNINGSOORT),
        communicatiecontextsoort=_waarden(wl.COMMUNICATIECONTEXTSOORT),
    )
