"""Where the machine's CPU went during a load cell, from /proc (Linux): the share of all cores
that was busy, and the shares of the server under load (its process and workers) and of
PostgreSQL's processes, each as a fraction of the whole machine (2 cores: 1.0 is both full).

Shows whether another worker can add throughput: when PostgreSQL, on the same cores, already
takes most of them, a second API process has nothing left to run on."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CpuSplit:
    busy: float  # of all cores
    server: float
    postgres: float


def _machine() -> tuple[int, int]:
    """(busy, idle) clock ticks of all cores since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields[:8]) - idle, idle


def _ticks(pid: int) -> int:
    """User and system clock ticks of a process; 0 when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def _postgres() -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if Path(f"/proc/{entry}/comm").read_text().strip() == "postgres":
                    found.append(int(entry))
            except OSError:
                continue
    return found


class CpuMeter:
    """``start()`` before a cell, ``stop()`` after it: the ``CpuSplit`` in between. Processes
    that start in between (a new PostgreSQL backend) count from their start."""

    def __init__(self, server_pids: Callable[[], list[int]]) -> None:
        self.server_pids = server_pids
        self._machine = (0, 0)
        self._ticks: dict[int, int] = {}

    def _processes(self) -> tuple[list[int], list[int]]:
        return self.server_pids(), _postgres()

    def start(self) -> None:
        server, postgres = self._processes()
        self._ticks = {pid: _ticks(pid) for pid in server + postgres}
        self._machine = _machine()

    def stop(self) -> CpuSplit:
        busy, idle = _machine()
        server, postgres = self._processes()
        total = (busy - self._machine[0]) + (idle - self._machine[1])

        def share(pids: list[int]) -> float:
            used = sum(_ticks(pid) - self._ticks.get(pid, 0) for pid in pids)
            return used / total if total else 0.0

        return CpuSplit(
            busy=(busy - self._machine[0]) / total if total else 0.0,
            server=share(server),
            postgres=share(postgres),
        )
