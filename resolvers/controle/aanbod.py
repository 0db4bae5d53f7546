"""Controle rules on the offering: aangeboden opleidingen and their cohorten (C07–C10, C16,
C17). Each returns one select (see ``regel``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, String, and_, func, literal, not_, or_, select

from onderwijsgraaf.db import waardelijsten as w
from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    AangebodenOpleidingVoertaal,
    Cohort,
    Onderwijsaanbieder,
    Opleidingseenheid,
)
from resolvers.controle.regel import bevinding, regel, samen, van
from resolvers.controle.tijd import begin, buiten, eind, geldig_op

A = Onderwijsaanbieder
O = AangebodenOpleiding  # noqa: E741 (RIO's "O" of opleiding)
K = Cohort
E = Opleidingseenheid
V = AangebodenOpleidingVoertaal
# OCW programme codes RIO exempts from N09410/P01410 (an offering within its eenheid)
VRIJGESTELD = ("0100", "0200", "0300", "0400", "0600", "2210")


def _aanbod(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    """The valid aanbod of ``bestuur``'s aanbieders (a select to extend)."""
    return (
        select()
        .select_from(O)
        .join(A, A.code == O.onderwijsaanbieder_code)
        .where(van(A.onderwijsbestuur_code, bestuur), geldig_op(O, peildatum))
    )


@regel(
    "C07",
    "FOUT",
    ("N04430", "N09430"),
    "Aangeboden opleiding {objectcode} loopt (van eerste instroom tot einde) buiten de looptijd "
    "van haar onderwijsaanbieder {waarde}. Laat haar binnen die looptijd vallen.",
    "Aangeboden opleiding {objectcode} runs (from first intake to end) outside the lifetime of "
    "its onderwijsaanbieder {waarde}: keep it within that lifetime.",
)
def c07(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    start = func.coalesce(O.eerste_instroomdatum, O.begindatum)
    return (
        _aanbod(peildatum, bestuur)
        .add_columns(*bevinding("AangebodenOpleiding", O.code, A.onderwijsbestuur_code, A.code))
        .where(or_(begin(start) < begin(A.begindatum), eind(O.einddatum) > eind(A.einddatum)))
    )


@regel(
    "C08",
    "FOUT",
    ("N09410", "P01410"),
    "Aangeboden opleiding {objectcode} loopt buiten de geldigheid van haar opleidingseenheid "
    "{waarde}. Laat haar binnen die periode vallen, of kies de geldige opleidingseenheid.",
    "Aangeboden opleiding {objectcode} runs outside the validity of its opleidingseenheid "
    "{waarde}: keep it within that period, or choose the valid opleidingseenheid.",
)
def c08(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    vrijgesteld = or_(
        *(func.coalesce(E.erkende_opleidingscode, "").startswith(p) for p in VRIJGESTELD)
    )
    return (
        _aanbod(peildatum, bestuur)
        .add_columns(*bevinding("AangebodenOpleiding", O.code, A.onderwijsbestuur_code, E.code))
        .join(E, E.code == O.opleidingseenheid_code)
        .where(buiten(O, E), not_(vrijgesteld))
    )


@regel(
    "C09",
    "FOUT",
    ("N09090",),
    "De eerste instroomdatum ({waarde}) van aangeboden opleiding {objectcode} ligt niet vóór "
    "haar einddatum. Verbeter de instroomdatum of de einddatum.",
    "The eerste instroomdatum ({waarde}) of aangeboden opleiding {objectcode} is not before its "
    "einddatum: correct one of the two.",
)
def c09(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    return (
        _aanbod(peildatum, bestuur)
        .add_columns(
            *bevinding(
                "AangebodenOpleiding", O.code, A.onderwijsbestuur_code, O.eerste_instroomdatum
            )
        )
        .where(O.einddatum.is_not(None), O.eerste_instroomdatum >= O.einddatum)
    )


@regel(
    "C10",
    "FOUT",
    ("N11410", "N11430", "N11460", "N11020", "N11030", "N11040"),
    "Cohort {objectcode} (aanbod/cohort): de aanmeldperiode of het instroommoment ligt na het "
    "einde van de aangeboden opleiding, of de datums staan in de verkeerde volgorde ({waarde}). "
    "Verbeter de datums van het cohort.",
    "Cohort {objectcode} (aanbod/cohort): its aanmeldperiode or instroommoment lies after the "
    "end of the aangeboden opleiding, or its dates are out of order ({waarde}): correct the "
    "cohort's dates.",
)
def c10(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    na_einde = and_(
        O.einddatum.is_not(None),
        or_(K.einde_aanmeldperiode > O.einddatum, K.instroommoment >= O.einddatum),
    )
    volgorde = or_(
        K.einde_aanmeldperiode < K.begin_aanmeldperiode,
        K.instroommoment < K.begin_aanmeldperiode,
    )
    datums = samen(
        K.begin_aanmeldperiode,
        func.coalesce(K.einde_aanmeldperiode, K.begin_aanmeldperiode),
        func.coalesce(K.instroommoment, K.begin_aanmeldperiode),
    )
    return (
        _aanbod(peildatum, bestuur)
        .add_columns(*bevinding("Cohort", samen(O.code, K.code), A.onderwijsbestuur_code, datums))
        .join(K, K.aangeboden_opleiding_code == O.code)
        .where(or_(na_einde, volgorde))
    )


@regel(
    "C16",
    "FOUT",
    ("K01050", "K01051", "N09030", "N09040", "N09050", "N09060", "N09070", "N09080", "N11440"),
    "{objecttype} {objectcode} heeft een waarde die niet in haar RIO-waardelijst staat, of die "
    "in deze sector niet geldt ({waarde}). Kies een waarde uit de waardelijst.",
    "{objecttype} {objectcode} has a value that is not in its RIO value list, or not valid in "
    "its sector ({waarde}): choose a value from the list.",
)
def c16(peildatum: dt.date, bestuur: str | None) -> Select[Any]:

    def veld(naam: str, kolom: Any) -> Any:
        return samen(literal(naam, String), kolom)

    def aanbod(naam: str, kolom: Any, waarden: Any, *extra: Any) -> Select[Any]:
        return (
            _aanbod(peildatum, bestuur)
            .add_columns(
                *bevinding(
                    "AangebodenOpleiding", O.code, A.onderwijsbestuur_code, veld(naam, kolom)
                )
            )
            .where(kolom.is_not(None), or_(kolom.not_in(sorted(waarden)), *extra))
        )

    delen = [
        aanbod("vorm", O.vorm, w.ONDERWIJSINTENSITEIT),
        aanbod("onderwijsconcept", O.onderwijsconcept, w.ONDERWIJSCONCEPT),
        aanbod("leertraject", O.leertraject, w.LEERTRAJECT_MBO, O.sector != "MBO"),
        _aanbod(peildatum, bestuur)
        .add_columns(
            *bevinding(
                "AangebodenOpleiding", O.code, A.onderwijsbestuur_code, veld("voertaal", V.voertaal)
            )
        )
        .join(V, V.aangeboden_opleiding_code == O.code)
        .where(V.voertaal.not_in(sorted(w.TAALCODE))),
        _aanbod(peildatum, bestuur)
        .add_columns(
            *bevinding(
                "Cohort", samen(O.code, K.code), A.onderwijsbestuur_code, veld("status", K.status)
            )
        )
        .join(K, K.aangeboden_opleiding_code == O.code)
        .where(K.status.not_in(sorted(w.COHORTSTATUS))),
        _aanbod(peildatum, bestuur)
        .add_columns(
            *bevinding(
                "AangebodenOpleiding", O.code, A.onderwijsbestuur_code, veld("niveau", E.niveau)
            )
        )
        .join(E, E.code == O.opleidingseenheid_code)
        .where(E.niveau.is_not(None), E.niveau.not_in(sorted(w.NIVEAUCODE))),
    ]
    first, *rest = delen
    return select(*first.union_all(*rest).subquery().c)


@regel(
    "C17",
    "FOUT",
    ("N10410", "N10060"),
    "Aangeboden opleiding {objectcode} noemt samenwerkende aanbieders ({waarde}) die niet "
    "bestaan of dubbel staan. Noem elke samenwerkende aanbieder één keer, met zijn RIO-code.",
    "Aangeboden opleiding {objectcode} names samenwerkende aanbieders ({waarde}) that do not "
    "exist or are listed twice: name each one once, by its RIO code.",
)
def c17(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    lijst = O.samenwerkend_met
    # codes listed: one more than the commas
    genoemd = func.length(lijst) - func.length(func.replace(lijst, ",", "")) + 1
    partner = Onderwijsaanbieder.__table__.alias("partner")
    gevonden = (
        select(func.count(partner.c.code))
        .where(
            literal(",", String)
            .concat(lijst)
            .concat(",")
            .contains(literal(",", String).concat(partner.c.code).concat(","))
        )
        .correlate(O)
        .scalar_subquery()
    )
    return (
        _aanbod(peildatum, bestuur)
        .add_columns(*bevinding("AangebodenOpleiding", O.code, A.onderwijsbestuur_code, lijst))
        .where(lijst.is_not(None), lijst != "", gevonden < genoemd)
    )
