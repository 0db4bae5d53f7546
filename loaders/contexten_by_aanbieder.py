"""The communicatiecontexten the viewer may see of an aanbieder valid on the peildatum, by soort."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from loaders.core import EdgeSpec, PagedKey, PagedLoader, Sessions
from loaders.paging import Page
from loaders.zichtbaarheid import ZichtbareContexten
from onderwijsgraaf.auth import Viewer
from onderwijsgraaf.db.models import Communicatiecontext

Key = PagedKey
Result = Page[Row[Any]]


class ContextenByAanbiederLoader(PagedLoader):
    needs_viewer = True

    def __init__(self, sessions: Sessions, viewer: Viewer) -> None:
        super().__init__(
            sessions,
            EdgeSpec(
                "onderwijsaanbieder.communicatiecontexten",
                ZichtbareContexten(viewer),
                Communicatiecontext.onderwijsaanbieder_code,
                ("soort", "id"),
            ),
        )
