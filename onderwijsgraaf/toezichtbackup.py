"""Backup and restore of the objecten van toezicht (``python -m onderwijsgraaf toezicht backup
FILE`` / ``restore FILE``).

The file is JSON in UTF-8::

    {"formaat": "onderwijsgraaf-objecten-van-toezicht", "versie": 1,
     "objecten": [{"code": "PO-903A465", "onderwijsbestuurCode": "907B777", "notitie": null,
                   "versies": [{"begindatum": "2025-10-01", "einddatum": null,
                                "combinaties": [{"onderwijsaanbiederCode": "903A465",
                                                 "onderwijslocatieCode": "972X790",
                                                 "aangebodenOpleidingCode": "2fe5…"}]}]}]}

Restore reads and checks the whole file first (``lees``: every field's form, versions in order
without overlap, no object twice, no combination in two objects at once) and then replaces all
stored objects in one transaction: all or nothing. A refusal (``BackupError``) names the entry
at fault, e.g. ``objecten[3].versies[0].begindatum``. The answers kept for retries
(``clientMutationId``) are not part of a backup; a restore forgets them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections import defaultdict
from typing import Any

from onderwijsgraaf.db import toezicht as store
from onderwijsgraaf.db.toezicht import CODE, Combinatie, ObjectVanToezicht, Versie
from onderwijsgraaf.db.userdata import UserData

FORMAAT = "onderwijsgraaf-objecten-van-toezicht"
VERSIE = 1
RIO = {
    "onderwijsbestuurCode": r"^[0-9]{3}B[0-9]{3}$",
    "onderwijsaanbiederCode": r"^[0-9]{3}A[0-9]{3}$",
    "onderwijslocatieCode": r"^[0-9]{3}X[0-9]{3}$",
    "aangebodenOpleidingCode": r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$",
}


class BackupError(Exception):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where


def als_json(objecten: list[ObjectVanToezicht]) -> dict[str, Any]:
    return {
        "formaat": FORMAAT,
        "versie": VERSIE,
        "objecten": [
            {
                "code": o.code,
                "onderwijsbestuurCode": o.onderwijsbestuur_code,
                "notitie": o.notitie,
                "versies": [
                    {
                        "begindatum": v.begindatum.isoformat(),
                        "einddatum": v.einddatum.isoformat() if v.einddatum else None,
                        "combinaties": [
                            {
                                "onderwijsaanbiederCode": c.onderwijsaanbieder_code,
                                "onderwijslocatieCode": c.onderwijslocatie_code,
                                "aangebodenOpleidingCode": c.aangeboden_opleiding_code,
                            }
                            for c in v.combinaties
                        ],
                    }
                    for v in o.versies
                ],
            }
            for o in objecten
        ],
    }


def lees(text: str) -> list[ObjectVanToezicht]:
    """The objects of a backup file's text, every entry checked; BackupError otherwise."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise BackupError("the file", f"not JSON: {error}") from None
    _object(data, "the file", {"formaat", "versie", "objecten"})
    if data["formaat"] != FORMAAT or data["versie"] != VERSIE:
        raise BackupError("formaat", f"expected {FORMAAT!r} version {VERSIE}")
    objecten = [
        _lees_object(o, f"objecten[{i}]") for i, o in enumerate(_list(data, "objecten", ""))
    ]
    gezien: dict[str, int] = {}
    for i, o in enumerate(objecten):
        if o.code in gezien:
            raise BackupError(f"objecten[{i}].code", f"{o.code} is also objecten[{gezien[o.code]}]")
        gezien[o.code] = i
    _geen_overlap(objecten)
    return objecten


def _object(value: Any, where: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BackupError(where, "expected an object")
    missing = keys - set(value)
    extra = set(value) - keys
    if missing or extra:
        raise BackupError(where, f"expected the fields {sorted(keys)}; got {sorted(value)}")
    return value


def _list(value: dict[str, Any], key: str, where: str) -> list[Any]:
    found = value[key]
    if not isinstance(found, list):
        raise BackupError(f"{where}{key}", "expected a list")
    return found


def _string(value: dict[str, Any], key: str, where: str, pattern: str | None) -> str:
    found = value[key]
    if not isinstance(found, str) or (pattern is not None and not re.match(pattern, found)):
        raise BackupError(f"{where}.{key}", f"{found!r} is not a valid {key}")
    return found


def _date(value: dict[str, Any], key: str, where: str, optional: bool) -> dt.date | None:
    found = value[key]
    if found is None and optional:
        return None
    try:
        return dt.date.fromisoformat(found)
    except (TypeError, ValueError):
        raise BackupError(f"{where}.{key}", f"{found!r} is not a date (YYYY-MM-DD)") from None


def _lees_object(value: Any, where: str) -> ObjectVanToezicht:
    o = _object(value, where, {"code", "onderwijsbestuurCode", "notitie", "versies"})
    code = _string(o, "code", where, CODE.pattern)
    bestuur = _string(o, "onderwijsbestuurCode", where, RIO["onderwijsbestuurCode"])
    notitie = o["notitie"]
    if notitie is not None and not isinstance(notitie, str):
        raise BackupError(f"{where}.notitie", "expected a string or null")
    versies = [
        _lees_versie(v, f"{where}.versies[{j}]")
        for j, v in enumerate(_list(o, "versies", f"{where}."))
    ]
    if not versies:
        raise BackupError(f"{where}.versies", "an object has at least one version")
    for j, (eerder, later) in enumerate(itertools.pairwise(versies)):
        if eerder.einddatum is None or later.begindatum < eerder.einddatum:
            raise BackupError(
                f"{where}.versies[{j + 1}].begindatum",
                "versions follow each other: each begins on or after the einddatum of the one "
                "before, and only the last may be open",
            )
    return ObjectVanToezicht(code, bestuur, notitie, tuple(versies))


def _lees_versie(value: Any, where: str) -> Versie:
    v = _object(value, where, {"begindatum", "einddatum", "combinaties"})
    begin = _date(v, "begindatum", where, optional=False)
    eind = _date(v, "einddatum", where, optional=True)
    assert begin is not None
    if eind is not None and eind < begin:
        raise BackupError(f"{where}.einddatum", "before the begindatum")
    combinaties: list[Combinatie] = []
    for i, c in enumerate(_list(v, "combinaties", f"{where}.")):
        at = f"{where}.combinaties[{i}]"
        fields = {"onderwijsaanbiederCode", "onderwijslocatieCode", "aangebodenOpleidingCode"}
        c = _object(c, at, fields)
        combinatie = Combinatie(
            _string(c, "onderwijsaanbiederCode", at, RIO["onderwijsaanbiederCode"]),
            _string(c, "onderwijslocatieCode", at, RIO["onderwijslocatieCode"]),
            _string(c, "aangebodenOpleidingCode", at, RIO["aangebodenOpleidingCode"]),
        )
        if combinatie in combinaties:
            raise BackupError(at, "the same combination twice in one version")
        combinaties.append(combinatie)
    return Versie(begin, eind, tuple(sorted(combinaties)))


def _geen_overlap(objecten: list[ObjectVanToezicht]) -> None:
    """No combination is in two objects on the same day."""
    held: dict[Combinatie, list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    for i, o in enumerate(objecten):
        for j, v in enumerate(o.versies):
            if v.einddatum == v.begindatum:
                continue  # superseded on its first day: never valid
            for c in v.combinaties:
                for begin, eind, other in held[c]:
                    if (
                        other != o.code
                        and (eind is None or v.begindatum < eind)
                        and (v.einddatum is None or begin < v.einddatum)
                    ):
                        raise BackupError(
                            f"objecten[{i}].versies[{j}].combinaties",
                            f"a combination of {o.code} is in {other} at the same time",
                        )
                held[c].append((v.begindatum, v.einddatum, o.code))


async def backup(userdata: UserData) -> tuple[str, int]:
    """Every stored object as the text of a backup file, and their number."""
    objecten: list[ObjectVanToezicht] = []
    if await userdata.exists():
        async with userdata.engine.connect() as conn:
            objecten = await store.alle(conn)
    return json.dumps(als_json(objecten), ensure_ascii=False, indent=1) + "\n", len(objecten)


async def restore(userdata: UserData, text: str) -> int:
    """Replace every stored object by those of a backup file's ``text`` (checked whole first);
    their number."""
    objecten = lees(text)
    await userdata.create()
    async with userdata.engine.begin() as conn:
        await userdata.serialise(conn, "toezicht")
        await store.vervang_alles(conn, objecten)
    return len(objecten)
