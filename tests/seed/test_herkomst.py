"""The seed counts every field's values per source, real or derived (``herkomsttelling``)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from onderwijsgraaf.db.models import (
    Base,
    Bron,
    Communicatiecontext,
    Herkomsttelling,
    Onderwijslocatie,
)
from seed.dataset import Dataset
from seed.herkomst import build_herkomsttelling, herkomsttabellen
from tests.conftest import Target, built


def counts(dataset: Dataset) -> dict[tuple[str, str, str, bool], int]:
    build_herkomsttelling(dataset)
    return {
        (r["tabel"], r["veld"], r["bron"], r["afgeleid"]): r["aantal"]
        for r in dataset.rows[Herkomsttelling.__tablename__]
    }


def locatie(dataset: Dataset, code: str, **values: object) -> None:
    dataset.add(Onderwijslocatie, code=code, **{"bron": "duo-scholen-2024", **values})


def test_a_value_counts_for_its_field_source_and_derived_as_its_row_says() -> None:
    dataset = Dataset()
    locatie(dataset, "1X1", straatnaam="Kerkstraat", afgeleid="code")
    locatie(
        dataset,
        "1X2",
        straatnaam="Dorpsweg",
        latitude=52.1,
        veldbronnen="straatnaam=duo-vestigingen-bo-2026,latitude=geonames-pc4-2024",
        afgeleid="latitude",
    )
    locatie(dataset, "9X3", straatnaam="", postcode=None, bron="afgeleid", afgeleid="*")
    found = counts(dataset)
    t = "onderwijslocatie"
    assert found == {
        (t, "*", "duo-scholen-2024", False): 2,
        (t, "*", "afgeleid", True): 1,
        (t, "code", "duo-scholen-2024", True): 1,
        (t, "code", "duo-scholen-2024", False): 1,
        (t, "code", "afgeleid", True): 1,
        (t, "straatnaam", "duo-scholen-2024", False): 1,
        (t, "straatnaam", "duo-vestigingen-bo-2026", False): 1,
        (t, "latitude", "geonames-pc4-2024", True): 1,
    }


def test_false_and_zero_are_values_and_bookkeeping_is_not_counted() -> None:
    dataset = Dataset()
    dataset.add(
        Communicatiecontext, soort="ALGEMEEN", openbaar=False, huisnummer=0, bron="afgeleid"
    )
    found = counts(dataset)
    velden = {veld for (_, veld, _, _) in found}
    assert velden == {"*", "soort", "openbaar", "huisnummer"}  # not id, bron, afgeleid, ...


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"afgeleid": "straat"}, "afgeleid names no columns"),
        ({"veldbronnen": "straat=geonames-pc4-2024"}, "is not <column>=<source>"),
        ({"veldbronnen": "latitude"}, "is not <column>=<source>"),
        ({"veldbronnen": "bron=geonames-pc4-2024"}, "is not <column>=<source>"),
        ({"veldbronnen": "latitude=geonames"}, "'geonames' is not in seed.bronnen"),
        ({"bron": "duo"}, "'duo' is not in seed.bronnen"),
    ],
)
def test_a_mark_that_would_go_uncounted_stops_the_seed(
    values: dict[str, str], message: str
) -> None:
    dataset = Dataset()
    locatie(dataset, "1X1", **values)
    with pytest.raises(ValueError, match=message):
        build_herkomsttelling(dataset)


def test_every_table_with_provenance_is_counted_and_every_source_is_a_bron() -> None:
    dataset = built()
    counted = dataset.rows[Herkomsttelling.__tablename__]
    tables = {table.name for table in herkomsttabellen()}
    assert {"onderwijsbestuur", "aangeboden_opleiding", "cohort", "code"} <= tables
    assert {r["tabel"] for r in counted} == {t for t in tables if dataset.rows[t]}
    assert {r["bron"] for r in counted} <= {r["code"] for r in dataset.rows[Bron.__tablename__]}
    for table in tables:
        rows = sum(r["aantal"] for r in counted if r["tabel"] == table and r["veld"] == "*")
        assert rows == len(dataset.rows[table]), table
    # written after the sources they name (foreign key order)
    order = [t.name for t in Base.metadata.sorted_tables]
    assert order.index(Bron.__tablename__) < order.index(Herkomsttelling.__tablename__)


async def test_the_counts_are_written_with_the_rest(seeded: Target) -> None:
    engine = seeded.engine()
    try:
        async with engine.connect() as conn:
            written = await conn.scalar(select(func.count()).select_from(Herkomsttelling))
            rows = await conn.scalar(
                select(func.sum(Herkomsttelling.aantal)).where(
                    Herkomsttelling.tabel == Onderwijslocatie.__tablename__,
                    Herkomsttelling.veld == "*",
                )
            )
            locaties = await conn.scalar(select(func.count()).select_from(Onderwijslocatie))
    finally:
        await engine.dispose()
    assert written == len(built().rows[Herkomsttelling.__tablename__]) > 0
    assert locaties
    assert rows == locaties


def test_dates_are_values() -> None:
    dataset = Dataset()
    locatie(dataset, "1X1", begindatum=dt.date(2020, 1, 1), afgeleid="begindatum")
    assert counts(dataset)[("onderwijslocatie", "begindatum", "duo-scholen-2024", True)] == 1
