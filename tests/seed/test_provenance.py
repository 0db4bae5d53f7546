"""Everything derived is marked as derived, and private contactpunten are visibly fictional."""

from __future__ import annotations

import pytest
from sqlalchemy import func, literal, or_, select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Cohort,
    Communicatiecontext,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Onderwijslocatie,
    Opleidingseenheid,
)
from tests.conftest import Target

CODED = [Onderwijsbestuur, Onderwijsaanbieder, Onderwijslocatie, Opleidingseenheid]


@pytest.mark.parametrize("model", CODED, ids=lambda m: m.__tablename__)
async def test_every_derived_code_is_marked_derived(
    seeded: Target, model: type[Onderwijsbestuur]
) -> None:
    code_is_derived = (literal(",") + model.afgeleid + ",").like("%,code,%")
    engine = seeded.engine()
    async with engine.connect() as conn:
        derived = await conn.scalar(select(func.count()).where(model.code.like("9%")))
        unmarked = await conn.scalar(
            select(func.count()).where(
                model.code.like("9%"), ~or_(code_is_derived, model.afgeleid == "*")
            )
        )
        real_marked = await conn.scalar(
            select(func.count()).where(~model.code.like("9%"), code_is_derived)
        )
    await engine.dispose()
    assert derived
    assert derived > 0
    assert unmarked == 0
    assert real_marked == 0


async def test_generated_rows_come_from_the_derived_source(seeded: Target) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        cohorten = await conn.scalar(select(func.count()).select_from(Cohort))
        not_marked = await conn.scalar(
            select(func.count()).where(or_(Cohort.bron != "afgeleid", Cohort.afgeleid != "*"))
        )
        mbo_not_marked = await conn.scalar(
            select(func.count()).where(
                AangebodenOpleiding.sector == "MBO", AangebodenOpleiding.afgeleid != "*"
            )
        )
    await engine.dispose()
    assert cohorten
    assert cohorten > 10_000
    assert not_marked == 0
    assert mbo_not_marked == 0


async def test_private_contactpunten_are_fictional_and_spread_over_soorten(seeded: Target) -> None:
    engine = seeded.engine()
    async with engine.connect() as conn:
        per_soort = dict(
            (
                await conn.execute(
                    select(Communicatiecontext.soort, func.count())
                    .where(Communicatiecontext.openbaar.is_(False))
                    .group_by(Communicatiecontext.soort)
                )
            ).all()
        )
        aanbieders = await conn.scalar(select(func.count()).select_from(Onderwijsaanbieder))
        not_fictional = await conn.scalar(
            select(func.count()).where(
                Communicatiecontext.openbaar.is_(False),
                or_(
                    ~Communicatiecontext.email.like("%.invalid"),
                    Communicatiecontext.afgeleid != "*",
                ),
            )
        )
        public_generated = await conn.scalar(
            select(func.count()).where(
                Communicatiecontext.openbaar.is_(True), Communicatiecontext.bron == "afgeleid"
            )
        )
    await engine.dispose()
    assert set(per_soort) == {"TOEZICHT", "LEERPLICHT", "BEKOSTIGING"}
    assert aanbieders
    for soort, share in {"TOEZICHT": 0.7, "LEERPLICHT": 0.6, "BEKOSTIGING": 0.5}.items():
        assert abs(per_soort[soort] / aanbieders - share) < 0.05, soort
    assert not_fictional == 0
    assert public_generated == 0
