"""Relay global ids: ``base64("Onderwijsaanbieder:113A881")``, and the ``Node`` interface."""

from __future__ import annotations

import base64
import binascii

import strawberry

from onderwijsgraaf import graph
from onderwijsgraaf.errors import BadUserInput
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


def global_id(type_name: str, code: str) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{code}".encode()).decode())


def parse_global_id(value: str) -> tuple[str, str]:
    try:
        type_name, _, code = base64.urlsafe_b64decode(value.encode()).decode().partition(":")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        type_name, code = "", ""
    if type_name not in NODE_TYPES or not code:
        raise BadUserInput(f"id: {value!r} is not an id of this API; use the id field of an object")
    return type_name, code


@strawberry.interface(
    description="Een object met een globale id (Relay). / An object with a global id."
)
class Node(Rij):
    @strawberry.field(description="Globale id, voor node(id:). / Global id, for node(id:).")
    def id(self) -> strawberry.ID:
        node = graph.object_type(type_name_of(self)).node
        return global_id(node or type_name_of(self), key_of(self))
