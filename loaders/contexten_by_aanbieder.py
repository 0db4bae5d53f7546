"""The communicatiecontexten the viewer may see of an aanbieder valid on the peildatum, by soort."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row, Select, select

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from loaders.zichtbaarheid import zichtbaar_voor
from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.models import Communicatiecontext, geldig_op

Key = PagedKey
Result = Page[Row[Any]]


class Query:
    """The contexts valid on the peildatum that ``viewer`` may see."""

    def __init__(self, viewer: Viewer) -> None:
        self.visible = zichtbaar_voor(viewer)

    def __call__(self, peildatum: dt.date) -> Select[Any]:
        return select(Communicatiecontext.__table__).where(
            geldig_op(Communicatiecontext, peildatum), self.visible
        )


class ContextenByAanbiederLoader(PagedLoader):
    needs_viewer = True

    def __init__(self, sessions: Sessions, viewer: Viewer) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsaanbieder.communicatiecontexten",
                Query(viewer),
                Communicatiecontext.onderwijsaanbieder_code,
                ("soort", "id"),
            ),
        )
