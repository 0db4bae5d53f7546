"""What a controle rule is, and what it finds.

A rule (``Regel``) has a stable id (``C01``…), a severity (``ernst``: FOUT, WAARSCHUWING or INFO),
its RIO basis (fout codes), a message in Dutch and in English that says what is wrong and how to
fix it, and a function ``vind(peildatum, bestuur)`` that returns ONE SQL ``Select`` of its
findings: the columns ``objecttype`` (RIO type name), ``objectcode`` (RIO code; for an
onderwijslocatiegebruik ``<aanbieder>/<locatie>``, for a cohort ``<aanbod>/<cohort>``),
``onderwijsbestuur_code`` and ``waarde`` (the value the message names, as text, or NULL), for
the bestuur ``bestuur`` or, when None, for every bestuur. A rule marked ``prive`` reads private
contactpunten: its findings are for the bestuur itself and the Inspectie only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, literal, null, true

ERNST = ("FOUT", "WAARSCHUWING", "INFO")

Vinder = Callable[[dt.date, str | None], Select[Any]]


@dataclass(frozen=True)
class Regel:
    id: str
    ernst: str
    rio_basis: tuple[str, ...]
    # templates with {objecttype}, {objectcode} and {waarde}
    melding: str
    message: str
    vind: Vinder
    prive: bool = False


@dataclass(frozen=True)
class Bevinding:
    """One finding: ``regel`` found ``objecttype`` ``objectcode`` of ``onderwijsbestuur_code``
    at fault on ``peildatum``; ``waarde`` is the value its message names."""

    regel: Regel
    objecttype: str
    objectcode: str
    onderwijsbestuur_code: str
    waarde: str | None
    peildatum: dt.date

    @property
    def sleutel(self) -> tuple[str, str, str, str]:
        """The finding's place in every list: rule, object type, object code, value."""
        return (self.regel.id, self.objecttype, self.objectcode, self.waarde or "")

    def _fill(self, template: str) -> str:
        return template.format(
            objecttype=self.objecttype, objectcode=self.objectcode, waarde=self.waarde or ""
        )

    @property
    def melding(self) -> str:
        return self._fill(self.regel.melding)

    @property
    def message(self) -> str:
        return self._fill(self.regel.message)


REGELS: dict[str, Regel] = {}


def regel(
    id: str,
    ernst: str,
    rio_basis: tuple[str, ...],
    melding: str,
    message: str,
    prive: bool = False,
) -> Callable[[Vinder], Vinder]:
    """Registers the decorated function as rule ``id``."""
    if ernst not in ERNST:
        raise ValueError(f"rule {id}: ernst {ernst!r} is not one of {ERNST}")

    def register(vind: Vinder) -> Vinder:
        REGELS[id] = Regel(id, ernst, rio_basis, melding, message, vind, prive)
        return vind

    return register


def bevinding(
    objecttype: str,
    objectcode: Any,
    bestuur: Any,
    waarde: Any = None,
) -> list[ColumnElement[Any]]:
    """The four columns of a rule's select, named and typed alike in every rule."""
    return [
        literal(objecttype, String).label("objecttype"),
        cast(objectcode, String).label("objectcode"),
        cast(bestuur, String).label("onderwijsbestuur_code"),
        cast(waarde if waarde is not None else null(), String).label("waarde"),
    ]


def van(bestuur_column: Any, bestuur: str | None) -> ColumnElement[bool]:
    """Rows of ``bestuur`` (every row when None)."""
    return bestuur_column == bestuur if bestuur is not None else true()


def samen(*delen: Any) -> ColumnElement[Any]:
    """Text columns joined with ``/`` (the code of an object that has none of its own)."""
    result: ColumnElement[Any] = cast(delen[0], String)
    for deel in delen[1:]:
        result = result.concat("/").concat(cast(deel, String))
    return result


def tekst(value: str) -> ColumnElement[Any]:
    """A text constant, typed alike on every database."""
    return literal(value, String)
