"""Memory of a server under load, from /proc: resident set size sampled at an interval (does it
grow?) and the peak (VmHWM), each summed over the server's process and its workers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def status_kb(pid: int, key: str) -> int:
    """A ``kB`` value of /proc/<pid>/status (VmRSS, VmHWM, ...); 0 when the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def total_mb(pids: list[int], key: str) -> float:
    return sum(status_kb(pid, key) for pid in pids) / 1024


@dataclass
class RssSampler:
    """Samples the summed VmRSS of ``pids()`` every ``interval`` seconds on a thread, from
    ``start()`` until ``finish()``, which also reads the summed peak (VmHWM)."""

    pids: Callable[[], list[int]]
    interval: float = 10.0
    samples: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MB)
    peak_mb: float = 0.0
    processes: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        started = time.monotonic()

        def take() -> None:
            self.samples.append((time.monotonic() - started, total_mb(self.pids(), "VmRSS")))

        def sample() -> None:
            take()
            while not self._stop.wait(self.interval):
                take()
            take()  # at the end of the run

        self._thread = threading.Thread(target=sample, name="rss", daemon=True)
        self._thread.start()

    def finish(self) -> None:
        """Stop sampling and read the peak; call while the server still runs."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        pids = self.pids()
        self.processes = len(pids)
        self.peak_mb = total_mb(pids, "VmHWM")
