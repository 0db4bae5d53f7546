"""Controle rules on periods: an empty period (C05), a locatiegebruik outside the lifetime of
its aanbieder or locatie (C06) or of its bestuur, or twice at once (C12). Each returns one
select (see ``regel``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, and_, exists, select
from sqlalchemy.orm import aliased

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Cohort,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
)
from resolvers.controle.regel import bevinding, regel, samen, tekst, van
from resolvers.controle.tijd import buiten, geldig_op, overlappen

A = Onderwijsaanbieder
B = Onderwijsbestuur
G = Onderwijslocatiegebruik
O = AangebodenOpleiding  # noqa: E741 (RIO's "O" of opleiding)
K = Cohort
L = Onderwijslocatie


def _leeg(model: Any) -> Any:
    """An einddatum on or before its begindatum."""
    return and_(model.einddatum.is_not(None), model.einddatum <= model.begindatum)


@regel(
    "C05",
    "FOUT",
    ("N01010", "N04010", "N05010", "N09010", "N10010", "J06010", "P01010"),
    "De einddatum van {objecttype} {objectcode} ligt op of vóór zijn begindatum ({waarde}), "
    "zodat het op geen enkele dag geldt. Verbeter een van beide datums.",
    "The einddatum of {objecttype} {objectcode} is on or before its begindatum ({waarde}), so "
    "it is valid on no day at all: correct one of the two dates.",
)
def c05(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    # an empty period holds no peildatum: every object of the bestuur counts, on any date
    def periode(model: Any) -> Any:
        return samen(model.begindatum, model.einddatum)

    delen = [
        select(*bevinding("Onderwijsbestuur", B.code, B.code, periode(B))).where(
            van(B.code, bestuur), _leeg(B)
        ),
        select(*bevinding("Onderwijsaanbieder", A.code, A.onderwijsbestuur_code, periode(A))).where(
            van(A.onderwijsbestuur_code, bestuur), _leeg(A)
        ),
        select(
            *bevinding(
                "Onderwijslocatiegebruik",
                samen(G.onderwijsaanbieder_code, G.onderwijslocatie_code),
                G.onderwijsbestuur_code,
                periode(G),
            )
        ).where(van(G.onderwijsbestuur_code, bestuur), _leeg(G)),
        select(*bevinding("AangebodenOpleiding", O.code, A.onderwijsbestuur_code, periode(O)))
        .join(A, A.code == O.onderwijsaanbieder_code)
        .where(van(A.onderwijsbestuur_code, bestuur), _leeg(O)),
        select(*bevinding("Cohort", samen(O.code, K.code), A.onderwijsbestuur_code, periode(K)))
        .join(O, O.code == K.aangeboden_opleiding_code)
        .join(A, A.code == O.onderwijsaanbieder_code)
        .where(van(A.onderwijsbestuur_code, bestuur), _leeg(K)),
    ]
    first, *rest = delen
    return select(*first.union_all(*rest).subquery().c)


@regel(
    "C06",
    "FOUT",
    ("N02020", "N02030", "N02040", "N05030", "N05040", "N05050", "N05060", "N10020", "N10050"),
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) valt buiten de looptijd van "
    "{waarde}. Laat het gebruik binnen de looptijd van de aanbieder en de locatie vallen.",
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) falls outside the lifetime of "
    "{waarde}: keep the gebruik within the lifetimes of its aanbieder and locatie.",
)
def c06(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    code = samen(G.onderwijsaanbieder_code, G.onderwijslocatie_code)
    delen = [
        select(*bevinding("Onderwijslocatiegebruik", code, G.onderwijsbestuur_code, waarde))
        .join(model, model.code == kolom)
        .where(van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum), buiten(G, model))
        for model, kolom, waarde in (
            (A, G.onderwijsaanbieder_code, samen(tekst("onderwijsaanbieder"), A.code)),
            (L, G.onderwijslocatie_code, samen(tekst("onderwijslocatie"), L.code)),
        )
    ]
    return select(*delen[0].union_all(delen[1]).subquery().c)


@regel(
    "C12",
    "FOUT",
    ("N01410", "N01020"),
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) valt buiten de looptijd van "
    "onderwijsbestuur {waarde}, of bestaat twee keer tegelijk. Laat het binnen de looptijd van "
    "het bestuur vallen en houd één gebruik per periode.",
    "Onderwijslocatiegebruik {objectcode} (aanbieder/locatie) falls outside the lifetime of "
    "onderwijsbestuur {waarde}, or exists twice at once: keep it within the bestuur's lifetime, "
    "one gebruik per period.",
)
def c12(peildatum: dt.date, bestuur: str | None) -> Select[Any]:
    ander = aliased(G)
    dubbel = exists().where(
        ander.onderwijsaanbieder_code == G.onderwijsaanbieder_code,
        ander.onderwijslocatie_code == G.onderwijslocatie_code,
        ander.id != G.id,
        overlappen(ander, G),
    )
    code = samen(G.onderwijsaanbieder_code, G.onderwijslocatie_code)
    return (
        select(*bevinding("Onderwijslocatiegebruik", code, G.onderwijsbestuur_code, B.code))
        .join(B, B.code == G.onderwijsbestuur_code)
        .where(van(G.onderwijsbestuur_code, bestuur), geldig_op(G, peildatum))
        .where(buiten(G, B) | dubbel)
    )
