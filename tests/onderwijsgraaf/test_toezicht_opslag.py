"""The objecten van toezicht are user data: a new seed keeps every object and its history (a
combination the new register lacks is flagged, never removed: ``Toezicht``, checked in the one
test that reseeds for all user data), and the CLI backs them up and restores them
all-or-nothing."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, literal, select

from onderwijsgraaf.db.models import AangebodenOpleiding
from onderwijsgraaf.devkeys import JWKS, mint
from tests.conftest import Api, Target, copy_of, serving
from tests.onderwijsgraaf.test_cli import run

ISSUER, AUDIENCE = "https://idp.test", "onderwijsgraaf"
BESTUUR, PEILDATUM = "907B777", "2025-10-01"
# the SO offering of 929A494 at 972X790, which the test copies under a code of its own
SO_AANBOD = "61eb61e1-b752-5fca-a449-5bea14a958ec"
OBJECT = """query O($code: String!, $p: Date) {
  objectVanToezicht(code: $code, peildatum: $p) {
    code notitie
    versies { begindatum einddatum combinaties {
      aangebodenOpleidingCode bestaatNiet aangebodenOpleiding { code }
    } }
  }
}"""
VASTSTELLEN = """mutation V($input: VaststellenInput!) {
  vaststellenObjectenVanToezicht(input: $input) { objecten { code } }
}"""
WIJZIGEN = """mutation W($input: WijzigenInput!) {
  wijzigenObjectVanToezicht(input: $input) { objecten { code } }
}"""
NOTITIE = """mutation N($input: NotitieInput!) {
  notitieObjectVanToezicht(input: $input) { objecten { code } }
}"""


@pytest.fixture
async def own(seeded: Target, tmp_path: Path) -> AsyncIterator[Target]:
    async with copy_of(seeded, tmp_path / "register") as target:
        yield target


def inspectie(api: Api, dev_keys: Path) -> Api:
    token = mint(
        dev_keys, roles=["inspectie"], subject="i", lifetime=300, issuer=ISSUER, audience=AUDIENCE
    )
    return api.as_viewer({"Authorization": f"Bearer {token}"})


async def add_offering(target: Target, code: str) -> None:
    """A copy of SO_AANBOD under ``code`` in the register (which the next seed will not have)."""
    table = AangebodenOpleiding.__table__
    columns = list(table.c)
    engine = target.engine()
    try:
        async with engine.begin() as conn:
            await conn.execute(
                insert(AangebodenOpleiding).from_select(
                    [c.name for c in columns],
                    select(*(literal(code) if c.name == "code" else c for c in columns)).where(
                        table.c.code == SO_AANBOD
                    ),
                )
            )
    finally:
        await engine.dispose()


async def adopted(target: Target, dev_keys: Path) -> dict[str, Any]:
    """Adopts the bestuur's proposal, changes one object and notes another; the SO object as
    read afterwards."""
    async with serving(target, **settings(dev_keys)) as served:
        api = inspectie(served, dev_keys)
        await api.data(
            VASTSTELLEN, {"input": {"onderwijsbestuurCode": BESTUUR, "begindatum": PEILDATUM}}
        )
        await api.data(NOTITIE, {"input": {"code": "PO-903A465", "notitie": "bezoek 2026"}})
        data = await api.data(OBJECT, {"code": "SO-929A494", "p": PEILDATUM})
    found: dict[str, Any] = data["objectVanToezicht"]
    return found


def settings(dev_keys: Path) -> dict[str, Any]:
    return {
        "auth_jwks": str(dev_keys / JWKS),
        "auth_issuer": ISSUER,
        "auth_audience": AUDIENCE,
        "query_compiler": False,
    }


class Toezicht:
    """Objecten van toezicht written before a new seed and read after it (the seed itself is
    ``test_userdata.test_a_registered_document_survives_a_new_seed``, which reseeds once for all
    user data): the extra offering ``before`` adds to the register is gone after the seed."""

    def __init__(self, dev_keys: Path) -> None:
        self.keys = dev_keys
        self.extra = str(uuid.uuid4())
        self.versie: dict[str, Any] = {}

    async def before(self, target: Target) -> None:
        await add_offering(target, self.extra)
        found = await adopted(target, self.keys)
        (self.versie,) = found["versies"]
        flags = {c["aangebodenOpleidingCode"]: c["bestaatNiet"] for c in self.versie["combinaties"]}
        assert flags == {SO_AANBOD: False, self.extra: False}

    async def after(self, target: Target) -> None:
        async with serving(target, **settings(self.keys)) as served:
            api = inspectie(served, self.keys)
            found = (await api.data(OBJECT, {"code": "SO-929A494", "p": PEILDATUM}))[
                "objectVanToezicht"
            ]
            noted = (await api.data(OBJECT, {"code": "PO-903A465"}))["objectVanToezicht"]
            listed = await api.data(
                '{ objectenVanToezicht(onderwijsbestuurCode: "907B777", peildatum: "2025-10-01") '
                "{ code } }"
            )
        (kept,) = found["versies"]
        assert (kept["begindatum"], kept["einddatum"]) == (
            self.versie["begindatum"],
            self.versie["einddatum"],
        )
        flags = {
            c["aangebodenOpleidingCode"]: (c["bestaatNiet"], c["aangebodenOpleiding"])
            for c in kept["combinaties"]
        }
        # flagged, not removed; the rest as it was
        assert flags == {SO_AANBOD: (False, {"code": SO_AANBOD}), self.extra: (True, None)}
        assert noted["notitie"] == "bezoek 2026"
        assert [o["code"] for o in listed["objectenVanToezicht"]] == [
            "PO-903A465",
            "SO-929A494",
            "VSO-929A494",
        ]


async def test_backup_and_restore_all_or_nothing(
    own: Target, dev_keys: Path, tmp_path: Path
) -> None:
    await adopted(own, dev_keys)
    env = {"DATABASE_URL": own.url, "DATABASE_SCHEMA": own.schema}
    file = tmp_path / "toezicht.json"
    made = run("toezicht", "backup", str(file), env=env)
    assert made.returncode == 0, made.stderr
    backup = json.loads(file.read_text(encoding="utf-8"))
    codes = [o["code"] for o in backup["objecten"]]
    assert codes == ["PO-903A465", "SO-929A494", "VSO-929A494"]
    assert backup["objecten"][0]["notitie"] == "bezoek 2026"

    # a change after the backup; a bad file changes nothing
    async with serving(own, **settings(dev_keys)) as served:
        api = inspectie(served, dev_keys)
        await api.data(NOTITIE, {"input": {"code": "PO-903A465", "notitie": "later"}})
    bad = json.loads(json.dumps(backup))
    bad["objecten"][2]["versies"][0]["begindatum"] = "1 oktober"
    wrong = tmp_path / "fout.json"
    wrong.write_text(json.dumps(bad), encoding="utf-8")
    refused = run("toezicht", "restore", str(wrong), env=env)
    assert refused.returncode == 1
    assert "objecten[2].versies[0].begindatum" in refused.stderr
    twice = json.loads(json.dumps(backup))
    twice["objecten"][1]["versies"][0]["combinaties"] = backup["objecten"][2]["versies"][0][
        "combinaties"
    ]
    wrong.write_text(json.dumps(twice), encoding="utf-8")
    refused = run("toezicht", "restore", str(wrong), env=env)
    assert refused.returncode == 1
    assert "objecten[2].versies[0].combinaties" in refused.stderr
    async with serving(own, **settings(dev_keys)) as served:
        noted = await inspectie(served, dev_keys).data(OBJECT, {"code": "PO-903A465"})
    assert noted["objectVanToezicht"]["notitie"] == "later"

    restored = run("toezicht", "restore", str(file), env=env)
    assert restored.returncode == 0, restored.stderr
    async with serving(own, **settings(dev_keys)) as served:
        noted = await inspectie(served, dev_keys).data(OBJECT, {"code": "PO-903A465"})
    assert noted["objectVanToezicht"]["notitie"] == "bezoek 2026"
    again = tmp_path / "opnieuw.json"
    assert run("toezicht", "backup", str(again), env=env).returncode == 0
    assert json.loads(again.read_text(encoding="utf-8")) == backup
