"""Which communicatiecontexten a viewer may see: the public soorten for everyone; TOEZICHT for
the Inspectie; BEKOSTIGING for DUO; LEERPLICHT for a gemeente, of organisaties in that gemeente
only. Every loader of contexts applies this condition in SQL, so no query shape can avoid it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.models import Communicatiecontext, geldig_op


def zichtbaar_voor(viewer: Viewer) -> ColumnElement[bool]:
    c = Communicatiecontext
    allowed: list[ColumnElement[bool]] = [c.openbaar.is_(True)]
    if viewer.inspectie:
        allowed.append(and_(c.openbaar.is_(False), c.soort == "TOEZICHT"))
    if viewer.duo:
        allowed.append(and_(c.openbaar.is_(False), c.soort == "BEKOSTIGING"))
    if viewer.gemeenten:
        allowed.append(
            and_(
                c.openbaar.is_(False),
                c.soort == "LEERPLICHT",
                c.gemeente_code.in_(sorted(viewer.gemeenten)),
            )
        )
    return or_(*allowed)


class ZichtbareContexten:
    """The query of the contexts valid on a peildatum that ``viewer`` may see."""

    def __init__(self, viewer: Viewer) -> None:
        self.visible = zichtbaar_voor(viewer)

    def __call__(self, peildatum: dt.date) -> Select[Any]:
        return select(Communicatiecontext.__table__).where(
            geldig_op(Communicatiecontext, peildatum), self.visible
        )
