"""Deterministic RIO codes for objects the source files have no RIO code for.

A derived code has RIO's own format but starts with ``9`` (``9NNANNN``, ``9NNNONNNN``): the
codes DUO has issued start at 100, so a derived code never collides with a real one, and a
reader can tell them apart. The number is taken from a SHA-256 of the object's natural key
(a BRIN6, a bevoegd-gezag number, ...), so a code stays the same when other objects come or go;
the rare collision moves to the next free number, in sorted key order, so the same input
always gives the same codes. Aangeboden opleidingen and licenties get UUIDv5s of their key.
"""

from __future__ import annotations

import hashlib
import uuid

# Namespace for the UUIDv5 codes; a fixed, arbitrary value so codes are the same everywhere.
NAMESPACE = uuid.UUID("6f0c2d8e-3c1e-4f6a-9b77-2f4a52d1e0a1")


# (letter, digits before it, digits after it) after the leading 9, per kind of code.
BESTUUR = ("B", 2, 3)
AANBIEDER = ("A", 2, 3)
GROEP = ("G", 2, 3)
LOCATIE = ("X", 2, 3)
OPLEIDINGSEENHEID = ("O", 3, 4)


def derive_codes(kind: tuple[str, int, int], keys: list[str], taken: set[int]) -> dict[str, str]:
    """Derived codes of one ``kind`` for ``keys``. ``taken`` holds the numbers already handed
    out for this kind in this seed (and is updated), so builders never collide."""
    letter, before, after = kind
    space = 10 ** (before + after)
    unique = sorted(set(keys))
    if len(unique) + len(taken) > space:
        raise ValueError(f"{len(unique)} more keys do not fit in {space} {letter}-codes")
    result: dict[str, str] = {}
    for key in unique:
        number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") % space
        while number in taken:
            number = (number + 1) % space
        taken.add(number)
        digits = f"{number:0{before + after}d}"
        result[key] = f"9{digits[:before]}{letter}{digits[before:]}"
    return result


def uuid_code(*key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "|".join(key)))
