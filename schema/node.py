"""Relay global ids and the ``Node`` interface.

An id names an object and the peildatum it was read on: URL-safe base64 (padded) of
``<Type>:<code>@<YYYY-MM-DD>``, e.g. ``Onderwijsaanbieder:111A870@2012-01-01``. The same object
read on two dates has two ids, so a client cache that keys objects by id (Apollo's
``InMemoryCache``, urql's graphcache, Relay) never mixes the nested lists of two dates.
``node(id:)`` resolves an id on the date it carries; an id of the older form without ``@date``
still resolves, on today. The compiler writes the same bytes in SQL
(``onderwijsgraaf.compiler.objects``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt

import strawberry

from onderwijsgraaf import graph
from onderwijsgraaf.errors import BadUserInput
from onderwijsgraaf.peildatum import datum
from schema.described import Rij, key_of, type_name_of

NODE_TYPES = (
    "Onderwijsbestuur",
    "Onderwijsaanbieder",
    "Onderwijslocatie",
    "Opleidingseenheid",
    "AangebodenOpleiding",
    "Onderwijsaanbiedersgroep",
    "Onderwijsbegeleidingsaanbieder",
)


def global_id(type_name: str, code: str, peildatum: dt.date) -> strawberry.ID:
    """The id of the object ``type_name`` ``code`` as read on ``peildatum``."""
    text = f"{type_name}:{code}@{peildatum.isoformat()}"
    return strawberry.ID(base64.urlsafe_b64encode(text.encode()).decode())


def parse_global_id(value: str) -> tuple[str, str, dt.date | None]:
    """The node type, code and peildatum of an id; the peildatum is None for an id of the older
    form without one. Raises ``BadUserInput`` for anything that is not an id of this API,
    naming the value, and for a date in it that is not a date (YYYY-MM-DD)."""
    try:
        type_name, _, rest = base64.urlsafe_b64decode(value.encode()).decode().partition(":")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        type_name, rest = "", ""
    code, at, day = rest.rpartition("@") if "@" in rest else (rest, "", "")
    if type_name not in NODE_TYPES or not code:
        raise BadUserInput(f"id: {value!r} is not an id of this API; use the id field of an object")
    if not at:
        return type_name, code, None
    try:
        peildatum = datum(day)
    except ValueError:
        raise BadUserInput(
            f"id: {value!r} carries the peildatum {day!r}, which is not a date (YYYY-MM-DD); "
            "use the id field of an object"
        ) from None
    return type_name, code, peildatum


ID_DESCRIPTION = (
    "Globale id, voor node(id:): het object zoals gelezen op de peildatum van dit antwoord "
    "(base64 van Type:code@JJJJ-MM-DD), dus op elke peildatum een andere id. / Global id, for "
    "node(id:): the object as read on this answer's peildatum (base64 of Type:code@YYYY-MM-DD), "
    "so a different id on every peildatum; node(id:) answers on that date."
)


@strawberry.interface(
    description="Een object met een globale id (Relay). / An object with a global id."
)
class Node(Rij):
    @strawberry.field(description=ID_DESCRIPTION)
    def id(self) -> strawberry.ID:
        node = graph.object_type(type_name_of(self)).node
        return global_id(node or type_name_of(self), key_of(self), self.peildatum)
