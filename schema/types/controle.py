"""Controle: findings of the controle rules on a bestuur's RIO data, and the national overview."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum

import strawberry

from resolvers.controle.regel import Bevinding as Finding
from resolvers.controle.uitvoeren import Telling
from schema.connection import Connection


@strawberry.enum(description="Hoe ernstig een bevinding is. / How serious a finding is.")
class Ernst(Enum):
    FOUT = strawberry.enum_value(
        "FOUT", description="RIO zou dit weigeren; herstel het. / RIO would refuse this: fix it."
    )
    WAARSCHUWING = strawberry.enum_value(
        "WAARSCHUWING",
        description="Waarschijnlijk onjuist; kijk het na. / Probably wrong: check it.",
    )
    INFO = strawberry.enum_value("INFO", description="Ter informatie. / For information.")


@strawberry.type(
    description="Eén bevinding van een controleregel op één object. / One finding of a "
    "controle rule on one object."
)
class Bevinding:
    regel: str = strawberry.field(description="De regel, bv. C02. / The rule id, e.g. C02.")
    ernst: Ernst = strawberry.field(description="Ernst. / Severity.")
    objecttype: str = strawberry.field(
        description="RIO-type van het object, bv. Onderwijsaanbieder, Onderwijslocatiegebruik. / "
        "The RIO type of the object."
    )
    objectcode: str = strawberry.field(
        description="RIO-code van het object; een onderwijslocatiegebruik: "
        "<aanbiedercode>/<locatiecode>; een cohort: <aanbodcode>/<cohortcode>. / The object's "
        "RIO code (gebruik: aanbieder/locatie; cohort: aanbod/cohort)."
    )
    onderwijsbestuur_code: str = strawberry.field(
        description="Het onderwijsbestuur van het object. / The object's onderwijsbestuur."
    )
    melding: str = strawberry.field(
        description="Wat er mis is en hoe te herstellen (Nederlands). / What is wrong and how "
        "to fix it, in Dutch."
    )
    message: str = strawberry.field(
        description="Wat er mis is en hoe te herstellen (Engels). / What is wrong and how to "
        "fix it, in English."
    )
    rio_basis: list[str] = strawberry.field(
        description="RIO-foutcodes of -regels waarop de regel rust. / The RIO fout codes or "
        "rules the rule rests on."
    )
    peildatum: dt.date = strawberry.field(
        description="De datum waarop is gecontroleerd. / The date checked."
    )

    @classmethod
    def of(cls, b: Finding) -> Bevinding:
        return cls(
            regel=b.regel.id,
            ernst=Ernst(b.regel.ernst),
            objecttype=b.objecttype,
            objectcode=b.objectcode,
            onderwijsbestuur_code=b.onderwijsbestuur_code,
            melding=b.melding,
            message=b.message,
            rio_basis=list(b.regel.rio_basis),
            peildatum=b.peildatum,
        )


@strawberry.type(
    description="Het aantal bevindingen van één regel. / The number of findings of one rule."
)
class RegelAantal:
    regel: str = strawberry.field(description="De regel. / The rule id.")
    ernst: Ernst = strawberry.field(description="Ernst. / Severity.")
    aantal: int = strawberry.field(description="Aantal bevindingen. / Number of findings.")


@strawberry.type(
    description="Bevindingen van de controle van één bestuur, met een samenvatting per regel. / "
    "Findings of the controle of one bestuur, with a summary per rule."
)
class BevindingConnection(Connection[Bevinding]):
    tellingen: strawberry.Private[list[RegelAantal]] = dataclasses.field(default_factory=list)

    @strawberry.field(
        description="Per gevraagde regel het aantal bevindingen (ook 0), over de hele lijst. / "
        "Per rule asked, the number of findings (0 too), over the whole list."
    )
    def samenvatting(self) -> list[RegelAantal]:
        return self.tellingen


@strawberry.type(
    description="Eén regel in het landelijk overzicht. / One rule in the national overview."
)
class ControleRegel:
    regel: str = strawberry.field(description="De regel, bv. C02. / The rule id.")
    ernst: Ernst = strawberry.field(description="Ernst. / Severity.")
    rio_basis: list[str] = strawberry.field(
        description="RIO-foutcodes of -regels. / RIO fout codes or rules."
    )
    aantal_bevindingen: int = strawberry.field(
        description="Aantal bevindingen in het hele land. / Findings in the whole country."
    )
    aantal_besturen: int = strawberry.field(
        description="Aantal besturen met minstens één bevinding. / Besturen with at least one."
    )

    @classmethod
    def of(cls, t: Telling) -> ControleRegel:
        return cls(
            regel=t.regel.id,
            ernst=Ernst(t.regel.ernst),
            rio_basis=list(t.regel.rio_basis),
            aantal_bevindingen=t.aantal,
            aantal_besturen=t.besturen,
        )
