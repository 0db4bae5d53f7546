"""Onderwijsbegeleidingsaanbieder: an organisatorische eenheid giving specialist support to
teachers and pupils (RIO, code NNNTNNN), with its expertise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from schema.described import described, link
from schema.enums import _enum
from schema.node import Node
from schema.types.geldigheid import Geldigheid

if TYPE_CHECKING:
    from schema.types.bestuur import Onderwijsbestuur

    Onderwijsbegeleidingsaanbiedersexpertise = Any
else:
    # RIO LOD API v2.13.0: Onderwijsbegeleidingsaanbiedersexpertise
    Onderwijsbegeleidingsaanbiedersexpertise = _enum(
        "Onderwijsbegeleidingsaanbiedersexpertise",
        {
            "AUTISMESPECTRUMSTOORNISSEN": "Autismespectrumstoornissen",
            "COGNITIEVE_BEPERKINGEN": "Cognitieve beperkingen",
            "DOOF_MEERVOUDIG_BEPERKT": "Doof en meervoudig beperkt",
            "DOOFBLINDHEID": "Doofblindheid",
            "DOOFHEID": "Doofheid",
            "EPILEPSIE": "Epilepsie",
            "GEDRAGSPROBLEMEN": "Gedragsproblemen",
            "LANGDURIGE_ZIEKTE": "Langdurige ziekte",
            "LICHAMELIJKE_BEPERKINGEN": "Lichamelijke beperkingen",
            "MEERVOUDIGE_BEPERKINGEN": "Meervoudige beperkingen",
            "SLECHTHOREND_MEERVOUDIG_BEPERKT": "Slechthorend en meervoudig beperkt",
            "SLECHTHORENDHEID": "Slechthorendheid",
            "SOCIAALPSYCHOLOGISCHE_PROBLEMEN": "Sociaal-psychologische problemen",
            "TAALONTWIKKELINGSSTOORNISSEN": "Taalontwikkelingsstoornissen",
            "VISUEEL_MEERVOUDIG_BEPERKT": "Visueel en meervoudig beperkt",
            "VISUELE_BEPERKINGEN": "Visuele beperkingen",
        },
        "Vorm van hulp die een onderwijsbegeleidingsaanbieder biedt aan leraren en leerlingen in "
        "po en vo (RIO Onderwijsbegeleidingsaanbiedersexpertise). / Kind of specialist support.",
    )

LEEG = (
    "Geen van de DUO-open-databestanden waaruit deze graaf is gebouwd bevat "
    "onderwijsbegeleidingsaanbieders, dus deze lijst is (nog) leeg. / None of the DUO open "
    "data files this graph is built from holds them, so this list is empty (for now)."
)


@described
@strawberry.type(
    description="Onderwijsbegeleidingsaanbieder: een organisatie die leraren en leerlingen "
    "gespecialiseerde hulp biedt (code NNNTNNN). Geen van de DUO-open-databestanden waaruit deze "
    "graaf is gebouwd bevat ze; er zijn er (nog) geen. / An organisation giving specialist "
    "support to schools; none of the DUO open data files this graph is built from holds them, "
    "so there are none (yet)."
)
class Onderwijsbegeleidingsaanbieder(Node, Geldigheid):
    code: str = strawberry.field(description="RIO-code NNNTNNN. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")
    internationale_naam: str | None = strawberry.field(
        description="Internationale naam. / International name."
    )
    expertise: list[Onderwijsbegeleidingsaanbiedersexpertise] = strawberry.field(
        description="Expertise(s). / Kind(s) of support."
    )
    onderwijsbestuur: (
        Annotated[Onderwijsbestuur, strawberry.lazy("schema.types.bestuur")] | None
    ) = link("Het onderwijsbestuur. / Its governing body.")
