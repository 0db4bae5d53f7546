"""Which communicatiecontexten a viewer may see: the public soorten for everyone; TOEZICHT for
the Inspectie; BEKOSTIGING for DUO; LEERPLICHT for a gemeente, of organisaties in that gemeente
only. Every reader of contexts (loader and compiled statement) applies this condition in SQL,
so no query shape can avoid it."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Table, and_, or_

from onderwijsgraaf.auth import Viewer


def contexten_zichtbaar_voor(context: Table, viewer: Viewer) -> ColumnElement[bool]:
    """The rows of ``context`` (the communicatiecontext table or an alias) ``viewer`` may see."""
    c = context.c
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
