"""The servers under test as subprocesses: each starts in its own process group, is waited for
until it answers, and is always stopped (its whole group) when the benchmark ends, fails or is
interrupted."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import httpx

from bench.layout import HOST, LOGS
from bench.procs import say, start


@dataclass
class Server:
    """One server: how to start it and how to tell that it answers (``probe`` gives 200)."""

    name: str
    port: int
    argv: Sequence[str]
    cwd: Path
    env: Mapping[str, str]
    probe: str = "/health"
    probe_body: bytes | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def graphql(self) -> str:
        return f"{self.base}/graphql"

    @property
    def log(self) -> Path:
        return LOGS / f"{self.name}.log"

    def start(self) -> None:
        if _listening(self.port):
            raise SystemExit(
                f"bench: port {self.port} is in use; stop what listens there before running "
                f"the benchmark (it would measure that instead of {self.name})"
            )
        say(f"starting {self.name} on port {self.port} (log: {self.log})")
        self.process = start(self.argv, cwd=self.cwd, env=self.env, log=self.log)

    def wait(self, timeout: float = 180.0) -> None:
        """Until the probe answers 200; stop with the log's tail when the server dies or hangs."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=10.0) as client:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise SystemExit(
                        f"bench: {self.name} exited ({self.process.returncode}):\n{self.tail()}"
                    )
                with contextlib.suppress(httpx.HTTPError):
                    if self._probe(client).status_code == 200:
                        return
                time.sleep(0.5)
        raise SystemExit(
            f"bench: {self.name} did not answer within {timeout:.0f} s:\n{self.tail()}"
        )

    def _probe(self, client: httpx.Client) -> httpx.Response:
        url = self.base + self.probe
        if self.probe_body is None:
            return client.get(url)
        return client.post(
            url, content=self.probe_body, headers={"Content-Type": "application/json"}
        )

    def pids(self) -> list[int]:
        """The server's process and all its descendants (e.g. uvicorn's workers)."""
        if self.process is None or self.process.poll() is not None:
            return []
        return process_tree(self.process.pid)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        for sig, grace in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
            try:
                process.wait(grace)
                return
            except subprocess.TimeoutExpired:
                continue
        say(f"{self.name} (pid {process.pid}) did not stop")

    def tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class Fleet:
    """The servers of one run, started together and stopped together (also on errors)."""

    def __init__(self, servers: Sequence[Server]) -> None:
        self.servers = list(servers)

    def __enter__(self) -> Fleet:
        try:
            for server in self.servers:
                server.start()
            for server in self.servers:
                server.wait()
        except BaseException:
            self.stop()
            raise
        say("all servers answer: " + ", ".join(f"{s.name} :{s.port}" for s in self.servers))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        for server in reversed(self.servers):
            server.stop()

    def __getitem__(self, name: str) -> Server:
        for server in self.servers:
            if server.name == name:
                return server
        raise KeyError(name)

    def __contains__(self, name: str) -> bool:
        return any(server.name == name for server in self.servers)


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0
