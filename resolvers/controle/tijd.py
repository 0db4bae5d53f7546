"""Period arithmetic in SQL for the controle rules: ``begindatum`` inclusive, ``einddatum``
exclusive, an open end NULL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, func

from onderwijsgraaf.db.models import geldig_op

__all__ = ["begin", "buiten", "eind", "geldig_op", "overlappen"]


def begin(column: Any) -> ColumnElement[Any]:
    """A begindatum, the earliest date when open."""
    return func.coalesce(column, dt.date.min)


def eind(column: Any) -> ColumnElement[Any]:
    """An einddatum, the latest date when open."""
    return func.coalesce(column, dt.date.max)


def overlappen(a: Any, b: Any) -> ColumnElement[bool]:
    """The periods of ``a`` and ``b`` (models or ``.c``) share a day."""
    return and_(begin(a.begindatum) < eind(b.einddatum), begin(b.begindatum) < eind(a.einddatum))


def buiten(inner: Any, outer: Any) -> ColumnElement[bool]:
    """The period of ``inner`` starts before or ends after that of ``outer``."""
    return (begin(inner.begindatum) < begin(outer.begindatum)) | (
        eind(inner.einddatum) > eind(outer.einddatum)
    )
