"""Controle rules on the organisation: aanbieders, locaties and their gebruik, erkenningen and
contactpunten (C01–C04, C13–C15, C19–C21). Each returns one select (see ``regel``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Communicatiecontext,
    Erkenning,
    JuridischeRelatie,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
)
from resolvers.controle.regel import bevinding, regel, samen, tekst, van
from resolvers.controle.tijd import begin, eind, geldig_op, overlappen

A = Onderwijsaanbieder
G = Onderwijslocatiegebruik
L = Onderwijslocatie
O = AangebodenOpleiding  # noqa: E741 (RIO's "O" of opleiding; never confused with zero here)
J = JuridischeRelatie
E = Erkenning
B = Onderwijsbestuur
C = Communicatiecontext
# the sectors whose pupils fall under the Leerplichtwet (MBO: kwalificatieplicht)
LEERPLICHTIGE_SECTOREN = ("PO", "SO", "VSO", "VO", "MBO")


@regel(
    "C01",
    "FOUT",
    ("kennisbank PO: minstens één aangeboden opleiding per onderwijsaanbieder",),
    "Onderwijsaanbieder {objectcode} heeft op de peildatum geen geldige aangeboden opleiding. "
    "Leg het aanbod vast, of beëindig de onderwijsaanbieder.",
    "Onderwijsaanbieder {objectcode} has no valid aangeboden opleiding on the peildatum: "
    "register its offering, or end the aanbieder.",
)
def c01(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    aanbod = exists().where(O.onderwijsaanbieder_code == A.code, geldig_op(O, peildatum))
    return select(*bevinding("Onderwijsaanbieder", A.code, A.onderwijsbestuur_code)).where(
        van(A.onderwijsbestuur_code, bestuur), geldig_op(A, peildatum), ~aanbod
    )


@regel(
    "C02",
    "WAARSCHUWING",
    ("gangbare RIO-controle: een onderwijslocatie(gebruik) zonder aanbod",),
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) heeft op de peildatum geen "
    "aangeboden opleiding op die locatie. Koppel het aanbod aan de locatie, of beëindig het "
    "locatiegebruik.",
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) has no aangeboden opleiding at "
    "that locatie on the peildatum: link the offering to the locatie, or end the gebruik.",
)
def c02(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    aanbod = exists().where(
        O.onderwijsaanbieder_code == G.onderwijsaanbieder_code,
        O.onderwijslocatie_code == G.onderwijslocatie_code,
        geldig_op(O, peildatum),
    )
    code = samen(G.onderwijsaanbieder_code, G.onderwijslocatie_code)
    return select(*bevinding("Onderwijslocatiegebruik", code, G.onderwijsbestuur_code)).where(
        van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum), ~aanbod
    )


@regel(
    "C03",
    "FOUT",
    ("A01010", "A01011", "MTM001"),
    "Onderwijslocatie {objectcode} heeft hetzelfde adres (postcode, huisnummer, toevoeging) als "
    "onderwijslocatie {waarde}: één BAG-adres hoort bij één onderwijslocatie. Voeg de locaties "
    "samen.",
    "Onderwijslocatie {objectcode} has the address (postcode, huisnummer, toevoeging) of "
    "onderwijslocatie {waarde}: one BAG address is one locatie. Merge the two locaties.",
)
def c03(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    ander = aliased(L)
    zelfde = and_(
        ander.code != L.code,
        ander.postcode == L.postcode,
        ander.huisnummer == L.huisnummer,
        func.coalesce(ander.huisnummertoevoeging, "") == func.coalesce(L.huisnummertoevoeging, ""),
        geldig_op(ander, peildatum),
    )
    # a locatie is the bestuur's when it uses it on the peildatum
    return (
        select(*bevinding("Onderwijslocatie", L.code, G.onderwijsbestuur_code, ander.code))
        .distinct()
        .join(G, G.onderwijslocatie_code == L.code)
        .join(ander, zelfde)
        .where(van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum))
        .where(geldig_op(L, peildatum), L.postcode.is_not(None), L.huisnummer.is_not(None))
    )


@regel(
    "C04",
    "FOUT",
    ("N03010",),
    "De huisnummertoevoeging '{waarde}' van onderwijslocatie {objectcode} is langer dan 6 tekens. "
    "Kort haar in tot wat de BAG vastlegt.",
    "The huisnummertoevoeging '{waarde}' of onderwijslocatie {objectcode} is longer than 6 "
    "characters: shorten it to what the BAG registers.",
)
def c04(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    return (
        select(
            *bevinding("Onderwijslocatie", L.code, G.onderwijsbestuur_code, L.huisnummertoevoeging)
        )
        .distinct()
        .join(G, G.onderwijslocatie_code == L.code)
        .where(van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum))
        .where(geldig_op(L, peildatum), func.length(L.huisnummertoevoeging) > 6)
    )


@regel(
    "C13",
    "FOUT",
    ("N04410",),
    "Onderwijsaanbieder {objectcode} loopt door na het einde van zijn onderwijsbestuur "
    "({waarde}). Beëindig de aanbieder uiterlijk dan, of breng hem onder bij een ander bestuur.",
    "Onderwijsaanbieder {objectcode} runs on after its onderwijsbestuur ends ({waarde}): end "
    "the aanbieder by then, or move it to another bestuur.",
)
def c13(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    return (
        select(*bevinding("Onderwijsaanbieder", A.code, A.onderwijsbestuur_code, B.einddatum))
        .join(B, B.code == A.onderwijsbestuur_code)
        .where(van(A.onderwijsbestuur_code, bestuur), geldig_op(A, peildatum))
        .where(B.einddatum.is_not(None), eind(A.einddatum) > B.einddatum)
    )


def _instellingsrelaties() -> Any:
    """The juridische relaties of aanbieders with their instellingserkenning (BRIN4)."""
    return select(J, E.begindatum.label("erkend_vanaf")).join(
        E, and_(E.id == J.erkenning_id, E.soort == "ERKENDE_ONDERWIJSINSTELLING")
    )


@regel(
    "C14",
    "FOUT",
    ("J06410", "J06020", "kennisbank VO: oprichting niet vóór de erkenning"),
    "Onderwijsaanbieder {objectcode} begint vóór de instellingserkenning waarop hij rust, of "
    "heeft twee relaties met die erkenning tegelijk (erkenning {waarde}). Laat de aanbieder "
    "niet eerder beginnen dan de erkenning, en houd één relatie per periode.",
    "Onderwijsaanbieder {objectcode} starts before the instellingserkenning it rests on, or has "
    "two relations with it at once (erkenning {waarde}): start the aanbieder no earlier than "
    "the erkenning, and keep one relation per period.",
)
def c14(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    j2 = aliased(J)
    te_vroeg = and_(E.begindatum.is_not(None), begin(A.begindatum) < E.begindatum)
    dubbel = exists().where(
        j2.onderwijsaanbieder_code == J.onderwijsaanbieder_code,
        j2.erkenning_id == J.erkenning_id,
        j2.id != J.id,
        overlappen(j2, J),
    )
    return (
        select(*bevinding("Onderwijsaanbieder", A.code, A.onderwijsbestuur_code, E.code))
        .distinct()
        .join(J, J.onderwijsaanbieder_code == A.code)
        .join(E, and_(E.id == J.erkenning_id, E.soort == "ERKENDE_ONDERWIJSINSTELLING"))
        .where(van(A.onderwijsbestuur_code, bestuur), geldig_op(A, peildatum))
        .where(or_(te_vroeg, dubbel))
    )


@regel(
    "C15",
    "FOUT",
    ("J06410",),
    "Onderwijsaanbieder {objectcode} rust op de peildatum op geen geldige instellingserkenning "
    "(juridische relatie). Leg de relatie met de erkenning vast.",
    "Onderwijsaanbieder {objectcode} rests on no valid instellingserkenning (juridische "
    "relatie) on the peildatum: register its relation with the erkenning.",
)
def c15(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    erkend = exists().where(
        J.onderwijsaanbieder_code == A.code,
        geldig_op(J, peildatum),
        E.id == J.erkenning_id,
        E.soort == "ERKENDE_ONDERWIJSINSTELLING",
        geldig_op(E, peildatum),
    )
    return select(*bevinding("Onderwijsaanbieder", A.code, A.onderwijsbestuur_code)).where(
        van(A.onderwijsbestuur_code, bestuur), geldig_op(A, peildatum), ~erkend
    )


@regel(
    "C19",
    "WAARSCHUWING",
    ("buiten RIO: DUO's codetabel van vestigingen (BRIN6)",),
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) gebruikt op de peildatum "
    "vestigingserkenning {waarde}, die volgens DUO's codetabel is opgeheven. Koppel het gebruik "
    "aan de geldige vestiging, of beëindig het.",
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) uses vestigingserkenning "
    "{waarde}, which DUO's decode table has closed: link it to the valid vestiging, or end it.",
)
def c19(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    code = samen(G.onderwijsaanbieder_code, G.onderwijslocatie_code)
    return (
        select(*bevinding("Onderwijslocatiegebruik", code, G.onderwijsbestuur_code, E.code))
        .join(E, E.id == G.vestigingserkenning_id)
        .where(van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum))
        .where(E.einddatum.is_not(None), E.einddatum <= peildatum)
    )


@regel(
    "C20",
    "WAARSCHUWING",
    ("buiten RIO: één vestiging (BRIN6) hoort bij één onderwijslocatie",),
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) deelt vestigingserkenning "
    "{waarde} met een andere locatie, of de locatie heeft ook een andere vestigingserkenning. "
    "Ken elke vestiging één locatie toe.",
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) shares vestigingserkenning "
    "{waarde} with another locatie, or its locatie has another vestigingserkenning too: give "
    "each vestiging one locatie.",
)
def c20(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    ander = aliased(G)
    # two conditions, each an indexed lookup (one OR inside one EXISTS is not)
    elders = exists().where(
        ander.vestigingserkenning_id == G.vestigingserkenning_id,
        ander.onderwijslocatie_code != G.onderwijslocatie_code,
        geldig_op(ander, peildatum),
    )
    ook_andere = exists().where(
        ander.onderwijslocatie_code == G.onderwijslocatie_code,
        ander.vestigingserkenning_id.is_not(None),
        ander.vestigingserkenning_id != G.vestigingserkenning_id,
        geldig_op(ander, peildatum),
    )
    gedeeld = or_(elders, ook_andere)
    code = samen(G.onderwijsaanbieder_code, G.onderwijslocatie_code)
    return (
        select(*bevinding("Onderwijslocatiegebruik", code, G.onderwijsbestuur_code, E.code))
        .join(E, E.id == G.vestigingserkenning_id)
        .where(van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum), gedeeld)
    )


@regel(
    "C21",
    "WAARSCHUWING",
    ("eigen regel: RIO vraagt contactgegevens per communicatiecontext",),
    "Onderwijsaanbieder {objectcode} heeft op de peildatum geen contactpunt {waarde}, niet bij "
    "zichzelf en niet bij zijn onderwijsbestuur. Leg het vast in de communicatiecontext "
    "{waarde}.",
    "Onderwijsaanbieder {objectcode} has no {waarde} contactpunt on the peildatum, neither of "
    "its own nor of its bestuur: register one in communicatiecontext {waarde}.",
    prive=True,
)
def c21(peildatum: dt.date, bestuur: str | None) -> Select[Any]:

    def ontbreekt(soort: str) -> Any:
        contact = exists().where(
            C.soort == soort,
            geldig_op(C, peildatum),
            or_(
                C.onderwijsaanbieder_code == A.code,
                C.onderwijsbestuur_code == A.onderwijsbestuur_code,
            ),
        )
        return ~contact

    leerplichtig = exists().where(
        O.onderwijsaanbieder_code == A.code,
        O.sector.in_(LEERPLICHTIGE_SECTOREN),
        geldig_op(O, peildatum),
    )
    delen = [
        select(
            *bevinding("Onderwijsaanbieder", A.code, A.onderwijsbestuur_code, literal_soort)
        ).where(van(A.onderwijsbestuur_code, bestuur), geldig_op(A, peildatum), waar)
        for literal_soort, waar in (
            (tekst("TOEZICHT"), ontbreekt("TOEZICHT")),
            (tekst("LEERPLICHT"), and_(ontbreekt("LEERPLICHT"), leerplichtig)),
        )
    ]
    return select(*delen[0].union_all(delen[1]).subquery().c)
