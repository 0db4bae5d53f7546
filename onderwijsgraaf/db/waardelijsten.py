"""RIO's value lists: each code as DUO's RIO LOD API v2.13.0 names it, with a Dutch label.

The database stores codes; the seed checks codes against these lists and the API serves them
as enums and in ``waardelijsten``. SECTOR and the private communicatiecontext soorten are not
RIO value lists: RIO has no single sector field and does not publish its private contexts.
"""

from __future__ import annotations

Waardelijst = dict[str, str]

SECTOR: Waardelijst = {
    "PO": "Primair onderwijs (basisonderwijs en speciaal basisonderwijs)",
    "SO": "Speciaal onderwijs",
    "VSO": "Voortgezet speciaal onderwijs",
    "VO": "Voortgezet onderwijs",
    "VAVO": "Voortgezet algemeen volwassenenonderwijs",
    "MBO": "Middelbaar beroepsonderwijs",
    "HO": "Hoger onderwijs",
    "NFO": "Niet-formeel onderwijs (particulier)",
}

NIVEAUCODE: Waardelijst = {
    "PO-VVE": "Voor- en vroegschoolse educatie",
    "PO-BAO": "Basisonderwijs",
    "PO-SBAO": "Speciaal basisonderwijs",
    "PO-SO": "Speciaal onderwijs",
    "PO-VSO": "Voortgezet speciaal onderwijs",
    "PO-ARBEIDSMARKT": "Uitstroomprofiel arbeidsmarkt",
    "PO-DAGBESTEDING": "Uitstroomprofiel dagbesteding",
    "VO-PRO": "Praktijkonderwijs",
    "VO-VMBO-BB": "VMBO basisberoepsgerichte leerweg",
    "VO-VMBO-KB": "VMBO kaderberoepsgerichte leerweg",
    "VO-VMBO-GL": "VMBO gemengde leerweg",
    "VO-VMBO-TL": "VMBO theoretische leerweg",
    "VO-HAVO": "Hoger algemeen voortgezet onderwijs",
    "VO-VWO": "Voorbereidend wetenschappelijk onderwijs",
    "VO-VBO": "Voorbereidend beroepsonderwijs (tot 2018)",
    "MBO": "Middelbaar beroepsonderwijs",
    "MBO-1": "MBO niveau 1 (entreeopleiding)",
    "MBO-2": "MBO niveau 2 (basisberoepsopleiding)",
    "MBO-3": "MBO niveau 3 (vakopleiding)",
    "MBO-4": "MBO niveau 4 (middenkader- of specialistenopleiding)",
    "NT2-I": "Nederlands als tweede taal, programma I",
    "NT2-II": "Nederlands als tweede taal, programma II",
    "EDUCATIE": "Educatie",
    "HBO-AD": "HBO associate degree",
    "HBO-BA": "HBO bachelor",
    "HBO-MA": "HBO master",
    "HBO-PM": "HBO postinitiële master",
    "HBO-O": "HBO ongedeeld",
    "WO-BA": "WO bachelor",
    "WO-MA": "WO master",
    "WO-PM": "WO postinitiële master",
    "WO-O": "WO ongedeeld",
    "ONBEPAALD": "Onbepaald",
}

ONDERWIJSCONCEPT: Waardelijst = {
    "AGORA": "Agora-onderwijs",
    "DALTON": "Daltononderwijs",
    "FREINET": "Freinetonderwijs",
    "HBGO": "Hoogbegaafdenonderwijs",
    "INTERNATIONAL_PRIMARY_CURRICULUM": "International Primary Curriculum",
    "JENAPLAN": "Jenaplanonderwijs",
    "MONTESSORI": "Montessorionderwijs",
    "VRIJESCHOOL": "Vrijeschoolonderwijs",
}

DENOMINATIE: Waardelijst = {
    "ABZ": "Algemeen bijzonder",
    "ASF": "Antroposofisch",
    "BAP": "Baptistisch",
    "BIJ": "Bijzonder",
    "EVA": "Evangelisch",
    "EVB": "Evangelische broedergemeente",
    "EVL": "Evangelisch-Luthers",
    "GER": "Gereformeerd",
    "GEV": "Gereformeerd vrijgemaakt",
    "HIN": "Hindoeïstisch",
    "HUM": "Humanistisch",
    "IC": "Interconfessioneel",
    "ISL": "Islamitisch",
    "JOL": "Joods liberaal",
    "JOO": "Joods",
    "JOR": "Joods orthodox",
    "NH": "Nederlands hervormd",
    "OKA": "Oud-katholiek",
    "OPB": "Openbaar",
    "PC": "Protestants-christelijk",
    "REF": "Reformatorisch",
    "REM": "Remonstrants",
    "RK": "Rooms-katholiek",
    "RST": "Overige",
    "RYK": "Rijks",
}

ONDERWIJSINTENSITEIT: Waardelijst = {
    "VOLTIJD": "Voltijd",
    "DEELTIJD": "Deeltijd",
    "DUAAL": "Duaal",
}

TAALCODE: Waardelijst = {
    "ARA": "Arabisch",
    "CHI": "Chinees",
    "DEU": "Duits",
    "ENG": "Engels",
    "FRA": "Frans",
    "HRV": "Kroatisch",
    "ITA": "Italiaans",
    "JPN": "Japans",
    "NLD": "Nederlands",
    "NOR": "Noors",
    "PAP": "Papiaments",
    "POL": "Pools",
    "POR": "Portugees",
    "RON": "Roemeens",
    "RUS": "Russisch",
    "SPA": "Spaans",
    "SWE": "Zweeds",
    "TUR": "Turks",
}

LEERTRAJECT_MBO: Waardelijst = {
    "BOL": "Beroepsopleidende leerweg",
    "BBL": "Beroepsbegeleidende leerweg",
    "BOL_DT": "Beroepsopleidende leerweg deeltijd",
}

GRAAD_HO: Waardelijst = {
    "ASSOCIATE_DEGREE": "Associate degree",
    "BACHELOR": "Bachelor",
    "MASTER": "Master",
}

HO_OPLEIDINGSOORT: Waardelijst = {"OPLEIDING": "Opleiding", "VARIANT": "Variant van een opleiding"}

OPLEIDINGSEENHEIDERKENNER: Waardelijst = {
    "BRANCHE": "Branche",
    "EZ": "Ministerie van Economische Zaken",
    "NKC_EVC": "Nationaal Kenniscentrum EVC",
    "NLQF": "NLQF",
    "NUFFIC": "Nuffic",
    "NVAO": "Nederlands-Vlaamse Accreditatieorganisatie",
    "OCW": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "SBB": "Samenwerkingsorganisatie Beroepsonderwijs Bedrijfsleven",
    "SNRO": "Stichting Normering Registratie Opleidingen",
    "SZW": "Ministerie van Sociale Zaken en Werkgelegenheid",
}

SOORT_WAARDEDOCUMENT: Waardelijst = {
    "CERTIFICAAT": "Certificaat",
    "DIPLOMA": "Diploma",
    "GEEN_OFFICIEEL_DOCUMENT": "Geen officieel document",
    "GETUIGSCHRIFT": "Getuigschrift",
    "SCHOOLADVIES": "Schooladvies",
    "VAKBEKWAAMHEIDSBEWIJS": "Vakbekwaamheidsbewijs",
}

PROPEDEUTISCHE_FASE: Waardelijst = {
    "GEEN_PROPEDEUTISCHE_FASE": "Geen propedeutische fase",
    "PROPEDEUTISCHE_FASE_EXAMEN": "Propedeutische fase met examen",
    "PROPEDEUTISCHE_FASE_ZONDER_EXAMEN": "Propedeutische fase zonder examen",
}

STUDIEKEUZECHECK: Waardelijst = {
    "GEEN_STUDIEKEUZE_CHECK": "Geen studiekeuzecheck",
    "STUDIEKEUZE_CHECK_VAN_TOEPASSING": "Studiekeuzecheck van toepassing",
    "STUDIEKEUZE_CHECK_VERPLICHT": "Studiekeuzecheck verplicht",
}

DEFICIENTIE: Waardelijst = {
    "DEFICIENTIES": "Deficiënties mogelijk",
    "GEEN_DEFICIENTIES": "Geen deficiënties",
}

EISEN_WERKZAAMHEDEN: Waardelijst = {
    "EISEN": "Eisen aan de werkzaamheden",
    "GEEN_EISEN": "Geen eisen aan de werkzaamheden",
}

VERSNELD_TRAJECT: Waardelijst = {
    "VERSNELD_TRAJECT": "Versneld traject",
    "GEEN_VERSNELD_TRAJECT": "Geen versneld traject",
}

COHORTSTATUS: Waardelijst = {"O": "Open", "G": "Gesloten"}

ERKENNINGSOORT: Waardelijst = {
    "BEVOEGD_GEZAG": "Bevoegd-gezagerkenning",
    "ERKENDE_ONDERWIJSINSTELLING": "Onderwijsinstellingserkenning (BRIN4)",
    "ERKENDE_VESTIGING": "Vestigingserkenning (BRIN6)",
    "OPLEIDINGSERKENNING": "Opleidingserkenning",
}

COMMUNICATIECONTEXTSOORT: Waardelijst = {
    "ALGEMEEN": "Algemeen (openbaar)",
    "AANMELDEN": "Aanmelden (openbaar)",
    "FACTURATIE": "Facturatie (openbaar)",
    "CENTRAAL_AANMELDEN_MBO": "Centraal aanmelden mbo (openbaar)",
    "TOEZICHT": "Toezicht, voor de Inspectie van het Onderwijs (niet openbaar)",
    "LEERPLICHT": "Leerplicht, voor de gemeente (niet openbaar)",
    "BEKOSTIGING": "Bekostiging, voor DUO (niet openbaar)",
}
OPENBARE_COMMUNICATIECONTEXTSOORTEN = frozenset(
    {"ALGEMEEN", "AANMELDEN", "FACTURATIE", "CENTRAAL_AANMELDEN_MBO"}
)
