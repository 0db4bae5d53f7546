"""``ik``: the caller as the server sees it."""

from __future__ import annotations

import strawberry

from onderwijsgraaf.auth import Viewer


@strawberry.type(description="De aanroeper: anoniem, of de rollen uit het token. / The caller.")
class Gebruiker:
    anoniem: bool = strawberry.field(description="Zonder token. / Without a token.")
    rollen: list[str] = strawberry.field(
        description="Rollen: inspectie, duo, gemeente:<CBS-code>, bestuur:<bestuurscode>. / "
        "Roles from the token."
    )


def ik(viewer: Viewer) -> Gebruiker:
    return Gebruiker(anoniem=viewer.anonymous, rollen=list(viewer.roles))
