"""The data version: a digest of the built rows that changes exactly when a row does."""

from __future__ import annotations

import datetime as dt

from onderwijsgraaf.db.models import Gemeente, Provincie
from seed.dataset import Dataset


def dataset(naam: str) -> Dataset:
    built = Dataset()
    built.add(Provincie, code="26", naam="Utrecht", bron="cbs")
    built.add(Gemeente, code="0344", naam=naam, provincie_code="26", bron="cbs")
    return built


def test_equal_rows_give_an_equal_version_and_any_change_a_new_one() -> None:
    assert dataset("Utrecht").digest() == dataset("Utrecht").digest()
    assert dataset("Utrecht").digest() != dataset("Utrecht ").digest()
    assert len(dataset("Utrecht").digest()) == 64


def test_the_version_reads_dates_and_numbers_as_values() -> None:
    built = dataset("Utrecht")
    built.rows["bron"].append({"code": "x", "peildatum": dt.date(2025, 10, 1), "rijen": 3})
    other = dataset("Utrecht")
    other.rows["bron"].append({"code": "x", "peildatum": dt.date(2025, 10, 2), "rijen": 3})
    assert built.digest() != other.digest()
