"""``runner.run``: a command's database work leaves no worker thread reporting to a closed
event loop (which printed a traceback after the command's own message)."""

from __future__ import annotations

import threading
from pathlib import Path

import aiosqlite
import pytest

from onderwijsgraaf.db import runner


def _workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.endswith("(_connection_worker_thread)")]


async def _open(path: Path) -> None:
    async with aiosqlite.connect(path):
        pass


def test_a_failed_connect_has_finished_its_worker_thread_when_run_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncaught: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", uncaught.append)
    folder = tmp_path / "a folder, not a file"
    folder.mkdir()
    for _ in range(20):
        with pytest.raises(aiosqlite.OperationalError, match="unable to open database file"):
            runner.run(_open(folder))
        assert _workers() == []
    assert uncaught == []


def test_run_returns_what_the_work_returns(tmp_path: Path) -> None:
    async def count() -> int:
        async with aiosqlite.connect(tmp_path / "x.sqlite") as conn:
            cursor = await conn.execute("SELECT 41 + 1")
            row = await cursor.fetchone()
            assert row is not None
            return int(row[0])

    assert runner.run(count()) == 42
    assert _workers() == []
