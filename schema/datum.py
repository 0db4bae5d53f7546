"""The ``Date`` scalar: a calendar date written JJJJ-MM-DD (ISO 8601's extended calendar form),
and only so. Python's ``date.fromisoformat`` also reads ``20261130`` and ``2026-W48-1``; a date
written so is refused with the value named, as every URL parameter's is."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.schema.types.base_scalars import wrap_parser

from onderwijsgraaf.peildatum import datum

DATE = strawberry.scalar(
    name="Date",
    description="A calendar date, written JJJJ-MM-DD (e.g. 2025-10-01).",
    serialize=dt.date.isoformat,
    parse_value=wrap_parser(datum, "Date"),
)
