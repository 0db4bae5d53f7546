"""Gemeenten and provincies as callers write them, resolved to CBS codes before any SQL is built.

``Gebieden`` holds every gemeente and provincie of the database's ``gemeente`` and ``provincie``
tables (CBS, indeling 2023) and turns the spellings people use into codes:

- a gemeente: its CBS code with or without leading zeros or ``GM`` (``0307``, ``307``,
  ``GM0307``), its name (``Amersfoort``), its name up to a parenthesis or comma where only one
  gemeente has it (``Nuenen`` for "Nuenen, Gerwen en Nederwetten"), and the names
  ``Den Haag`` and ``Den Bosch`` ('s-Gravenhage, 's-Hertogenbosch);
- a provincie: its CBS code with or without ``PV`` (``26``, ``PV26``), its ISO 3166-2:NL
  code with or without ``NL-`` (``UT``, ``NL-UT``), its name (``Utrecht``), and ``Friesland``
  (Fryslân).

Names match ignoring case, accents, apostrophes (straight or curly), punctuation and the
difference between a hyphen and a space. A value that is none of these is ``BadUserInput``
naming the argument, the value and the nearest valid values (by ``difflib``, or for a number
the numerically nearest codes), never an empty answer.

``GebiedenCache`` keeps the ``Gebieden`` of the data version the API serves: loaded with one
statement when first asked for (the app asks at start-up) and again when the data version
changes.
"""

from __future__ import annotations

import asyncio
import difflib
import re
import unicodedata
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from onderwijsgraaf.db import models
from onderwijsgraaf.db.reads import Reads
from onderwijsgraaf.errors import BadUserInput

# ISO 3166-2:NL subdivision codes (without "NL-") per CBS provinciecode
ISO_3166_2 = {
    "20": "GR",
    "21": "FR",
    "22": "DR",
    "23": "OV",
    "24": "FL",
    "25": "GE",
    "26": "UT",
    "27": "NH",
    "28": "ZH",
    "29": "ZE",
    "30": "NB",
    "31": "LI",
}
# names in common use besides CBS's: written name → CBS name
GEMEENTE_NAMEN = {"Den Haag": "'s-Gravenhage", "Den Bosch": "'s-Hertogenbosch"}
PROVINCIE_NAMEN = {"Friesland": "Fryslân"}

GEMEENTECODE = re.compile(r"(?:GM)?\s*([0-9]{1,4})", re.IGNORECASE)
PROVINCIECODE = re.compile(r"(?:PV)?\s*([0-9]{1,2})", re.IGNORECASE)
ISO_CODE = re.compile(r"(?:NL\s*-?\s*)?([A-Z]{2})", re.IGNORECASE)
APOSTROPHES = "'’‘`´ʼ"
SUGGESTIONS = 3


def sleutel(text: str) -> str:
    """A name as it is compared: lower case, without accents and apostrophes, every other
    character that is no letter or digit a space, single spaces: "’s-Gravenhage" → "s gravenhage",
    "Bergen (NH.)" → "bergen nh"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in APOSTROPHES)
    return " ".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


@dataclass(frozen=True)
class Provincie:
    code: str  # CBS provinciecode, 2 digits: "26"
    naam: str  # "Utrecht"
    afkorting: str | None  # ISO 3166-2:NL without "NL-": "UT"

    @property
    def pv_code(self) -> str:
        return f"PV{self.code}"

    def __str__(self) -> str:
        return f"{self.naam} ({self.afkorting}, {self.code})" if self.afkorting else self.naam


@dataclass(frozen=True)
class Gemeente:
    code: str  # CBS gemeentecode, 4 digits: "0307"
    naam: str  # "Amersfoort"
    provincie: Provincie

    @property
    def gm_code(self) -> str:
        return f"GM{self.code}"

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


Namen = dict[str, list[str]]  # name key → the codes of what has that name


def _namen(names: Sequence[tuple[str, str]], aliases: dict[str, str]) -> Namen:
    """Name keys of (name, code) pairs; a name up to a parenthesis or comma ("Bergen" of
    "Bergen (NH.)") where it is no full name, for all that have it; and the ``aliases`` of names
    there are."""
    found: Namen = {}
    short: Namen = {}
    for name, code in names:
        found.setdefault(sleutel(name), []).append(code)
        head = re.split(r"[(,]", name)[0]
        if head != name:
            short.setdefault(sleutel(head), []).append(code)
    for key, codes in short.items():
        found.setdefault(key, codes)
    by_name = dict(names)
    for alias, name in aliases.items():
        if name in by_name:
            found.setdefault(sleutel(alias), [by_name[name]])
    return found


@dataclass(frozen=True, eq=False)
class Gebieden:
    """Every gemeente and provincie of one data version (``versie``: None for a database the
    seed has not versioned)."""

    versie: str | None
    gemeenten: dict[str, Gemeente]  # by code, in code order
    provincies: dict[str, Provincie]  # by code, in code order
    gemeentenamen: Namen = field(repr=False)
    provincienamen: Namen = field(repr=False)

    @classmethod
    def of(
        cls,
        versie: str | None,
        provincies: Iterable[tuple[str, str]],
        gemeenten: Iterable[tuple[str, str, str]],
    ) -> Gebieden:
        """From (code, naam) per provincie and (code, naam, provinciecode) per gemeente."""
        by_code = {
            code: Provincie(code, naam, ISO_3166_2.get(code)) for code, naam in sorted(provincies)
        }
        found = {code: Gemeente(code, naam, by_code[p]) for code, naam, p in sorted(gemeenten)}
        return cls(
            versie,
            found,
            by_code,
            _namen([(g.naam, g.code) for g in found.values()], GEMEENTE_NAMEN),
            _namen([(p.naam, p.code) for p in by_code.values()], PROVINCIE_NAMEN),
        )

    def gemeentecodes(
        self, values: Sequence[str] | None, argument: str = "gemeentecode"
    ) -> list[str] | None:
        """The CBS codes of the gemeenten ``values`` names (None for None), in order, each once."""
        return _each_once(values, lambda value: self.gemeentecode(value, argument))

    def provinciecodes(
        self, values: Sequence[str] | None, argument: str = "provincie"
    ) -> list[str] | None:
        """The CBS codes of the provincies ``values`` names (None for None), in order, each once."""
        return _each_once(values, lambda value: self.provinciecode(value, argument))

    def gemeentecode(self, value: str, argument: str = "gemeentecode") -> str:
        text = value.strip()
        number = GEMEENTECODE.fullmatch(text)
        if number:
            return _by_number(number.group(1).zfill(4), self.gemeenten, value, argument, "gemeente")
        return self._named(value, argument, "gemeente", self.gemeentenamen, self.gemeenten)

    def provinciecode(self, value: str, argument: str = "provincie") -> str:
        text = value.strip()
        number = PROVINCIECODE.fullmatch(text)
        if number:
            code = number.group(1).zfill(2)
            return _by_number(code, self.provincies, value, argument, "provincie")
        iso = ISO_CODE.fullmatch(text)
        if iso:
            afkorting = iso.group(1).upper()
            for provincie in self.provincies.values():
                if provincie.afkorting == afkorting:
                    return provincie.code
        return self._named(value, argument, "provincie", self.provincienamen, self.provincies)

    @staticmethod
    def _named(
        value: str,
        argument: str,
        kind: str,
        names: Namen,
        by_code: dict[str, Gemeente] | dict[str, Provincie],
    ) -> str:
        hint = (
            "a name or a CBS code (0307, 307 or GM0307)"
            if kind == "gemeente"
            else "a name, a CBS code (26 or PV26) or an ISO 3166-2:NL code (UT or NL-UT)"
        )
        key = sleutel(value)
        if not key:
            raise BadUserInput(f"{argument}: {value!r} names no {kind}; give {hint}")
        codes = names.get(key, [])
        if len(codes) == 1:
            return codes[0]
        if len(codes) > 1:
            raise BadUserInput(
                f"{argument}: {value!r} is the name of more than one {kind}: "
                f"{_listed(by_code[c] for c in codes)}; give one of them"
            )
        close = difflib.get_close_matches(key, names, n=SUGGESTIONS, cutoff=0.0)
        nearest = list(dict.fromkeys(c for k in close for c in names[k]))[:SUGGESTIONS]
        raise BadUserInput(
            f"{argument}: {value!r} is no {kind}; the nearest are "
            f"{_listed(by_code[c] for c in nearest)}; give {hint}"
        )


def _each_once(values: Sequence[str] | None, code_of: Callable[[str], str]) -> list[str] | None:
    if values is None:
        return None
    return list(dict.fromkeys(code_of(value) for value in values))


def _by_number(
    code: str,
    by_code: dict[str, Gemeente] | dict[str, Provincie],
    value: str,
    argument: str,
    kind: str,
) -> str:
    """``code`` when it is one of ``by_code``; else ``BadUserInput`` with the numerically
    nearest codes."""
    if code in by_code:
        return code
    nearest = sorted(by_code, key=lambda c: (abs(int(c) - int(code)), c))[:SUGGESTIONS]
    raise BadUserInput(
        f"{argument}: {value!r} is not the CBS code of a {kind}; the nearest are "
        f"{_listed(by_code[c] for c in nearest)}"
    )


def _listed(items: Iterable[object]) -> str:
    return ", ".join(str(item) for item in items)


async def lees_gebieden(reads: Reads, versie: str | None) -> Gebieden:
    """Every provincie with its gemeenten, in one statement."""
    p, g = models.Provincie, models.Gemeente
    statement = select(p.code, p.naam, g.code, g.naam).outerjoin(g, g.provincie_code == p.code)
    rows = [tuple(row) for row in await reads.rows(statement)]
    return Gebieden.of(
        versie,
        {(provincie, naam) for provincie, naam, _, _ in rows},
        [(code, naam, provincie) for provincie, _, code, naam in rows if code is not None],
    )


class GebiedenCache:
    """The ``Gebieden`` of the data version ``version()`` gives: ``current()`` loads them (one
    statement, on a connection of its own) the first time and whenever that version changes;
    while it is unknown (None) the ones loaded last are kept. ``latest`` is what was loaded last
    (None before the first load)."""

    def __init__(self, engine: AsyncEngine, version: Callable[[], Awaitable[str | None]]) -> None:
        self.engine = engine
        self.version = version
        self.latest: Gebieden | None = None
        self._lock = asyncio.Lock()

    def _fits(self, versie: str | None) -> Gebieden | None:
        found = self.latest
        return found if found is not None and versie in (None, found.versie) else None

    async def current(self) -> Gebieden:
        versie = await self.version()
        found = self._fits(versie)
        if found is not None:
            return found
        async with self._lock:
            found = self._fits(versie)
            if found is not None:
                return found
            async with Reads(self.engine) as reads:
                found = await lees_gebieden(reads, versie)
            self.latest = found
            return found
