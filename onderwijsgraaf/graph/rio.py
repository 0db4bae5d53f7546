"""The RIO graph: every GraphQL type of the API with its table, and every field with the
column, link or listing it is read from. Adding a field or an edge is one entry here (plus its
declaration, with description, in ``schema/``)."""

from __future__ import annotations

from collections.abc import Mapping

from onderwijsgraaf.graph.model import (
    Column,
    Constant,
    Coordinates,
    Distance,
    Embedded,
    Field,
    FieldSources,
    GlobalId,
    Interface,
    Kind,
    Link,
    Listing,
    ObjectType,
    Values,
)
from onderwijsgraaf.graph.zichtbaarheid import contexten_zichtbaar_voor


def enum(column: str, name: str) -> Column:
    return Column(column, Kind.ENUM, name)


def codes(column: str, name: str) -> Column:
    return Column(column, Kind.CODES, name)


GELDIGHEID: Mapping[str, Field] = {
    "begindatum": Column("begindatum"),
    "einddatum": Column("einddatum"),
    "herkomst": Embedded("Herkomst"),
}
HERKOMST = ObjectType(
    "Herkomst",
    {
        "bron": Column("bron"),
        "afgeleid": Column("afgeleid", Kind.WORDS),
        "velden": FieldSources("veldbronnen", "Veldherkomst"),
    },
)
VELDHERKOMST = ObjectType("Veldherkomst", {"veld": Column("veld"), "bron": Column("bron")})
# the codes of an object, in this order (unique per object: the seed keeps one row per code)
CODE_ORDER = ("soort", "code")

# -- organisaties -------------------------------------------------------------------------
BESTUUR = ObjectType(
    "Onderwijsbestuur",
    {
        "id": GlobalId(),
        **GELDIGHEID,
        "code": Column("code"),
        "naam": Column("naam"),
        "kvkNummer": Column("kvk_nummer"),
        "rsin": Column("rsin"),
        "bevoegdGezagNummer": Column("bevoegd_gezag_nummer"),
        "onderwijsaanbieders": Listing(
            "Onderwijsaanbieder", "onderwijsbestuur_code", ("zoeknaam", "code")
        ),
        "erkenningen": Listing(
            "Erkenning",
            "onderwijsbestuur_code",
            ("soort", "code"),
            via="juridische_relatie",
            via_child="erkenning_id",
        ),
        "communicatiecontexten": Listing(
            "Communicatiecontext",
            "onderwijsbestuur_code",
            ("soort", "id"),
            visible=contexten_zichtbaar_voor,
        ),
        "codes": Listing("Code", "onderwijsbestuur_code", CODE_ORDER),
        "onderwijsaanbiedersgroepen": Listing(
            "Onderwijsaanbiedersgroep", "onderwijsbestuur_code", ("code",)
        ),
        "onderwijsbegeleidingsaanbieders": Listing(
            "Onderwijsbegeleidingsaanbieder", "onderwijsbestuur_code", ("zoeknaam", "code")
        ),
    },
    table="onderwijsbestuur",
    key="code",
    node="Onderwijsbestuur",
)
GROEP = ObjectType(
    "Onderwijsaanbiedersgroep",
    {
        "id": GlobalId(),
        **GELDIGHEID,
        "code": Column("code"),
        "naam": Column("naam"),
        "onderwijsbestuur": Link("Onderwijsbestuur", "onderwijsbestuur_code"),
        "onderwijsaanbieders": Listing(
            "Onderwijsaanbieder", "onderwijsaanbiedersgroep_code", ("zoeknaam", "code")
        ),
    },
    table="onderwijsaanbiedersgroep",
    key="code",
    node="Onderwijsaanbiedersgroep",
)
BEGELEIDINGSAANBIEDER = ObjectType(
    "Onderwijsbegeleidingsaanbieder",
    {
        "id": GlobalId(),
        **GELDIGHEID,
        "code": Column("code"),
        "naam": Column("naam"),
        "internationaleNaam": Column("internationale_naam"),
        "expertise": codes("expertise", "Onderwijsbegeleidingsaanbiedersexpertise"),
        "onderwijsbestuur": Link("Onderwijsbestuur", "onderwijsbestuur_code"),
    },
    table="onderwijsbegeleidingsaanbieder",
    key="code",
    node="Onderwijsbegeleidingsaanbieder",
)
AANBIEDER = ObjectType(
    "Onderwijsaanbieder",
    {
        "id": GlobalId(),
        **GELDIGHEID,
        "code": Column("code"),
        "naam": Column("naam"),
        "internationaleNaam": Column("internationale_naam"),
        "eigenSleutel": Column("eigen_sleutel"),
        "denominatie": codes("denominatie", "Denominatie"),
        "afstandKm": Distance(),
        "sectoren": Values("aangeboden_opleiding", "onderwijsaanbieder_code", "sector", "Sector"),
        "onderwijsbestuur": Link("Onderwijsbestuur", "onderwijsbestuur_code"),
        "onderwijsaanbiedersgroep": Link(
            "Onderwijsaanbiedersgroep", "onderwijsaanbiedersgroep_code"
        ),
        "onderwijslocaties": Listing(
            "Onderwijslocatie",
            "onderwijsaanbieder_code",
            ("code",),
            via="onderwijslocatiegebruik",
            via_child="onderwijslocatie_code",
        ),
        "aangebodenOpleidingen": Listing(
            "AangebodenOpleiding", "onderwijsaanbieder_code", ("zoeknaam", "code")
        ),
        "erkenningen": Listing(
            "Erkenning",
            "onderwijsaanbieder_code",
            ("soort", "code"),
            via="juridische_relatie",
            via_child="erkenning_id",
        ),
        "communicatiecontexten": Listing(
            "Communicatiecontext",
            "onderwijsaanbieder_code",
            ("soort", "id"),
            visible=contexten_zichtbaar_voor,
        ),
        "codes": Listing("Code", "onderwijsaanbieder_code", CODE_ORDER),
        "onderwijslocatiegebruiken": Listing(
            "Onderwijslocatiegebruik", "onderwijsaanbieder_code", ("onderwijslocatie_code", "id")
        ),
        # the licenties of the erkenningen (BRIN4) the aanbieder rests on
        "onderwijslicenties": Listing(
            "Onderwijslicentie",
            "onderwijsaanbieder_code",
            ("code",),
            via="juridische_relatie",
            via_child="erkenning_id",
            child_column="instellingserkenning_id",
        ),
        "samenwerkingsverbanden": Listing(
            "Samenwerkingsverband",
            "onderwijsaanbieder_code",
            ("code",),
            via="samenwerkingsverband_deelname",
            via_child="samenwerkingsverband_code",
        ),
    },
    table="onderwijsaanbieder",
    key="code",
    node="Onderwijsaanbieder",
)

# -- locaties -----------------------------------------------------------------------------
PROVINCIE = ObjectType(
    "Provincie", {"code": Column("code"), "naam": Column("naam")}, table="provincie", key="code"
)
GEMEENTE = ObjectType(
    "Gemeente",
    {
        "code": Column("code"),
        "naam": Column("naam"),
        "provincie": Link("Provincie", "provincie_code"),
    },
    table="gemeente",
    key="code",
)
ADRES = ObjectType(
    "Adres",
    {
        "straatnaam": Column("straatnaam"),
        "huisnummer": Column("huisnummer"),
        "huisnummertoevoeging": Column("huisnummertoevoeging"),
        "postcode": Column("postcode"),
        "plaatsnaam": Column("plaatsnaam"),
        "gemeente": Link("Gemeente", "gemeente_code"),
        "provincie": Link("Provincie", "provincie_code"),
    },
)
COORDINATEN = ObjectType(
    "Coordinaten",
    {"lat": Column("latitude", Kind.FLOAT), "lon": Column("longitude", Kind.FLOAT)},
)
GEOJSON_POINT = ObjectType(
    "GeoJsonPoint",
    {"type": Constant("Point"), "coordinates": Coordinates("longitude", "latitude")},
)
PUNT = ("latitude", "longitude")
LOCATIE = ObjectType(
    "Onderwijslocatie",
    {
        "id": GlobalId(),
        **GELDIGHEID,
        "code": Column("code"),
        "adres": Embedded("Adres"),
        "bagId": Column("bag_id"),
        "coordinaten": Embedded("Coordinaten", when_all=PUNT),
        "geometrie": Embedded("GeoJsonPoint", when_all=PUNT),
        "afstandKm": Distance(),
        "onderwijsaanbieders": Listing(
            "Onderwijsaanbieder",
            "onderwijslocatie_code",
            ("zoeknaam", "code"),
            via="onderwijslocatiegebruik",
            via_child="onderwijsaanbieder_code",
        ),
        "aangebodenOpleidingen": Listing(
            "AangebodenOpleiding", "onderwijslocatie_code", ("zoeknaam", "code")
        ),
        "codes": Listing("Code", "onderwijslocatie_code", CODE_ORDER),
        "onderwijslocatiegebruiken": Listing(
            "Onderwijslocatiegebruik", "onderwijslocatie_code", ("onderwijsaanbieder_code", "id")
        ),
    },
    table="onderwijslocatie",
    key="code",
    node="Onderwijslocatie",
)
LOCATIEGEBRUIK = ObjectType(
    "Onderwijslocatiegebruik",
    {
        **GELDIGHEID,
        "onderwijsbestuur": Link("Onderwijsbestuur", "onderwijsbestuur_code"),
        "onderwijsaanbieder": Link("Onderwijsaanbieder", "onderwijsaanbieder_code"),
        "onderwijslocatie": Link("Onderwijslocatie", "onderwijslocatie_code"),
        "vestigingserkenning": Link("Vestigingserkenning", "vestigingserkenning_id"),
    },
    table="onderwijslocatiegebruik",
    key="id",
)

# -- opleidingen --------------------------------------------------------------------------
EENHEID: Mapping[str, Field] = {
    "id": GlobalId(),
    **GELDIGHEID,
    "code": Column("code"),
    "naamLang": Column("naam_lang"),
    "naamKort": Column("naam_kort"),
    "internationaleNaam": Column("internationale_naam"),
    "niveau": enum("niveau", "Niveau"),
    "sector": enum("sector", "Sector"),
    "aangebodenOpleidingen": Listing(
        "AangebodenOpleiding", "opleidingseenheid_code", ("zoeknaam", "code")
    ),
    "codes": Listing("Code", "opleidingseenheid_code", CODE_ORDER),
}
HO_OPLEIDING: Mapping[str, Field] = {
    **EENHEID,
    "soort": Column("soort"),
    "graad": enum("graad", "Graad"),
    "studielast": Column("studielast"),
    "studielasteenheid": Column("studielasteenheid"),
    "eqf": Column("eqf"),
    "nlqf": Column("nlqf"),
    "isced": Column("isced"),
    "waardedocumentsoort": Column("waardedocumentsoort"),
    "erkendeOpleidingscode": Column("erkende_opleidingscode"),
    "variantVan": Column("variant_van"),
    "eigenaar": Link("Onderwijsbestuur", "eigenaar_code"),
    "opleidingserkenning": Link("Opleidingserkenning", "opleidingserkenning_id"),
}
EENHEID_TYPES = {
    "HOOPLEIDING": ("HoOpleiding", HO_OPLEIDING),
    "MBOKWALIFICATIE": ("MboOpleiding", EENHEID),
    "BOOPLEIDING": ("BoOpleiding", EENHEID),
    "SOOPLEIDING": ("SoOpleiding", EENHEID),
    "VSOOPLEIDING": ("VsoOpleiding", EENHEID),
    "VOOPLEIDING": ("VoOpleiding", EENHEID),
}

AANBOD: Mapping[str, Field] = {
    "id": GlobalId(),
    **GELDIGHEID,
    "code": Column("code"),
    "eigenNaam": Column("eigen_naam"),
    "sector": enum("sector", "Sector"),
    "website": Column("website"),
    "omschrijving": Column("omschrijving"),
    "eersteInstroomdatum": Column("eerste_instroomdatum"),
    "laatsteInstroomdatum": Column("laatste_instroomdatum"),
    "afstandKm": Distance(),
    "opleidingseenheid": Link("Opleidingseenheid", "opleidingseenheid_code"),
    "onderwijsaanbieder": Link("Onderwijsaanbieder", "onderwijsaanbieder_code"),
    "onderwijslocatie": Link("Onderwijslocatie", "onderwijslocatie_code"),
    "onderwijslicentie": Link("Onderwijslicentie", "onderwijslicentie_code"),
    "cohorten": Listing("Cohort", "aangeboden_opleiding_code", ("code",)),
    "codes": Listing("Code", "aangeboden_opleiding_code", CODE_ORDER),
}
MET_CONCEPT: Mapping[str, Field] = {
    **AANBOD,
    "onderwijsconcept": enum("onderwijsconcept", "Onderwijsconcept"),
}
AANBOD_TYPES = {
    "AANGEBODENHOOPLEIDING": (
        "AangebodenHoOpleiding",
        {
            **AANBOD,
            "vorm": enum("vorm", "Vorm"),
            "eigenNaamEngels": Column("eigen_naam_engels"),
            "eigenNaamDuits": Column("eigen_naam_duits"),
            "propedeutischeFase": Column("propedeutische_fase"),
            "studiekeuzecheck": Column("studiekeuzecheck"),
            "deficientie": Column("deficientie"),
            "eisenWerkzaamheden": Column("eisen_werkzaamheden"),
            "versneldTraject": Column("versneld_traject"),
            "voertalen": Values(
                "aangeboden_opleiding_voertaal", "aangeboden_opleiding_code", "voertaal", "Voertaal"
            ),
        },
    ),
    "AANGEBODENMBOOPLEIDING": (
        "AangebodenMboOpleiding",
        {**AANBOD, "leertraject": enum("leertraject", "Leertraject")},
    ),
    "AANGEBODENBOOPLEIDING": ("AangebodenBoOpleiding", MET_CONCEPT),
    "AANGEBODENSOOPLEIDING": ("AangebodenSoOpleiding", MET_CONCEPT),
    "AANGEBODENVSOOPLEIDING": ("AangebodenVsoOpleiding", MET_CONCEPT),
    "AANGEBODENVOOPLEIDING": ("AangebodenVoOpleiding", MET_CONCEPT),
}
COHORT = ObjectType(
    "Cohort",
    {
        **GELDIGHEID,
        "code": Column("code"),
        "status": enum("status", "Cohortstatus"),
        "beginAanmeldperiode": Column("begin_aanmeldperiode"),
        "eindeAanmeldperiode": Column("einde_aanmeldperiode"),
        "instroommoment": Column("instroommoment"),
        "toestemmingVereist": Column("toestemming_vereist", Kind.JA),
    },
    table="cohort",
    key="id",
)

# -- erkenningen en contacten -------------------------------------------------------------
ERKENNING: Mapping[str, Field] = {
    **GELDIGHEID,
    "soort": enum("soort", "Erkenningsoort"),
    "code": Column("code"),
    "naam": Column("naam"),
    "erkenner": Column("erkenner"),
}
INSTELLING: Mapping[str, Field] = {
    **ERKENNING,
    "denominatie": codes("denominatie", "Denominatie"),
    "postcodecijfers": Column("postcodecijfers"),
    "plaatsnaam": Column("plaatsnaam"),
}
ERKENNING_TYPES = {
    "ERKENDE_ONDERWIJSINSTELLING": (
        "Onderwijsinstellingserkenning",
        {
            **INSTELLING,
            "onderwijslicenties": Listing(
                "Onderwijslicentie", "instellingserkenning_id", ("code",)
            ),
        },
    ),
    "ERKENDE_VESTIGING": (
        "Vestigingserkenning",
        {
            **INSTELLING,
            "hoofdNevenVestiging": Column("hoofd_neven_vestiging"),
            "onderwijsinstellingserkenning": Link(
                "Onderwijsinstellingserkenning", "instellingserkenning_id"
            ),
        },
    ),
    "OPLEIDINGSERKENNING": (
        "Opleidingserkenning",
        {**ERKENNING, "opleidingsstelsel": Column("opleidingsstelsel")},
    ),
    "BEVOEGD_GEZAG": ("BevoegdGezagErkenning", ERKENNING),
}
CONTACTADRES = ObjectType(
    "Contactadres",
    {
        "straatnaam": Column("straatnaam"),
        "huisnummer": Column("huisnummer"),
        "huisnummertoevoeging": Column("huisnummertoevoeging"),
        "postcode": Column("postcode"),
        "plaatsnaam": Column("plaatsnaam"),
    },
)
CONTEXT = ObjectType(
    "Communicatiecontext",
    {
        **GELDIGHEID,
        "soort": enum("soort", "Communicatiecontextsoort"),
        "openbaar": Column("openbaar", Kind.BOOLEAN),
        "contactnaam": Column("contactnaam"),
        "email": Column("email"),
        "telefoon": Column("telefoon"),
        "website": Column("website"),
        "adres": Embedded("Contactadres", when_any=("straatnaam", "postcode", "plaatsnaam")),
    },
    table="communicatiecontext",
    key="id",
)
LICENTIE = ObjectType(
    "Onderwijslicentie",
    {
        **GELDIGHEID,
        "code": Column("code"),
        "type": enum("type", "Licentietype"),
        "stadium": enum("stadium", "Licentiestadium"),
        "onderwijsinstellingserkenning": Link(
            "Onderwijsinstellingserkenning", "instellingserkenning_id"
        ),
        "opleidingseenheid": Link("Opleidingseenheid", "opleidingseenheid_code"),
    },
    table="licentie",
    key="code",
)

# -- samenwerking -------------------------------------------------------------------------
SAMENWERKINGSVERBAND = ObjectType(
    "Samenwerkingsverband",
    {
        **GELDIGHEID,
        "code": Column("code"),
        "soort": enum("soort", "ErkendeSamenwerkingssoort"),
        "naam": Column("naam"),
        "deelnemers": Listing(
            "Onderwijsaanbieder",
            "samenwerkingsverband_code",
            ("zoeknaam", "code"),
            via="samenwerkingsverband_deelname",
            via_child="onderwijsaanbieder_code",
        ),
    },
    table="samenwerkingsverband",
    key="code",
)


# -- codes: the crosswalk ----------------------------------------------------------------
CODE = ObjectType(
    "Code",
    {
        **GELDIGHEID,
        "soort": enum("soort", "Codesoort"),
        "code": Column("code"),
        "hoofdNevenVestiging": Column("hoofd_neven_vestiging"),
        "erkenning": Link("Erkenning", "erkenning_id"),
        "onderwijsbestuur": Link("Onderwijsbestuur", "onderwijsbestuur_code"),
        "onderwijsaanbieder": Link("Onderwijsaanbieder", "onderwijsaanbieder_code"),
        "onderwijslocatie": Link("Onderwijslocatie", "onderwijslocatie_code"),
        "opleidingseenheid": Link("Opleidingseenheid", "opleidingseenheid_code"),
        "aangebodenOpleiding": Link("AangebodenOpleiding", "aangeboden_opleiding_code"),
    },
    table="code",
    key="id",
)


def _concrete(
    types: Mapping[str, tuple[str, Mapping[str, Field]]], table: str, key: str, node: str | None
) -> list[ObjectType]:
    return [
        ObjectType(name, fields, table=table, key=key, node=node)
        for name, fields in dict(types.values()).items()
    ]


INTERFACES: dict[str, Interface] = {
    i.name: i
    for i in (
        Interface(
            "AangebodenOpleiding",
            "aangeboden_opleiding",
            "code",
            "type",
            {value: name for value, (name, _) in AANBOD_TYPES.items()},
            fields=AANBOD,
        ),
        Interface(
            "Opleidingseenheid",
            "opleidingseenheid",
            "code",
            "type",
            {value: name for value, (name, _) in EENHEID_TYPES.items()},
            fields=EENHEID,
        ),
        Interface(
            "Erkenning",
            "erkenning",
            "id",
            "soort",
            {value: name for value, (name, _) in ERKENNING_TYPES.items()},
            default="BevoegdGezagErkenning",
            fields=ERKENNING,
        ),
    )
}
TYPES: dict[str, ObjectType] = {
    t.name: t
    for t in (
        HERKOMST,
        VELDHERKOMST,
        BESTUUR,
        GROEP,
        BEGELEIDINGSAANBIEDER,
        AANBIEDER,
        PROVINCIE,
        GEMEENTE,
        ADRES,
        COORDINATEN,
        GEOJSON_POINT,
        LOCATIE,
        LOCATIEGEBRUIK,
        COHORT,
        CONTACTADRES,
        CONTEXT,
        LICENTIE,
        SAMENWERKINGSVERBAND,
        CODE,
        *_concrete(EENHEID_TYPES, "opleidingseenheid", "code", "Opleidingseenheid"),
        *_concrete(AANBOD_TYPES, "aangeboden_opleiding", "code", "AangebodenOpleiding"),
        *_concrete(ERKENNING_TYPES, "erkenning", "id", None),
    )
}
