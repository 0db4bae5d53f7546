"""The seed refuses what it must not serve: each case runs ``python -m onderwijsgraaf seed`` as
a real process against the seeded database (SQLite and PostgreSQL), and checks that it exits 1
with exactly one line, the same on both databases, and that the previous data keeps serving
with nothing left beside it."""

from __future__ import annotations

import asyncio
import csv
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from onderwijsgraaf.db.engine import create_engine
from onderwijsgraaf.db.models import AangebodenOpleiding, Bron
from onderwijsgraaf.settings import ROOT
from seed import bronnen
from seed.load import sqlite_path
from tests.conftest import DATA_DIR, SEEDED_DIGEST, Target, copy_of
from tests.seed.test_load import leftovers

HO = bronnen.HO.bestand
HO_ROWS = 6827
REFUSED = "seed failed, the database is unchanged: "


def seed(
    target: Target, *args: str, env: dict[str, str] | None = None, limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m onderwijsgraaf seed ARGS`` on ``target``; ``limit``: the largest file in
    bytes the process may write (RLIMIT_FSIZE)."""

    def limited() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "onderwijsgraaf", "seed", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DATABASE_URL": target.url,
            "DATABASE_SCHEMA": target.schema,
            **(env or {}),
        },
        timeout=300,
        check=False,
        preexec_fn=limited,
    )


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a refused seed prints (after its prefix); fails on anything else."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(REFUSED), lines[0]
    return lines[0].removeprefix(REFUSED)


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


async def assert_unchanged(target: Target) -> None:
    """The data seeded for the session still serves, and nothing was left beside it."""
    assert await target.digest() == SEEDED_DIGEST[target]
    assert await leftovers(target) == []


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("data") / "clean"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.fixture
def data_dir(clean_copy: Path, tmp_path: Path) -> Path:
    """A copy of the source files for one test to spoil."""
    copy = tmp_path / "data"
    shutil.copytree(clean_copy, copy)
    return copy


def ho_lines(data_dir: Path) -> list[bytes]:
    return (data_dir / HO).read_bytes().split(b"\n")


def write_ho(data_dir: Path, lines: list[bytes]) -> None:
    (data_dir / HO).write_bytes(b"\n".join(lines))


def insert_into_field(data_dir: Path, line: int, field: str, at: int, inserted: bytes) -> None:
    """Puts ``inserted`` into the (quoted, ASCII-starting) value of ``field`` on ``line`` of
    the HO file, after its first ``at`` characters."""
    lines = ho_lines(data_dir)
    header = next(csv.reader([lines[0].decode()]))
    value = next(csv.reader([lines[line - 1].decode()]))[header.index(field)]
    assert value[:at].isascii()
    quoted = f'"{value}"'.encode()
    assert lines[line - 1].count(quoted) == 1
    spoiled = f'"{value[:at]}'.encode() + inserted + f'{value[at:]}"'.encode()
    lines[line - 1] = lines[line - 1].replace(quoted, spoiled)
    write_ho(data_dir, lines)


def test_the_ho_file_holds_the_rows_these_tests_expect() -> None:
    assert len(ho_lines(DATA_DIR)) - 2 == HO_ROWS  # the header and the final line end


async def test_a_header_only_file_is_refused(seeded: Target, data_dir: Path) -> None:
    write_ho(data_dir, [*ho_lines(data_dir)[:1], b""])
    message = refusal(seed(seeded, "--quiet", "--data-dir", str(data_dir)))
    assert message == (
        f"{data_dir / HO}: 0 rows, but a complete file has at least 4,000 "
        "(the minimums are listed in seed/data/SOURCES.md)"
    )
    await assert_unchanged(seeded)


async def test_a_byte_that_is_not_utf8_is_refused(seeded: Target, data_dir: Path) -> None:
    insert_into_field(data_dir, 5, "ONDERWIJSBESTUUR_NAAM", 4, b"\xff")
    message = refusal(seed(seeded, "--quiet", "--data-dir", str(data_dir)))
    assert message == (
        f"{data_dir / HO}, line 5: field ONDERWIJSBESTUUR_NAAM: byte 0xFF is not UTF-8 "
        "(source files must be UTF-8)"
    )
    await assert_unchanged(seeded)


async def test_a_nul_byte_is_refused(seeded: Target, data_dir: Path) -> None:
    insert_into_field(data_dir, 7, "NAAM_LANG", 3, b"\x00")
    message = refusal(seed(seeded, "--quiet", "--data-dir", str(data_dir)))
    assert message == (
        f"{data_dir / HO}, line 7: field NAAM_LANG: contains NUL (U+0000) at character 4; "
        "fields may not contain control characters"
    )
    await assert_unchanged(seeded)


def shrink_ho(data_dir: Path) -> int:
    """Cuts the HO file to four fifths of its rows (above its minimum); returns their number."""
    lines = ho_lines(data_dir)
    kept = HO_ROWS * 4 // 5
    write_ho(data_dir, [*lines[: 1 + kept], b""])
    return kept


async def test_a_file_that_shrank_by_more_than_a_tenth_is_refused(
    seeded: Target, data_dir: Path
) -> None:
    kept = shrink_ho(data_dir)
    message = refusal(seed(seeded, "--quiet", "--data-dir", str(data_dir)))
    assert message == (
        f"{data_dir / HO}: {kept:,} rows, 20% fewer than the {HO_ROWS:,} of the data now "
        "serving; more than 10% fewer is refused unless --accept-shrink is given"
    )
    await assert_unchanged(seeded)


async def test_seed_accept_shrink_in_the_environment_is_the_option(
    seeded_sqlite: Target, data_dir: Path
) -> None:
    """``make seed SEED_ACCEPT_SHRINK=1`` passes the variable on: the shrunk file passes, and
    the next problem (a tab in the last file read) is the one reported."""
    shrink_ho(data_dir)
    geonames = data_dir / bronnen.PC4_GEONAMES.bestand
    geonames.write_text(geonames.read_text().replace("Groningen", "Gro\tningen", 1))
    accepted = seed(
        seeded_sqlite, "--quiet", "--data-dir", str(data_dir), env={"SEED_ACCEPT_SHRINK": "1"}
    )
    assert "contains a tab (U+0009)" in refusal(accepted)
    assert "--accept-shrink" in refusal(seed(seeded_sqlite, "--quiet", "--data-dir", str(data_dir)))


@pytest.fixture
async def serving_copy(seeded_sqlite: Target, tmp_path: Path) -> AsyncIterator[Target]:
    """A copy of the seeded SQLite database that a test may replace."""
    async with copy_of(seeded_sqlite, tmp_path / "serving") as target:
        yield target


async def test_a_shrunk_file_is_seeded_with_accept_shrink(
    seeded_sqlite: Target, serving_copy: Target, data_dir: Path
) -> None:
    """On SQLite only: ``--accept-shrink`` decides in the check of the files, before either
    database is written, and a whole seed of the files takes half a minute on each; a seed's
    writing and swap on PostgreSQL are tested in ``test_load``."""
    kept = shrink_ho(data_dir)
    result = seed(serving_copy, "--quiet", "--accept-shrink", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stderr == result.stdout == ""

    async def counts(target: Target) -> tuple[int | None, int | None]:
        engine = target.engine()
        try:
            async with engine.connect() as conn:
                rijen = await conn.scalar(select(Bron.rijen).where(Bron.code == bronnen.HO.code))
                aanbod = await conn.scalar(
                    select(func.count()).where(AangebodenOpleiding.sector == "HO")
                )
            return rijen, aanbod
        finally:
            await engine.dispose()

    (rijen, aanbod), (before_rijen, before_aanbod) = (
        await counts(serving_copy),
        await counts(seeded_sqlite),
    )
    assert (before_rijen, rijen) == (HO_ROWS, kept)
    assert aanbod is not None
    assert before_aanbod is not None
    assert 0 < aanbod < before_aanbod
    assert await leftovers(serving_copy) == []
    await assert_unchanged(seeded_sqlite)


@dataclass(frozen=True)
class SmallDisk:
    """Where the live SQLite file lies, how the seed is limited, and what SQLite then says."""

    live: Path
    limit: int | None
    reason: str


@pytest.fixture
def small_disk(seeded_sqlite: Target, tmp_path: Path) -> Iterator[SmallDisk]:
    """A copy of the seeded SQLite file with 8 MiB to spare: on a tmpfs of that size (ENOSPC),
    or, where mounting one is not allowed (it needs root), on the ordinary file system with
    the seed's files limited to 8 MiB (RLIMIT_FSIZE: EFBIG)."""
    seeded = sqlite_path(seeded_sqlite.url)
    disk = tmp_path / "disk"
    disk.mkdir()
    live = disk / seeded.name
    size = seeded.stat().st_size + 8 * 2**20
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    try:
        shutil.copyfile(seeded, live)
        if mounted.returncode == 0:
            yield SmallDisk(live, None, "database or disk is full")
        else:
            yield SmallDisk(live, 8 * 2**20, "disk I/O error")
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", str(disk)], check=True)


async def test_a_full_disk_is_one_line_and_leaves_no_journal(
    seeded_sqlite: Target, small_disk: SmallDisk
) -> None:
    target = Target("sqlite", f"sqlite+aiosqlite:///{small_disk.live}", seeded_sqlite.schema)
    result = seed(target, "--quiet", "--data-dir", str(DATA_DIR), limit=small_disk.limit)
    assert refusal(result) == f"{small_disk.live}.bouw: cannot write: {small_disk.reason}"
    assert names(small_disk.live.parent) == [small_disk.live.name]
    assert await target.digest() == SEEDED_DIGEST[seeded_sqlite]


@pytest.mark.postgres
async def test_a_connection_lost_while_writing_is_one_line_and_leaves_no_schema(
    seeded_postgres: Target,
) -> None:
    """The server ends the seed's connection while it writes the schema aside."""
    aside = f"{seeded_postgres.schema}__bouw"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *["-m", "onderwijsgraaf", "seed", "--quiet", "--data-dir", str(DATA_DIR)],
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={
            **os.environ,
            "DATABASE_URL": seeded_postgres.url,
            "DATABASE_SCHEMA": seeded_postgres.schema,
        },
    )
    finished = asyncio.ensure_future(process.communicate())
    writers = text(
        "SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :aside AND l.pid <> pg_backend_pid()"
    )
    engine = create_engine(seeded_postgres.url)
    try:
        ended = False
        deadline = time.monotonic() + 240
        while not ended and not finished.done() and time.monotonic() < deadline:
            async with engine.begin() as conn:
                for pid in list(await conn.scalars(writers, {"aside": aside})):
                    ended |= bool(await conn.scalar(text(f"SELECT pg_terminate_backend({pid})")))
            await asyncio.sleep(0.05)
        stdout, stderr = await asyncio.wait_for(finished, timeout=240)
    finally:
        if process.returncode is None:
            process.kill()
        await engine.dispose()
    assert ended, "the seed finished before its connection could be ended"
    result = subprocess.CompletedProcess(
        [],
        -1 if process.returncode is None else process.returncode,
        stdout.decode(),
        stderr.decode(),
    )
    assert refusal(result).startswith(f"PostgreSQL schema '{aside}': cannot write: ")
    await assert_unchanged(seeded_postgres)


async def test_a_first_run_shows_a_short_progress_and_no_warnings(
    seeded_sqlite: Target, tmp_path: Path
) -> None:
    """``make run`` on a fresh checkout: ``seed --if-empty`` with no database file yet."""
    live = tmp_path / "var" / "onderwijsgraaf.sqlite"
    target = Target("sqlite", f"sqlite+aiosqlite:///{live}", seeded_sqlite.schema)
    result = seed(target, "--if-empty", "--data-dir", str(DATA_DIR))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "warning" not in result.stderr.lower()
    lines = result.stderr.splitlines()
    assert lines[0] == f"seed: reading {len(bronnen.ALLE)} source files in {DATA_DIR}"
    for line, bron in zip(lines[1:], bronnen.ALLE, strict=False):
        assert re.fullmatch(rf"seed: {re.escape(bron.bestand)}: [1-9][0-9,]* rows", line), line
    assert f"seed: {HO}: {HO_ROWS:,} rows" in lines
    assert re.fullmatch(r"seed: built [0-9,]+ rows in [0-9]+ tables \([0-9.]+ s\)", lines[-3])
    assert re.fullmatch(rf"seed: wrote {re.escape(str(live))} \([0-9.]+ s\)", lines[-2])
    assert re.fullmatch(r"seed: done in [0-9.]+ s", lines[-1])
    assert len(lines) == len(bronnen.ALLE) + 5
    assert names(live.parent) == [live.name]
    assert await target.digest() == SEEDED_DIGEST[seeded_sqlite]


async def test_the_minimums_are_listed_with_the_files(seeded_sqlite: Target) -> None:
    listed = re.findall(
        r"^\| `([^`]+)` \| ([0-9,]+) \| ([0-9,]+) \|$",
        (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    engine = seeded_sqlite.engine()
    try:
        async with engine.connect() as conn:
            rijen = {
                bestand: n for bestand, n in await conn.execute(select(Bron.bestand, Bron.rijen))
            }
    finally:
        await engine.dispose()
    assert listed == [
        (bron.bestand, f"{rijen[bron.bestand]:,}", f"{bron.minimum_rijen:,}")
        for bron in bronnen.ALLE
    ]
    assert all(bron.minimum_rijen < rijen[bron.bestand] for bron in bronnen.ALLE)
