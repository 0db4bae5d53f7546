"""Apollo Client's normalised cache (``@apollo/client`` 4, ``InMemoryCache``, in Node) against
the real app over HTTP never returns one peildatum's data for another: an aanbieder read on
2012-01-01 and then on 2025-10-01 is two objects in the cache, and the 2012 query read again
from the cache alone still has 2012's aanbod. The same reads with the dates stripped from the
ids (the older id form) do mix, which shows the test can see the difference.

Node.js and npm are required (the test fails without them, as in CI); the packages are
installed with ``npm ci`` from tests/apollo/package-lock.json into tests/apollo/node_modules
(``make test`` does, and so does this test when they are missing or stale).
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from onderwijsgraaf.app import create_app
from onderwijsgraaf.settings import ROOT, Settings
from tests.conftest import DATA_DIR, Target
from tests.live import live
from tests.schema.test_ids import CODE, DAYS, aanbod_on

APOLLO = ROOT / "tests" / "apollo"


def installed() -> Path:
    """The script, with @apollo/client installed by npm from the committed lock file."""
    node, npm = shutil.which("node"), shutil.which("npm")
    assert node, "the Apollo cache test needs Node.js (node is not on PATH)"
    assert npm, "the Apollo cache test installs @apollo/client with npm (npm is not on PATH)"
    modules = APOLLO / "node_modules"
    lock = modules / ".package-lock.json"  # npm's record of what it installed
    current = (modules / "@apollo" / "client").is_dir() and lock.is_file()
    if current:
        current = _locked(APOLLO / "package-lock.json") == _locked(lock)
    if not current:
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=APOLLO,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return APOLLO / "cache.mjs"


def _locked(path: Path) -> dict[str, Any]:
    """The package versions a lock file names."""
    packages = json.loads(path.read_text(encoding="utf-8"))["packages"]
    return {name: item.get("version") for name, item in packages.items() if name}


def _id(day: dt.date | None) -> str:
    text = f"Onderwijsaanbieder:{CODE}" + (f"@{day.isoformat()}" if day else "")
    return base64.urlsafe_b64encode(text.encode()).decode()


async def test_apollo_in_memory_cache_keeps_two_peildata_apart(seeded: Target) -> None:
    script = installed()
    first, second = DAYS
    expected = {day: len(await aanbod_on(seeded, CODE, day)) for day in DAYS}
    assert expected[first] != expected[second]  # the premise
    app = create_app(
        Settings(database_url=seeded.url, database_schema=seeded.schema, seed_data_dir=DATA_DIR)
    )
    with live(app) as url:  # the app serves from a thread of its own while node runs
        command = [shutil.which("node") or "node", str(script), f"{url}/graphql", CODE]
        run = await asyncio.to_thread(
            subprocess.run,
            [*command, first.isoformat(), second.isoformat()],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    dated = result["dated"]
    assert dated["first"] == {"id": _id(first), "totalCount": expected[first]}
    assert dated["second"] == {"id": _id(second), "totalCount": expected[second]}
    # read again from the cache only: still the first date's aanbod
    assert dated["again"] == dated["first"]
    assert dated["readQuery"] == expected[first]
    assert dated["keys"] == sorted(f"Onderwijsaanbieder:{_id(day)}" for day in DAYS)
    # the control: with ids of the older form, the second answer overwrote the first
    control = result["control"]
    assert control["first"] == {"id": _id(None), "totalCount": expected[first]}
    assert control["again"] == {"id": _id(None), "totalCount": expected[second]}
    assert control["keys"] == [f"Onderwijsaanbieder:{_id(None)}"]
