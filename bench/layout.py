"""Where the benchmark keeps its files, and the ports its servers listen on."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORKLOADS = BENCH / "workloads"
VAR = ROOT / "var" / "bench"
NODE22 = VAR / "node22"
NODE22_BIN = NODE22 / "node_modules" / ".bin"
POSTGRAPHILE = VAR / "postgraphile"
BODIES = VAR / "bodies"
LOGS = VAR / "logs"
SQLITE_FILE = VAR / "onderwijsgraaf.sqlite"

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/og_bench"


def database_url() -> str:
    """The PostgreSQL database the benchmark seeds and serves (BENCH_DATABASE_URL)."""
    return os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)


# Schemas: the API's tables (a seed), and PostGraphile's views over them.
SCHEMA = "onderwijsgraaf"
PEER_SCHEMA = "og_peer"
SCHEMA_X10 = "og_x10"
PEER_SCHEMA_X10 = "og_peer_x10"

# Every server listens on HOST, each on its own port.
HOST = "127.0.0.1"
PORT_OURS_PG = 8121
PORT_OURS_SQLITE = 8122
PORT_OURS_X10 = 8123
PORT_OURS_WARM = 8124
PORT_OURS_OTHER_WORKERS = 8125
PORT_FLOOR = 5690
PORT_PEER = 5691
PORT_PEER_X10 = 5692
