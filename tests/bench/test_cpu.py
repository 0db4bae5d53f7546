"""The benchmark's CPU split (bench/cpu.py) sees a process that keeps a core busy."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.cpu import CpuMeter


def test_a_busy_process_shows_in_its_share_and_in_the_machine_busy() -> None:
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        meter = CpuMeter(lambda: [spinner.pid])
        meter.start()
        time.sleep(1.0)
        split = meter.stop()
    finally:
        spinner.kill()
        spinner.wait()
    # one process can fill at most one core: of a machine with n cores, 1/n of all its time
    assert 0.1 < split.server <= 1.0 + 0.05
    assert split.busy >= split.server - 0.05
    assert split.postgres >= 0.0


def test_a_process_that_waits_uses_no_share() -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.5)  # past its start-up
        meter = CpuMeter(lambda: [sleeper.pid])
        meter.start()
        time.sleep(0.5)
        split = meter.stop()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert split.server < 0.05
