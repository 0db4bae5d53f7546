"""A copy of the seeded database that can go away and come back while the app runs.

- PostgreSQL: the app reaches the server through a TCP proxy on a port of its own. ``down``
  stops listening and cuts every connection through it (new connections are refused, open ones
  are lost mid-use, as when the server stops); ``up`` listens on the same port again.
- SQLite: the app reads a copy of the seeded file (with its user-data file beside it). ``down``
  moves both files aside and leaves a directory in the place of each, so that SQLite cannot open
  them (the app notices the new file at its next data-version check and lets go of the open
  connections); ``up`` puts the files back.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy.engine import make_url

from onderwijsgraaf.db.userdata import userdata_file
from tests.conftest import Target


class Proxy:
    """A TCP proxy to ``host:port`` on a free local port, that can stop and start."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.listen_port = 0
        self._server: asyncio.Server | None = None
        self._streams: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._pipe, "127.0.0.1", self.listen_port)
        self.listen_port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._streams):
            writer.transport.abort()
        self._streams.clear()

    async def _pipe(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            server_r, server_w = await asyncio.open_connection(self.host, self.port)
        except OSError:
            client_w.transport.abort()
            return
        self._streams |= {client_w, server_w}
        await asyncio.gather(_copy(client_r, server_w), _copy(server_r, client_w))
        self._streams -= {client_w, server_w}


async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(OSError, asyncio.IncompleteReadError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.transport.abort()


class Outage:
    """Switches the database of ``target`` off (``down``) and on (``up``)."""

    def __init__(self, target: Target, proxy: Proxy | None, files: list[Path]) -> None:
        self.target = target
        self.proxy = proxy
        self.files = files
        self._moved: list[Path] = []

    async def down(self) -> None:
        if self.proxy is not None:
            await self.proxy.stop()
        self._moved = [file for file in self.files if file.exists()]
        for file in self._moved:
            file.rename(_aside(file))
            file.mkdir()

    async def up(self) -> None:
        if self.proxy is not None:
            await self.proxy.start()
        for file in self._moved:
            file.rmdir()
            _aside(file).rename(file)
        self._moved = []


def _aside(file: Path) -> Path:
    return file.with_name(file.name + ".weg")


@asynccontextmanager
async def outage(seeded: Target, folder: Path) -> AsyncIterator[Outage]:
    """The database of ``seeded`` behind a switch (see the module); it is up at first."""
    if seeded.backend == "sqlite":
        database = make_url(seeded.url).database
        assert database is not None
        copy = folder / "onderwijsgraaf.sqlite"
        shutil.copyfile(database, copy)
        target = Target("sqlite", f"sqlite+aiosqlite:///{copy}", seeded.schema)
        yield Outage(target, None, [copy, userdata_file(target.url)])
        return
    url = make_url(seeded.url)
    proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.listen_port)
    try:
        yield Outage(
            Target("postgres", proxied.render_as_string(hide_password=False), seeded.schema),
            proxy,
            [],
        )
    finally:
        await proxy.stop()
