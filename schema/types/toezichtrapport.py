"""The toezichtrapport's types: plain values, filled in one go by ``resolvers.toezichtrapport``."""

from __future__ import annotations

import datetime as dt

import strawberry

from resolvers import toezichtrapport as r


@strawberry.type(
    name="RapportOrganisatie",
    description="Code en naam van een organisatie of aangeboden opleiding zoals het register ze "
    "op de peildatum heeft (naam leeg als de code er dan niet is). / Code and name on the "
    "peildatum.",
)
class Organisatie:
    code: str = strawberry.field(description="RIO-code. / RIO code.")
    naam: str = strawberry.field(description="Naam. / Name.")


@strawberry.type(
    name="RapportLocatie",
    description="Een onderwijslocatie met haar adres. / A location with its address.",
)
class Locatie:
    code: str = strawberry.field(description="RIO-code (NNNXNNN). / RIO code.")
    adres: str = strawberry.field(
        description="Straat huisnummer, postcode plaats. / Street and number, postcode, place."
    )


@strawberry.type(
    name="RapportErkenning",
    description="Een erkenning van de aanbieder: BRIN4 (ERKENDE_ONDERWIJSINSTELLING) of BRIN6 "
    "van een locatie van het object (ERKENDE_VESTIGING). / A BRIN4 or BRIN6 code.",
)
class Erkenning:
    soort: str = strawberry.field(description="Soort code. / Kind of code.")
    code: str = strawberry.field(description="De code. / The code.")


@strawberry.type(
    name="RapportContactpunt",
    description="Het TOEZICHT-contactpunt (besloten; in het auditlog). / The private TOEZICHT "
    "contact point (audited).",
)
class Contactpunt:
    email: str | None = strawberry.field(description="E-mailadres. / Email address.")
    telefoon: str | None = strawberry.field(description="Telefoonnummer. / Phone number.")


@strawberry.type(
    name="RapportTelling",
    description="Leerlingen van een object op een teldatum (1 oktober). Bron: DUO. / Pupils of "
    "an object on 1 October.",
)
class Telling:
    teldatum: dt.date = strawberry.field(description="Teldatum (1 oktober). / Count date.")
    aantal: int = strawberry.field(description="Aantal leerlingen. / Number of pupils.")
    verschil: int | None = strawberry.field(
        description="Verschil met de teldatum een jaar eerder; null als die geen telling heeft. "
        "/ Change from one year earlier; null when that year has no count."
    )
    gemaskeerd: bool = strawberry.field(
        description="Waar als een opgeteld aantal in de bron afgerond of gemaskeerd is. / True "
        "when a summed count was rounded or masked in its source."
    )


@strawberry.type(
    name="Rapportobject",
    description="Eén object van toezicht in het toezichtrapport. / One object in the report.",
)
class Rapportobject:
    code: str = strawberry.field(description="Code van het object. / The object's code.")
    vervallen: bool = strawberry.field(
        description="Waar als een combinatie van het object op de peildatum niet in het "
        "register staat. / True when a combination is not in the register on the peildatum."
    )
    onderwijsaanbieder: Organisatie = strawberry.field(
        description="De onderwijsaanbieder. / The institution."
    )
    erkenningen: list[Erkenning] = strawberry.field(
        description="BRIN4 van de aanbieder en BRIN6 van de locaties van het object. / Its "
        "BRIN4 and BRIN6 codes."
    )
    locaties: list[Locatie] = strawberry.field(
        description="De onderwijslocaties met adres. / Its locations with address."
    )
    aanbod: list[Organisatie] = strawberry.field(
        description="De aangeboden opleidingen. / Its offerings."
    )
    toezicht_contactpunt: Contactpunt | None = strawberry.field(
        description="Het TOEZICHT-contactpunt van de aanbieder, anders van het bestuur. / The "
        "TOEZICHT contact point of the institution, else of its bestuur."
    )
    leerlingaantallen: list[Telling] = strawberry.field(
        description="Leerlingen op de teldata van het rapport, nieuwste eerst, met het verschil "
        "per jaar. / Pupils on the report's count dates, newest first, with the yearly change."
    )

    @classmethod
    def of(cls, o: r.Rapportobject) -> Rapportobject:
        return cls(
            code=o.code,
            vervallen=o.vervallen,
            onderwijsaanbieder=Organisatie(
                code=o.onderwijsaanbieder.code, naam=o.onderwijsaanbieder.naam
            ),
            erkenningen=[Erkenning(soort=e.soort, code=e.code) for e in o.erkenningen],
            locaties=[Locatie(code=loc.code, adres=loc.adres) for loc in o.locaties],
            aanbod=[Organisatie(code=a.code, naam=a.naam) for a in o.aanbod],
            toezicht_contactpunt=Contactpunt(email=o.toezicht.email, telefoon=o.toezicht.telefoon)
            if o.toezicht is not None
            else None,
            leerlingaantallen=[
                Telling(
                    teldatum=t.teldatum,
                    aantal=t.aantal,
                    verschil=t.verschil,
                    gemaskeerd=t.gemaskeerd,
                )
                for t in o.leerlingaantallen
            ],
        )


@strawberry.type(
    description="Het toezichtrapport van een onderwijsbestuur op een peildatum: elk object van "
    "toezicht met aanbieder, locaties, aanbod, erkenningen, TOEZICHT-contactpunt en "
    "leerlingaantallen. Bron: DUO (RIO, leerlingtellingen); objecten: Inspectie. / The "
    "supervision report of a governing body on a date."
)
class Toezichtrapport:
    peildatum: dt.date = strawberry.field(description="De peildatum. / The date.")
    onderwijsbestuur: Organisatie = strawberry.field(
        description="Het onderwijsbestuur. / The governing body."
    )
    voorgesteld: bool = strawberry.field(
        description="Waar als de Inspectie voor dit bestuur (of deze aanbieder) nog geen objecten "
        "heeft vastgesteld: het rapport toont dan het voorstel. / True when no objects are "
        "adopted yet: the report shows the proposal."
    )
    teldata: list[dt.date] = strawberry.field(
        description="De (hoogstens vijf) nieuwste teldata op of voor de peildatum met "
        "tellingen, nieuwste eerst. / The report's count dates, newest first."
    )
    objecten: list[Rapportobject] = strawberry.field(
        description="De objecten van toezicht, op code. / The objects, by code."
    )

    @classmethod
    def of(cls, rapport: r.Rapport) -> Toezichtrapport:
        return cls(
            peildatum=rapport.peildatum,
            onderwijsbestuur=Organisatie(
                code=rapport.onderwijsbestuur.code, naam=rapport.onderwijsbestuur.naam
            ),
            voorgesteld=rapport.voorgesteld,
            teldata=list(rapport.teldata),
            objecten=[Rapportobject.of(o) for o in rapport.objecten],
        )
