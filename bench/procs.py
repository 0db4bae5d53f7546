"""Running the commands the benchmark needs (npm, apt-get, psql, the seed, wrk): one place that
starts subprocesses, prints what it runs and stops with the command's output when it fails."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path


class CommandFailed(SystemExit):
    """A command the benchmark needs did not succeed; the message says which and why."""


def say(message: str) -> None:
    """Progress goes to stderr, so stdout holds only the report."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def executable(name: str, path: str | None = None) -> str:
    """The full path of a program on PATH (or on ``path``), or a clear stop."""
    found = shutil.which(name, path=path)
    if found is None:
        raise CommandFailed(f"bench: {name!r} is not on PATH")
    return found


def environment(extra: Mapping[str, str], drop: Sequence[str] = ()) -> dict[str, str]:
    """This process's environment with ``extra`` set and ``drop`` removed."""
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(extra)
    return env


def run(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    quiet: bool = False,
) -> str:
    """Run ``argv`` to completion and return its stdout; stop the benchmark if it fails."""
    if not quiet:
        say("$ " + shlex.join(argv))
    result = subprocess.run(  # noqa: S603 - fixed argument lists of our own
        list(argv),
        cwd=cwd,
        env=dict(env) if env is not None else None,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-4000:]
        raise CommandFailed(
            f"bench: command failed ({result.returncode}): {shlex.join(argv)}\n{output}"
        )
    return result.stdout


def start(
    argv: Sequence[str], *, cwd: Path, env: Mapping[str, str], log: Path
) -> subprocess.Popen[bytes]:
    """Start a long-running process in its own process group, output to ``log``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        return subprocess.Popen(  # noqa: S603 - fixed argument lists of our own
            list(argv),
            cwd=cwd,
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
