"""All tables of the RIO graph; import models from here."""

from onderwijsgraaf.db.models.base import Base, Geldigheid, Herkomst, geldig_op
from onderwijsgraaf.db.models.code import Code
from onderwijsgraaf.db.models.contact import Communicatiecontext
from onderwijsgraaf.db.models.erkenning import Erkenning, JuridischeRelatie, Licentie
from onderwijsgraaf.db.models.leerlingaantal import Leerlingaantal
from onderwijsgraaf.db.models.lijsttelling import Lijsttelling
from onderwijsgraaf.db.models.locatie import Onderwijslocatie, Onderwijslocatiegebruik
from onderwijsgraaf.db.models.opleiding import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Cohort,
    Opleidingseenheid,
)
from onderwijsgraaf.db.models.organisatie import (
    Onderwijsaanbieder,
    Onderwijsaanbiedersgroep,
    Onderwijsbegeleidingsaanbieder,
    Onderwijsbestuur,
)
from onderwijsgraaf.db.models.referentie import (
    Bron,
    Gegevensversie,
    Gemeente,
    Herkomsttelling,
    Postcodegebied,
    Provincie,
)
from onderwijsgraaf.db.models.samenwerking import (
    Samenwerkingsverband,
    SamenwerkingsverbandDeelname,
)
from onderwijsgraaf.db.models.wijziging import GEVOLGD, Versielog, Wijziging
from onderwijsgraaf.db.models.zoeken import Zoeknaam, Zoekwoord

__all__ = [
    "GEVOLGD",
    "AangebodenOpleiding",
    "AangebodenOpleidingVoertaal",
    "Base",
    "Bron",
    "Code",
    "Cohort",
    "Communicatiecontext",
    "Erkenning",
    "Gegevensversie",
    "Geldigheid",
    "Gemeente",
    "Herkomst",
    "Herkomsttelling",
    "JuridischeRelatie",
    "Leerlingaantal",
    "Licentie",
    "Lijsttelling",
    "Onderwijsaanbieder",
    "Onderwijsaanbiedersgroep",
    "Onderwijsbegeleidingsaanbieder",
    "Onderwijsbestuur",
    "Onderwijslocatie",
    "Onderwijslocatiegebruik",
    "Opleidingseenheid",
    "Postcodegebied",
    "Provincie",
    "Samenwerkingsverband",
    "SamenwerkingsverbandDeelname",
    "Versielog",
    "Wijziging",
    "Zoeknaam",
    "Zoekwoord",
    "geldig_op",
]
