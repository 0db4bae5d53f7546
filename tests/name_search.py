"""Name search computed here in plain Python from the raw rows, as the README states its rules:
the reference the API's answers are checked against (``onderwijsgraaf.db.naamzoeken`` does the
same with the databases' text indexes).

An object is found when one of its names (in search form) holds every word of the query as a
substring, where a word of at least 5 letters may also be any word of any name that is one
edit away: one letter wrong, missing or extra, or two neighbours swapped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from onderwijsgraaf.db.models import (
    AangebodenOpleiding,
    Onderwijsaanbieder,
    Onderwijsbestuur,
    Opleidingseenheid,
)
from onderwijsgraaf.db.zoeknaam import zoekvorm
from tests.conftest import Target

MIN_TYPO = 5
# The names of each kind of object: its own columns (an aangeboden opleiding also has the names
# of its opleidingseenheid).
COLUMNS = {
    "onderwijsbestuur": ("naam",),
    "onderwijsaanbieder": ("naam", "internationale_naam"),
    "opleidingseenheid": ("naam_lang", "naam_kort", "internationale_naam"),
    "aangeboden_opleiding": ("eigen_naam", "eigen_naam_engels", "eigen_naam_duits"),
}


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one edit: a letter replaced, added or left out, or two
    neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


# no generated repr: the task running an async fixture formats its result, and a repr of
# every row would take seconds per test
@dataclass(repr=False)
class NameSearch:
    """The names of every object by its code (codes of different kinds never coincide), the
    kind (table) and raw row of every code, and every word of the names."""

    names: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[str, Any] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _codes: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (kind, name) → codes
    _corrections: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        besturen: Iterable[Any],
        aanbieders: Iterable[Any],
        eenheden: dict[str, Any],
        aanbod: Iterable[Any],
    ) -> NameSearch:
        search = cls()
        forms: dict[str, str] = {}
        for kind, rows in (
            ("onderwijsbestuur", besturen),
            ("onderwijsaanbieder", aanbieders),
            ("opleidingseenheid", eenheden.values()),
            ("aangeboden_opleiding", aanbod),
        ):
            for row in rows:
                raw = [getattr(row, c) for c in COLUMNS[kind]]
                if kind == "aangeboden_opleiding":
                    eenheid = eenheden[row.opleidingseenheid_code]
                    raw += [getattr(eenheid, c) for c in COLUMNS["opleidingseenheid"]]
                found = [
                    forms.get(name) or forms.setdefault(name, zoekvorm(name))
                    for name in raw
                    if name
                ]
                search.names[row.code] = [form for form in found if form]
                search.kinds[row.code] = kind
                search.rows[row.code] = row
                for form in set(search.names[row.code]):
                    search._codes.setdefault((kind, form), []).append(row.code)
        for form in forms.values():
            search.vocabulary.update(form.split())
        for word in search.vocabulary:
            search._by_length.setdefault(len(word), []).append(word)
        return search

    def corrections(self, word: str) -> set[str]:
        """The word as typed and, for a longer word, the words one edit away from it."""
        if word not in self._corrections:
            found = {word}
            if len(word) >= MIN_TYPO:
                near = (v for n in (-1, 0, 1) for v in self._by_length.get(len(word) + n, []))
                found |= {v for v in near if one_edit(word, v)}
            self._corrections[word] = found
        return self._corrections[word]

    def finds(self, code: str, zoek: str) -> bool:
        words = zoekvorm(zoek).split()
        return any(
            all(any(c in name for c in self.corrections(w)) for w in words)
            for name in self.names[code]
        )

    def found(self, kind: str, zoek: str) -> set[str]:
        """The codes of the objects of ``kind`` (a table name) the query finds, valid or not."""
        words = [self.corrections(w) for w in zoekvorm(zoek).split()]
        return {
            code
            for (k, name), codes in self._codes.items()
            if k == kind and all(any(c in name for c in w) for w in words)
            for code in codes
        }

    def rank(self, code: str, zoek: str) -> int:
        """0: a name is the query; 1: a name starts with it; 2: a name holds every word as typed;
        3: found only with a correction."""
        text, words = zoekvorm(zoek), zoekvorm(zoek).split()

        def of(name: str) -> int:
            if name == text:
                return 0
            if name.startswith(text):
                return 1
            return 2 if all(w in name for w in words) else 3

        return min(of(name) for name in self.names[code])


KEPT: dict[Target, NameSearch] = {}


async def name_search(seeded: Target) -> NameSearch:
    """Name search over the raw rows of the seeded database (read once per database)."""
    if seeded not in KEPT:
        engine = seeded.engine()
        async with engine.connect() as conn:

            async def rows(model: Any) -> list[Any]:
                return list((await conn.execute(select(model.__table__))).all())

            eenheden = {row.code: row for row in await rows(Opleidingseenheid)}
            KEPT[seeded] = NameSearch.of(
                await rows(Onderwijsbestuur),
                await rows(Onderwijsaanbieder),
                eenheden,
                await rows(AangebodenOpleiding),
            )
        await engine.dispose()
    return KEPT[seeded]
