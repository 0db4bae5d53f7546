"""What the register says, on one date, about combinations onderwijsaanbieder × onderwijslocatie ×
aangeboden opleiding: whether each exists then, and if not, which of its codes is wrong and why.

A combination exists on a date when the aanbieder, the locatie and the aangeboden opleiding are
valid then, the aanbieder uses the locatie then (onderwijslocatiegebruik) and the aangeboden
opleiding is the aanbieder's, at that locatie. Four statements for any number of combinations
(``register_op``); ``BestaatLoader`` batches the question per request.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aiodataloader import DataLoader
from sqlalchemy import select, tuple_

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijslocatie,
    Onderwijslocatiegebruik,
    geldig_op,
)
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.db.toezicht import Combinatie

AANBIEDER, LOCATIE, AANBOD = (
    "onderwijsaanbiederCode",
    "onderwijslocatieCode",
    "aangebodenOpleidingCode",
)


@dataclass(frozen=True)
class Register:
    """The register's facts on ``peildatum`` about a set of codes."""

    peildatum: dt.date
    besturen: dict[str, str]  # aanbieder → its bestuur
    locaties: set[str]
    gebruik: set[tuple[str, str]]  # (aanbieder, locatie)
    aanbod: dict[str, tuple[str, str | None]]  # aangeboden opleiding → (aanbieder, locatie)

    def fout(self, c: Combinatie, bestuur: str | None = None) -> tuple[str, str] | None:
        """Why ``c`` does not exist on the peildatum (for a bestuur, when given): the input
        field at fault and the reason; None when it exists."""
        op = self.peildatum.isoformat()
        aanbieder, locatie, code = (
            c.onderwijsaanbieder_code,
            c.onderwijslocatie_code,
            c.aangeboden_opleiding_code,
        )
        if aanbieder not in self.besturen:
            return AANBIEDER, f"no onderwijsaanbieder {aanbieder} on {op}"
        if bestuur is not None and self.besturen[aanbieder] != bestuur:
            return AANBIEDER, f"onderwijsaanbieder {aanbieder} is not of onderwijsbestuur {bestuur}"
        if locatie not in self.locaties:
            return LOCATIE, f"no onderwijslocatie {locatie} on {op}"
        if (aanbieder, locatie) not in self.gebruik:
            return LOCATIE, f"onderwijsaanbieder {aanbieder} does not use {locatie} on {op}"
        if code not in self.aanbod:
            return AANBOD, f"no aangeboden opleiding {code} on {op}"
        if self.aanbod[code][0] != aanbieder:
            return AANBOD, f"aangeboden opleiding {code} is not offered by {aanbieder}"
        if self.aanbod[code][1] not in (None, locatie):
            return AANBOD, f"aangeboden opleiding {code} is not offered at {locatie}"
        return None


async def register_op(
    reads: Reads, combinaties: Iterable[Combinatie], peildatum: dt.date
) -> Register:
    """The register's facts on ``peildatum`` about the codes of ``combinaties``."""
    wanted = list(set(combinaties))
    aanbieders = {c.onderwijsaanbieder_code for c in wanted}
    locaties = {c.onderwijslocatie_code for c in wanted}
    codes = {c.aangeboden_opleiding_code for c in wanted}
    if not wanted:
        return Register(peildatum, {}, set(), set(), {})
    oa, ol, g, a = (
        Onderwijsaanbieder,
        Onderwijslocatie,
        Onderwijslocatiegebruik,
        AangebodenOpleiding,
    )
    besturen = await reads.rows(
        select(oa.code, oa.onderwijsbestuur_code).where(
            oa.code.in_(aanbieders), geldig_op(oa, peildatum)
        )
    )
    gevonden = await reads.rows(
        select(ol.code).where(ol.code.in_(locaties), geldig_op(ol, peildatum))
    )
    pairs = {(c.onderwijsaanbieder_code, c.onderwijslocatie_code) for c in wanted}
    gebruik = await reads.rows(
        select(g.onderwijsaanbieder_code, g.onderwijslocatie_code)
        .where(
            tuple_(g.onderwijsaanbieder_code, g.onderwijslocatie_code).in_(pairs),
            geldig_op(g, peildatum),
        )
        .distinct()
    )
    aanbod = await reads.rows(
        select(a.code, a.onderwijsaanbieder_code, a.onderwijslocatie_code).where(
            a.code.in_(codes), geldig_op(a, peildatum)
        )
    )
    return Register(
        peildatum,
        {row.code: row.onderwijsbestuur_code for row in besturen},
        {row.code for row in gevonden},
        {(row.onderwijsaanbieder_code, row.onderwijslocatie_code) for row in gebruik},
        {row.code: (row.onderwijsaanbieder_code, row.onderwijslocatie_code) for row in aanbod},
    )


class BestaatLoader(DataLoader[tuple[Combinatie, dt.date], bool]):
    """(combination, date) → whether it exists in the register then; four statements per
    date, however many combinations."""

    def __init__(self, reads: Reads) -> None:
        super().__init__()
        self.reads = reads

    async def batch_load_fn(self, keys: Sequence[tuple[Combinatie, dt.date]]) -> list[bool]:
        per_date: dict[dt.date, set[Combinatie]] = defaultdict(set)
        for combinatie, peildatum in keys:
            per_date[peildatum].add(combinatie)
        registers = {
            peildatum: await register_op(self.reads, wanted, peildatum)
            for peildatum, wanted in per_date.items()
        }
        return [registers[peildatum].fout(c) is None for c, peildatum in keys]
