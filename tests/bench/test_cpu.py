"""The benchmark's CPU split (bench/cpu.py) sees what a process takes of the machine."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.cpu import CpuMeter, CpuSplit


def split_of(code: str) -> CpuSplit:
    """The split over one second of a Python process running ``code`` (past its start-up)."""
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        time.sleep(0.5)
        meter = CpuMeter(lambda: [process.pid])
        meter.start()
        time.sleep(1.0)
        return meter.stop()
    finally:
        process.kill()
        process.wait()


def test_a_busy_process_shows_in_its_share_and_in_the_machine_busy() -> None:
    split = split_of("while True: pass")
    # one process fills at most one core: of a machine with n cores, 1/n of all its time
    assert 0.1 < split.server <= 1.05
    assert split.busy >= split.server - 0.05
    assert split.postgres >= 0.0


def test_a_process_that_waits_uses_no_share() -> None:
    assert split_of("import time; time.sleep(30)").server < 0.05
