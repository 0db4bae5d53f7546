"""Filter inputs of the root lists. All set filters must hold (AND); a list means any of (OR)."""

from __future__ import annotations

import datetime as dt

import strawberry

from onderwijsgraaf.db.gebieden import Gebieden
from onderwijsgraaf.geo import Bbox
from resolvers.aanbieders import AanbiederFilter
from resolvers.aanbod import AanbodFilter
from resolvers.besturen import BestuurFilter
from resolvers.locaties import LocatieFilter
from resolvers.nabij import Nabij
from resolvers.opleidingseenheden import OpleidingseenheidFilter as EenheidFilter
from schema.enums import Denominatie, Niveau, Onderwijsconcept, Sector, Voertaal, Vorm, codes
from schema.limits import MAX_ZOEK_WORDS

WORDS = f"Hoogstens {MAX_ZOEK_WORDS} woorden. / At most {MAX_ZOEK_WORDS} words."
ZOEK = (
    "Woorden in een van de namen, in elke volgorde; hoofdletters, accenten, apostrofs, "
    "leestekens en St./Sint tellen niet, een tikfout in een woord van 5 letters of meer mag; "
    "standaardvolgorde RELEVANTIE. / Words in any of the names, in any order; case, accents, "
    "apostrophes, punctuation and St./Sint do not matter, one typo in a word of 5 letters or "
    f"more is allowed; ordered by RELEVANTIE unless orderBy says otherwise. {WORDS}"
)
GEMEENTE = (
    "Gemeente(n) van de locatie: CBS-code (0307, 307, GM0307) of naam (Amersfoort; hoofdletters, "
    "accenten, apostrofs en koppeltekens tellen niet); onbekend: BAD_USER_INPUT met de "
    "dichtstbijzijnde. / Municipality: CBS code or name; an unknown one is an error naming the "
    "nearest."
)
PROVINCIE = (
    "Provincie(s) van de locatie: naam (Utrecht), CBS-code (26, PV26) of ISO 3166-2:NL-code "
    "(UT, NL-UT); onbekend: BAD_USER_INPUT met de dichtstbijzijnde. / Province: name, CBS code or "
    "ISO 3166-2:NL code; an unknown one is an error naming the nearest."
)
POSTCODE = "Postcode of begin ervan: 3511 of 3511AB. / Postcode prefix."
PLAATS = "Plaatsnaam (hoofdletterongevoelig). / Place name."
SECTOR = "Sector(en) van het aanbod. / Sector(s)."
CONCEPT = "Onderwijsconcept(en). / Educational concept(s)."
DENOMINATIE = "Richting(en). / Denomination(s)."
BESTUUR = "Alleen onder dit onderwijsbestuur (NNNBNNN). / Only under this governing body."
AANBIEDER = "Alleen van deze onderwijsaanbieder (NNNANNN). / Only of this institution."
ERKENNINGSCODE = (
    "BRIN4 (instellingscode, 31EW) of BRIN6 (vestigingscode, 31EW01) op de peildatum; andere "
    "codes: codes(code:). / BRIN4 or BRIN6 code(s) on the peildatum."
)
ERKENDE_OPLEIDINGSCODE = (
    "CROHO/CREBO-code(s); ook de varianten van die opleidingen (variantVan). / Recognised "
    "programme code(s), including the variants of those programmes."
)

NABIJ = (
    "Binnen een straal rond een postcode of punt; sorteert standaard op afstand. / Within a radius."
)
BBOX = "Binnen een kaartvenster (WGS84). / Inside a map viewport."


@strawberry.input(description="Een punt in WGS84. / A point in WGS84.")
class PuntInput:
    lat: float = strawberry.field(description="Breedtegraad. / Latitude.")
    lon: float = strawberry.field(description="Lengtegraad. / Longitude.")


@strawberry.input(
    description="Zoeken in een straal: geef postcode óf punt, en straalKm (hoogstens 100). "
    "Een volledige postcode telt vanaf het midden van haar PC4-gebied. / Radius search."
)
class NabijFilter:
    postcode: str | None = strawberry.field(
        default=None, description="Postcode (3511 of 3511AB). / Postcode (PC4 or full)."
    )
    punt: PuntInput | None = strawberry.field(default=None, description="Punt. / Point.")
    straal_km: float = strawberry.field(
        description="Straal in km (meer dan 0, hoogstens 100). / Radius in km (0 < r ≤ 100)."
    )

    def to_filter(self) -> Nabij:
        punt = (self.punt.lat, self.punt.lon) if self.punt is not None else None
        return Nabij(straal_km=self.straal_km, postcode=self.postcode, punt=punt)


@strawberry.input(
    description="Een kaartvenster in OGC-volgorde: west, zuid, oost, noord (WGS84). / "
    "A bounding box: west, south, east, north."
)
class BboxFilter:
    min_lon: float = strawberry.field(description="Westgrens (lengtegraad). / West.")
    min_lat: float = strawberry.field(description="Zuidgrens (breedtegraad). / South.")
    max_lon: float = strawberry.field(description="Oostgrens (lengtegraad). / East.")
    max_lat: float = strawberry.field(description="Noordgrens (breedtegraad). / North.")

    def to_filter(self) -> Bbox:
        return Bbox.checked(self.min_lon, self.min_lat, self.max_lon, self.max_lat)


def _nabij(value: NabijFilter | None) -> Nabij | None:
    return value.to_filter() if value is not None else None


def _bbox(value: BboxFilter | None) -> Bbox | None:
    return value.to_filter() if value is not None else None


@strawberry.input(description="Filter op onderwijsbesturen. / Filter on governing bodies.")
class OnderwijsbestuurFilter:
    zoek: str | None = strawberry.field(default=None, description=ZOEK)

    def to_filter(self, gebieden: Gebieden | None = None) -> BestuurFilter:
        return BestuurFilter(zoek=self.zoek)


@strawberry.input(description="Filter op onderwijsaanbieders. / Filter on institutions.")
class OnderwijsaanbiederFilter:
    zoek: str | None = strawberry.field(default=None, description=ZOEK)
    gemeentecode: list[str] | None = strawberry.field(default=None, description=GEMEENTE)
    provincie: list[str] | None = strawberry.field(default=None, description=PROVINCIE)
    nabij: NabijFilter | None = strawberry.field(default=None, description=NABIJ)
    bbox: BboxFilter | None = strawberry.field(default=None, description=BBOX)
    sector: list[Sector] | None = strawberry.field(default=None, description=SECTOR)
    onderwijsconcept: list[Onderwijsconcept] | None = strawberry.field(
        default=None, description=CONCEPT
    )
    denominatie: list[Denominatie] | None = strawberry.field(default=None, description=DENOMINATIE)
    onderwijsbestuur_code: str | None = strawberry.field(default=None, description=BESTUUR)
    erkenningscode: list[str] | None = strawberry.field(default=None, description=ERKENNINGSCODE)

    def to_filter(self, gebieden: Gebieden) -> AanbiederFilter:
        return AanbiederFilter(
            zoek=self.zoek,
            gemeentecode=gebieden.gemeentecodes(self.gemeentecode),
            provincie=gebieden.provinciecodes(self.provincie),
            nabij=_nabij(self.nabij),
            bbox=_bbox(self.bbox),
            sector=codes(self.sector),
            onderwijsconcept=codes(self.onderwijsconcept),
            denominatie=codes(self.denominatie),
            onderwijsbestuur_code=self.onderwijsbestuur_code,
            erkenningscode=self.erkenningscode,
        )


@strawberry.input(description="Filter op onderwijslocaties. / Filter on locations.")
class OnderwijslocatieFilter:
    zoek: str | None = strawberry.field(
        default=None,
        description="Woorden in de naam van een aanbieder op de locatie. / Words in a name of an "
        f"institution there. {WORDS}",
    )
    gemeentecode: list[str] | None = strawberry.field(default=None, description=GEMEENTE)
    provincie: list[str] | None = strawberry.field(default=None, description=PROVINCIE)
    postcode: str | None = strawberry.field(default=None, description=POSTCODE)
    plaats: str | None = strawberry.field(default=None, description=PLAATS)
    nabij: NabijFilter | None = strawberry.field(default=None, description=NABIJ)
    bbox: BboxFilter | None = strawberry.field(default=None, description=BBOX)
    sector: list[Sector] | None = strawberry.field(default=None, description=SECTOR)
    onderwijsconcept: list[Onderwijsconcept] | None = strawberry.field(
        default=None, description=CONCEPT
    )
    denominatie: list[Denominatie] | None = strawberry.field(default=None, description=DENOMINATIE)
    onderwijsaanbieder_code: str | None = strawberry.field(default=None, description=AANBIEDER)
    onderwijsbestuur_code: str | None = strawberry.field(default=None, description=BESTUUR)
    erkenningscode: list[str] | None = strawberry.field(default=None, description=ERKENNINGSCODE)

    def to_filter(self, gebieden: Gebieden) -> LocatieFilter:
        return LocatieFilter(
            zoek=self.zoek,
            gemeentecode=gebieden.gemeentecodes(self.gemeentecode),
            provincie=gebieden.provinciecodes(self.provincie),
            nabij=_nabij(self.nabij),
            bbox=_bbox(self.bbox),
            postcode=self.postcode,
            plaats=self.plaats,
            sector=codes(self.sector),
            onderwijsconcept=codes(self.onderwijsconcept),
            denominatie=codes(self.denominatie),
            onderwijsaanbieder_code=self.onderwijsaanbieder_code,
            onderwijsbestuur_code=self.onderwijsbestuur_code,
            erkenningscode=self.erkenningscode,
        )


@strawberry.input(description="Filter op aangeboden opleidingen. / Filter on offerings.")
class AangebodenOpleidingFilter:
    zoek: str | None = strawberry.field(default=None, description=ZOEK)
    gemeentecode: list[str] | None = strawberry.field(default=None, description=GEMEENTE)
    provincie: list[str] | None = strawberry.field(default=None, description=PROVINCIE)
    postcode: str | None = strawberry.field(default=None, description=POSTCODE)
    plaats: str | None = strawberry.field(default=None, description=PLAATS)
    nabij: NabijFilter | None = strawberry.field(default=None, description=NABIJ)
    bbox: BboxFilter | None = strawberry.field(default=None, description=BBOX)
    sector: list[Sector] | None = strawberry.field(default=None, description=SECTOR)
    onderwijsconcept: list[Onderwijsconcept] | None = strawberry.field(
        default=None, description=CONCEPT
    )
    niveau: list[Niveau] | None = strawberry.field(
        default=None, description="Niveau(s). / Level(s)."
    )
    vorm: list[Vorm] | None = strawberry.field(
        default=None, description="Vorm(en). / Mode(s) of study."
    )
    voertaal: list[Voertaal] | None = strawberry.field(
        default=None, description="Voertaal/-talen. / Language(s)."
    )
    erkende_opleidingscode: list[str] | None = strawberry.field(
        default=None, description=ERKENDE_OPLEIDINGSCODE
    )
    instroom_vanaf: dt.date | None = strawberry.field(
        default=None,
        description="Heeft een instroommoment op of na deze datum. / Has an intake on or after.",
    )
    onderwijsaanbieder_code: str | None = strawberry.field(default=None, description=AANBIEDER)
    onderwijsbestuur_code: str | None = strawberry.field(default=None, description=BESTUUR)

    def to_filter(self, gebieden: Gebieden) -> AanbodFilter:
        return AanbodFilter(
            zoek=self.zoek,
            gemeentecode=gebieden.gemeentecodes(self.gemeentecode),
            provincie=gebieden.provinciecodes(self.provincie),
            nabij=_nabij(self.nabij),
            bbox=_bbox(self.bbox),
            postcode=self.postcode,
            plaats=self.plaats,
            sector=codes(self.sector),
            onderwijsconcept=codes(self.onderwijsconcept),
            niveau=codes(self.niveau),
            vorm=codes(self.vorm),
            voertaal=codes(self.voertaal),
            erkende_opleidingscode=self.erkende_opleidingscode,
            instroom_vanaf=self.instroom_vanaf,
            onderwijsaanbieder_code=self.onderwijsaanbieder_code,
            onderwijsbestuur_code=self.onderwijsbestuur_code,
        )


@strawberry.input(description="Filter op opleidingseenheden. / Filter on programmes.")
class OpleidingseenheidFilter:
    zoek: str | None = strawberry.field(default=None, description=ZOEK)
    sector: list[Sector] | None = strawberry.field(default=None, description=SECTOR)
    niveau: list[Niveau] | None = strawberry.field(
        default=None, description="Niveau(s). / Level(s)."
    )
    erkende_opleidingscode: list[str] | None = strawberry.field(
        default=None, description=ERKENDE_OPLEIDINGSCODE
    )

    def to_filter(self, gebieden: Gebieden | None = None) -> EenheidFilter:
        return EenheidFilter(
            zoek=self.zoek,
            sector=codes(self.sector),
            niveau=codes(self.niveau),
            erkende_opleidingscode=self.erkende_opleidingscode,
        )
