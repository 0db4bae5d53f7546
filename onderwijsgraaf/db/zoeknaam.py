"""The normalised form of a name that the ``zoeknaam`` columns hold and name search compares."""

from __future__ import annotations

import unicodedata


def zoeknaam(text: str) -> str:
    """Lower case, without accents, with single spaces: "Café  De Ölmühle" → "cafe de olmuhle"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.lower().split())
