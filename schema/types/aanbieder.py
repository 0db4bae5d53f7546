"""Onderwijsaanbieder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.connection import Connection
from schema.described import described, link, listing, values
from schema.enums import Denominatie, Sector
from schema.node import Node
from schema.types.geldigheid import Geldigheid
from schema.types.groep import Onderwijsaanbiedersgroep
from schema.types.leerlingaantal import Leerlingaantal, leerlingaantal, leerlingaantallen

if TYPE_CHECKING:
    from schema.types.aanbod import AangebodenOpleidingConnection
    from schema.types.bestuur import Onderwijsbestuur
    from schema.types.code import Code
    from schema.types.contact import Communicatiecontext
    from schema.types.erkenning import Erkenning
    from schema.types.licentie import Onderwijslicentie
    from schema.types.locatie import OnderwijslocatieConnection
    from schema.types.locatiegebruik import Onderwijslocatiegebruik
    from schema.types.samenwerkingsverband import Samenwerkingsverband


@described
@strawberry.type(
    description="Onderwijsaanbieder: een school of instelling zoals zij zich presenteert (code NNNANNN). / "
    "A school or institution."
)
class Onderwijsaanbieder(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-onderwijsaanbiedercode, bv. 113A881. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    internationale_naam: str | None = strawberry.field(
        description="Internationale naam. / International name."
    )
    eigen_sleutel: str | None = strawberry.field(
        description="Eigen sleutel van de aanbieder (bij PO/VO de BRIN6). / The institution's own key."
    )
    denominatie: list[Denominatie] = strawberry.field(
        description="Richting(en). / Denomination(s)."
    )
    afstand_km: float | None = strawberry.field(
        description="Afstand in km (geodetisch, WGS84) van de dichtstbijzijnde locatie tot het "
        "middelpunt van `filter.nabij`; null buiten een nabij-zoekvraag. / Geodesic distance in "
        "km from the nearest location to the centre of the list's `nabij` filter; null elsewhere."
    )
    sectoren: list[Sector] = values(
        "Sectoren van het aanbod op de peildatum. / Sectors of its offering."
    )
    onderwijsbestuur: (
        Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None
    ) = link("Het onderwijsbestuur. / Its governing body.")
    onderwijsaanbiedersgroep: Onderwijsaanbiedersgroep | None = link(
        "De groep waartoe de aanbieder hoort. / Its group, if any."
    )
    onderwijslocaties: Annotated[
        OnderwijslocatieConnection, strawberry.lazy("schema.types.locatie")
    ] = listing("Locaties waar de aanbieder onderwijs geeft. / Where it teaches.")
    aangeboden_opleidingen: Annotated[
        AangebodenOpleidingConnection, strawberry.lazy("schema.types.aanbod")
    ] = listing("Het aanbod van de aanbieder. / Its offering.")
    erkenningen: Connection[Annotated[Erkenning, strawberry.lazy("schema.types.erkenning")]] = (
        listing("Erkenningen waarop de aanbieder rust (BRIN4). / Its recognitions.")
    )
    communicatiecontexten: Connection[
        Annotated[Communicatiecontext, strawberry.lazy("schema.types.contact")]
    ] = listing("Contactgegevens per doel. / Contact details per purpose.")
    codes: Connection[Annotated[Code, strawberry.lazy("schema.types.code")]] = listing(
        "Alle codes van dit object op de peildatum: "
        "RIO-code, BRIN4, BRIN6 (met hoofd- of nevenvestiging). "
        "/ Every code of this institution on the peildatum."
    )
    onderwijslocatiegebruiken: Connection[
        Annotated[Onderwijslocatiegebruik, strawberry.lazy("schema.types.locatiegebruik")]
    ] = listing(
        "Het gebruik van onderwijslocaties door deze aanbieder, elk met zijn eigen periode en "
        "vestigingserkenning. / Its use of locations, each with its own period."
    )
    onderwijslicenties: Connection[
        Annotated[Onderwijslicentie, strawberry.lazy("schema.types.licentie")]
    ] = listing(
        "De onderwijslicenties van de erkenningen (BRIN4) waarop de aanbieder rust, via zijn "
        "juridische relaties op de peildatum. / The teaching licences of the recognitions it "
        "rests on."
    )
    samenwerkingsverbanden: Connection[
        Annotated[Samenwerkingsverband, strawberry.lazy("schema.types.samenwerkingsverband")]
    ] = listing(
        "De samenwerkingsverbanden waaraan de aanbieder deelneemt (bv. RMC-regio). / The "
        "partnerships it takes part in."
    )
    leerlingaantallen: list[Leerlingaantal] = leerlingaantallen(
        "de som van alle tellingen van zijn vestiging (BRIN6)",
        "the sum of all counts of its vestiging (BRIN6)",
    )
    leerlingaantal: Leerlingaantal | None = leerlingaantal(
        "de som van alle tellingen van zijn vestiging (BRIN6)",
        "the sum of all counts of its vestiging (BRIN6)",
    )
