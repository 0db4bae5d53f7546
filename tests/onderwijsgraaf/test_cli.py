"""The operator's command line, run as a real process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from onderwijsgraaf.settings import ROOT
from tests.conftest import LATEST, Target, copy_of


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["serve"],
        ["seed"],
        ["schema"],
        ["herkomst"],
        ["auth"],
        ["auth", "keygen"],
        ["auth", "token"],
        ["db"],
        ["db", "upgrade"],
        ["db", "status"],
        ["db", "digest"],
        ["db", "tellingen"],
        ["toezicht"],
        ["toezicht", "backup"],
        ["toezicht", "restore"],
    ],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "usage: python -m onderwijsgraaf" in result.stdout


def test_seed_if_empty_leaves_a_seeded_database_alone(seeded_sqlite: Target) -> None:
    result = run("seed", "--if-empty", env={"DATABASE_URL": seeded_sqlite.url})
    assert result.returncode == 0
    assert "already holds data; nothing to do" in result.stderr


def test_db_status_counts_rows(seeded_sqlite: Target) -> None:
    result = run("db", "status", env={"DATABASE_URL": seeded_sqlite.url})
    assert result.returncode == 0
    status = json.loads(result.stdout)
    assert status["revision"] == status["head"] == LATEST
    assert status["rows"]["gemeente"] == 342


async def test_db_tellingen_counts_the_list_totals_again(
    small_sqlite: Target, tmp_path: Path
) -> None:
    """Rows written by other means than the seed (here: a summary emptied) are counted again."""
    async with copy_of(small_sqlite, tmp_path) as copy:
        with sqlite3.connect(make_url(copy.url).database or "") as db:
            seeded = sorted(db.execute("SELECT * FROM lijsttelling"))
            db.execute("DELETE FROM lijsttelling")
        assert seeded
        result = run("db", "tellingen", env={"DATABASE_URL": copy.url})
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(make_url(copy.url).database or "") as db:
            assert sorted(db.execute("SELECT * FROM lijsttelling")) == seeded


def test_a_failed_seed_exits_1_and_says_what_was_wrong(
    seeded_sqlite: Target, tmp_path: object
) -> None:
    result = run("seed", "--data-dir", "/nonexistent", env={"DATABASE_URL": seeded_sqlite.url})
    assert result.returncode == 1
    assert "seed failed, the database is unchanged:" in result.stderr
    assert (
        "/nonexistent/duo/scholen_po_vo_so_geocoded_20241122.geojson: file is missing"
        in result.stderr
    )


def test_db_upgrade_creates_an_empty_schema(tmp_path: object) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/new.sqlite"
    assert run("db", "upgrade", env={"DATABASE_URL": url}).returncode == 0
    status = json.loads(run("db", "status", env={"DATABASE_URL": url}).stdout)
    assert status["revision"] == LATEST
    assert set(status["rows"].values()) == {0}


def test_a_token_for_an_unknown_role_is_refused() -> None:
    result = run("auth", "token", "--role", "admin")
    assert result.returncode == 2
    assert "unknown roles ['admin']" in result.stderr
    assert "bestuur:<onderwijsbestuurcode>" in result.stderr
    for role in ["bestuur:100b490", "bestuur:100B490x", "duo\n"]:
        assert run("auth", "token", "--role", role).returncode == 2, role


def test_a_bestuur_role_is_accepted() -> None:
    # accepted: a token, or (without a development key) the advice to make one
    result = run("auth", "token", "--role", "bestuur:100B490")
    assert "unknown roles" not in result.stderr
    assert result.returncode == 0 or "auth keygen" in result.stderr


def test_the_token_help_names_the_bestuur_role() -> None:
    result = run("auth", "token", "--help")
    assert result.returncode == 0
    assert "bestuur:<onderwijsbestuurcode>" in result.stdout
