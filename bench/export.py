"""Peak memory of a bulk export: does it stay flat as the list grows?

Runs ``python -m onderwijsgraaf export`` as a child process for the largest root list
(aangebodenOpleidingen) in every format, once for one bestuur's offering (a few hundred rows) and
once for the whole list, and reads each child's peak resident set size (``ru_maxrss`` from
``wait4``). The export reads through one server-side cursor in batches and writes each batch as
it comes, so the whole list should cost what one bestuur costs, plus a few batches at most.
Not a test: it prints a table for the README.

    python bench/export.py                                   # the configured database
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test DATABASE_SCHEMA=og_x10 \\
        python bench/export.py                               # e.g. bench/scale-x10.sql's schema
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIJST = "aangebodenOpleidingen"
SMALL: dict[str, object] = {
    "onderwijsbestuurCode": "990B440"
}  # the bestuur with the most aanbieders
FORMATS = ("csv", "jsonl", "geojson", "parquet")


def run(soort: str, filter: dict[str, object] | None, output: Path) -> tuple[int, float, float]:
    """One export in a child process: its rows, seconds and peak RSS in MB."""
    args = [sys.executable, "-m", "onderwijsgraaf", "export", LIJST, soort, "--output", str(output)]
    if filter is not None:
        args += ["--filter", json.dumps(filter)]
    log = output.with_suffix(".log")
    started = time.monotonic()
    with log.open("w") as stderr:
        # a fixed argument list of our own; stderr to a file, so no pipe can fill up
        child = subprocess.Popen(args, cwd=ROOT, stderr=stderr)  # noqa: S603
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - started
    message = log.read_text()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export failed: {message}")
    found = re.search(r"wrote ([0-9,]+) rows", message)
    rows = int(found.group(1).replace(",", "")) if found else -1
    return rows, seconds, usage.ru_maxrss / 1024  # ru_maxrss is in kB on Linux


def main() -> None:
    print(f"database: {os.environ.get('DATABASE_URL', 'the default SQLite file')}")
    print(f"| {LIJST} | format | rows | MB written | seconds | peak RSS (MB) |")
    print("|---|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for soort in FORMATS:
            for name, filter in (("one bestuur", SMALL), ("whole list", None)):
                output = Path(folder) / f"out.{soort}"
                rows, seconds, peak = run(soort, filter, output)
                size = output.stat().st_size / 1e6
                print(f"| {name} | {soort} | {rows:,} | {size:.1f} | {seconds:.1f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
