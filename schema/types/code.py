"""Code: one identifier of an object (RIO code, BRIN4, BRIN6, bevoegd-gezagnummer, CROHO, KvK,
RSIN, BAG-id) with the object it leads to; the crosswalk behind ``Query.codes`` and every
object's ``codes``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from onderwijsgraaf.db.models.code import CODESOORTEN
from schema.described import described, link
from schema.enums import _enum
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.aanbieder import Onderwijsaanbieder
    from schema.types.aanbod import AangebodenOpleiding
    from schema.types.bestuur import Onderwijsbestuur
    from schema.types.erkenning import Erkenning
    from schema.types.locatie import Onderwijslocatie
    from schema.types.opleidingseenheid import Opleidingseenheid

    Codesoort = Any
else:
    Codesoort = _enum("Codesoort", CODESOORTEN, "Soort code. / Kind of code.")


@described
@strawberry.type(
    description="Een code die naar een object leidt, met de periode waarin zij dat doet: de "
    "eigen RIO-code, een BRIN4 of BRIN6 (erkenning), een bevoegd-gezagnummer, een erkende "
    "opleidingscode (CROHO/CREBO, ook als variantVan), een KvK-nummer, RSIN of BAG-id. Precies "
    "één van onderwijsbestuur, onderwijsaanbieder, onderwijslocatie, opleidingseenheid en "
    "aangebodenOpleiding is gevuld (null als het object op de peildatum niet geldt). / A code "
    "that leads to an object, with the period in which it does; exactly one of the object "
    "fields is set (null when the object is not valid on the peildatum)."
)
class Code(Geldigheid):
    soort: Codesoort = strawberry.field(description="Soort code. / Kind of code.")
    code: str = strawberry.field(
        description="De code zoals de bron haar schrijft (31EW01, 34116, 100B490). / The code."
    )
    hoofd_neven_vestiging: str | None = strawberry.field(
        description="Bij een BRIN6: HOOFDVESTIGING of NEVENVESTIGING. / For a BRIN6: main or "
        "branch."
    )
    erkenning: Annotated[Erkenning, strawberry.lazy("schema.types.erkenning")] | None = link(
        "De erkenning waarvan dit de code is (BRIN4, BRIN6, bevoegd gezag, CROHO). / The "
        "recognition this is the code of."
    )
    onderwijsbestuur: (
        Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None
    ) = link("Het onderwijsbestuur met deze code. / The governing body.")
    onderwijsaanbieder: (
        Annotated[Onderwijsaanbieder, strawberry.lazy("schema.types.aanbieder")] | None
    ) = link("De onderwijsaanbieder met deze code. / The institution.")
    onderwijslocatie: (
        Annotated[Onderwijslocatie, strawberry.lazy("schema.types.locatie")] | None
    ) = link("De onderwijslocatie met deze code. / The location.")
    opleidingseenheid: (
        Annotated[Opleidingseenheid, strawberry.lazy("schema.types.opleidingseenheid")] | None
    ) = link("De opleidingseenheid met deze code. / The programme.")
    aangeboden_opleiding: (
        Annotated[AangebodenOpleiding, strawberry.lazy("schema.types.aanbod")] | None
    ) = link("De aangeboden opleiding met deze code. / The offering.")
