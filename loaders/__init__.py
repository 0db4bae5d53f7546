"""Per-request batch loaders, one per edge of the graph; build them with ``Loaders.create``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import get_type_hints

from loaders.aanbieders_by_bestuur import AanbiedersByBestuurLoader
from loaders.aanbieders_by_code import AanbiedersByCodeLoader
from loaders.aanbieders_by_locatie import AanbiedersByLocatieLoader
from loaders.aanbod_by_aanbieder import AanbodByAanbiederLoader
from loaders.aanbod_by_code import AanbodByCodeLoader
from loaders.aanbod_by_locatie import AanbodByLocatieLoader
from loaders.aanbod_by_opleidingseenheid import AanbodByOpleidingseenheidLoader
from loaders.besturen_by_code import BesturenByCodeLoader
from loaders.cohorten_by_aanbod import CohortenByAanbodLoader
from loaders.contexten_by_aanbieder import ContextenByAanbiederLoader
from loaders.contexten_by_bestuur import ContextenByBestuurLoader
from loaders.core import Sessions
from loaders.erkenningen_by_aanbieder import ErkenningenByAanbiederLoader
from loaders.erkenningen_by_bestuur import ErkenningenByBestuurLoader
from loaders.erkenningen_by_id import ErkenningenByIdLoader
from loaders.gemeenten_by_code import GemeentenByCodeLoader
from loaders.groepen_by_code import GroepenByCodeLoader
from loaders.locaties_by_aanbieder import LocatiesByAanbiederLoader
from loaders.locaties_by_code import LocatiesByCodeLoader
from loaders.opleidingseenheden_by_code import OpleidingseenhedenByCodeLoader
from loaders.provincies_by_code import ProvinciesByCodeLoader
from loaders.sectoren_by_aanbieder import SectorenByAanbiederLoader
from loaders.voertalen_by_aanbod import VoertalenByAanbodLoader
from onderwijsgraaf.auth import ANONYMOUS, Viewer


@dataclass(frozen=True)
class Loaders:
    besturen_by_code: BesturenByCodeLoader
    aanbieders_by_code: AanbiedersByCodeLoader
    locaties_by_code: LocatiesByCodeLoader
    opleidingseenheden_by_code: OpleidingseenhedenByCodeLoader
    aanbod_by_code: AanbodByCodeLoader
    groepen_by_code: GroepenByCodeLoader
    erkenningen_by_id: ErkenningenByIdLoader
    gemeenten_by_code: GemeentenByCodeLoader
    provincies_by_code: ProvinciesByCodeLoader
    aanbieders_by_bestuur: AanbiedersByBestuurLoader
    aanbieders_by_locatie: AanbiedersByLocatieLoader
    locaties_by_aanbieder: LocatiesByAanbiederLoader
    aanbod_by_aanbieder: AanbodByAanbiederLoader
    aanbod_by_locatie: AanbodByLocatieLoader
    aanbod_by_opleidingseenheid: AanbodByOpleidingseenheidLoader
    cohorten_by_aanbod: CohortenByAanbodLoader
    erkenningen_by_aanbieder: ErkenningenByAanbiederLoader
    erkenningen_by_bestuur: ErkenningenByBestuurLoader
    contexten_by_aanbieder: ContextenByAanbiederLoader
    contexten_by_bestuur: ContextenByBestuurLoader
    voertalen_by_aanbod: VoertalenByAanbodLoader
    sectoren_by_aanbieder: SectorenByAanbiederLoader

    @classmethod
    def create(cls, sessions: Sessions, viewer: Viewer = ANONYMOUS) -> Loaders:
        """Fresh loaders for one request and its viewer (aiodataloader binds to the running
        event loop). Loaders of private data get the viewer and filter by it."""
        hints = get_type_hints(cls)
        loaders = {}
        for field in fields(cls):
            loader = hints[field.name]
            needs_viewer = getattr(loader, "needs_viewer", False)
            loaders[field.name] = loader(sessions, viewer) if needs_viewer else loader(sessions)
        return cls(**loaders)
