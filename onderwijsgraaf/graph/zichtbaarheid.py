"""Which communicatiecontexten a viewer may see: the public soorten for everyone; TOEZICHT for
the Inspectie; BEKOSTIGING for DUO; LEERPLICHT for a gemeente, of organisaties in that gemeente
only; every private soort for a bestuur (role ``bestuur:<code>``), of the bestuur itself and
of its onderwijsaanbieders only. Every reader of contexts (loader and compiled statement) applies this condition in SQL,
so no query shape can avoid it."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Table, and_, or_, select

from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.models import Onderwijsaanbieder


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
    if viewer.besturen:
        besturen = sorted(viewer.besturen)
        aanbieder = Onderwijsaanbieder.__table__.alias()
        van_aanbieders = select(aanbieder.c.code).where(
            aanbieder.c.onderwijsbestuur_code.in_(besturen)
        )
        allowed.append(
            and_(
                c.openbaar.is_(False),
                or_(
                    c.onderwijsbestuur_code.in_(besturen),
                    c.onderwijsaanbieder_code.in_(van_aanbieders),
                ),
            )
        )
    return or_(*allowed)
