"""Private contactpunten, generated: RIO keeps them from open data, so the seed makes fictional
ones (addresses on the reserved ``.invalid`` domain, ``afgeleid = "*"``) for a realistic share
of aanbieders, chosen by a hash of the aanbieder code so the same input gives the same set.

| soort       | meant for                        | share of aanbieders            |
|-------------|----------------------------------|--------------------------------|
| TOEZICHT    | Inspectie van het Onderwijs      | 70 %                           |
| LEERPLICHT  | the gemeente (leerplichtambtenaar) | 60 % of PO, SO, VO and MBO    |
| BEKOSTIGING | DUO                              | 50 %                           |
"""

from __future__ import annotations

import hashlib

from onderwijsgraaf.db.models import Communicatiecontext
from seed import bronnen
from seed.dataset import Dataset

PRIVATE_SOORTEN = {
    "TOEZICHT": ("toezicht (Inspectie van het Onderwijs)", 70),
    "LEERPLICHT": ("leerplicht (gemeente)", 60),
    "BEKOSTIGING": ("bekostiging (DUO)", 50),
}


def build_private_contactpunten(
    dataset: Dataset, gemeenten: dict[str, str | None], ho_aanbieders: set[str]
) -> None:
    """``gemeenten``: the gemeente of each aanbieder; HO aanbieders get no LEERPLICHT context."""
    for aanbieder in sorted(gemeenten):
        for soort, (omschrijving, procent) in PRIVATE_SOORTEN.items():
            if soort == "LEERPLICHT" and aanbieder in ho_aanbieders:
                continue
            if _share(aanbieder, soort) >= procent:
                continue
            dataset.add(
                Communicatiecontext,
                soort=soort,
                openbaar=False,
                onderwijsaanbieder_code=aanbieder,
                gemeente_code=gemeenten[aanbieder],
                contactnaam=f"Contactpunt {omschrijving} (fictief)",
                email=f"{soort.lower()}@{aanbieder.lower()}.onderwijsgraaf.invalid",
                website=f"https://{soort.lower()}.{aanbieder.lower()}.onderwijsgraaf.invalid/",
                bron=bronnen.AFGELEID,
                afgeleid="*",
            )


def _share(aanbieder: str, soort: str) -> int:
    digest = hashlib.sha256(f"{aanbieder}|{soort}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100
