"""The tools the comparison needs, installed once into var/bench/ and reused: Node 22 and
PostGraphile 5 from the npm registry, wrk from Debian."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from bench.layout import BENCH, NODE22, NODE22_BIN, POSTGRAPHILE
from bench.procs import executable, run, say

NODE_PACKAGE = "node@22"
PEER_PACKAGES = {"postgraphile": "5.1.5", "postgraphile-plugin-connection-filter": "4.0.1"}
GRAPHILE_CONFIG = "graphile.config.mjs"


def node22() -> Path:
    """The Node 22 binary (the machine's own node may be older; PostGraphile 5 needs 22)."""
    node = NODE22_BIN / "node"
    if not _answers(node, "v22."):
        say(f"installing {NODE_PACKAGE} into {NODE22}")
        _npm_project(NODE22)
        run(
            [executable("npm"), "install", "--no-audit", "--no-fund", "--save-exact", NODE_PACKAGE],
            cwd=NODE22,
        )
        if not _answers(node, "v22."):
            raise SystemExit(f"bench: {node} is not Node 22 after npm install {NODE_PACKAGE}")
    return node


def postgraphile() -> Path:
    """The folder PostGraphile runs in: its node_modules and graphile.config.mjs."""
    if not all(_installed(POSTGRAPHILE, name) == v for name, v in PEER_PACKAGES.items()):
        wanted = [f"{name}@{version}" for name, version in PEER_PACKAGES.items()]
        say(f"installing {' '.join(wanted)} into {POSTGRAPHILE}")
        _npm_project(POSTGRAPHILE)
        run(
            [
                executable("npm", node_path()),
                "install",
                "--no-audit",
                "--no-fund",
                "--save-exact",
                *wanted,
            ],
            cwd=POSTGRAPHILE,
            env={**os.environ, "PATH": node_path()},
        )
    shutil.copyfile(BENCH / GRAPHILE_CONFIG, POSTGRAPHILE / GRAPHILE_CONFIG)
    return POSTGRAPHILE


def wrk() -> str:
    """The wrk binary; installed with apt-get when it is missing (needs root)."""
    found = shutil.which("wrk")
    if found:
        return found
    say("installing wrk with apt-get")
    apt = executable("apt-get")
    try:
        run([apt, "install", "-y", "--no-install-recommends", "wrk"])
    except SystemExit:
        run([apt, "update"])
        run([apt, "install", "-y", "--no-install-recommends", "wrk"])
    return executable("wrk")


def node_path() -> str:
    """PATH with Node 22 first, so `node` (and npm's own scripts) run on Node 22."""
    return os.pathsep.join([str(NODE22_BIN), os.environ.get("PATH", "")])


def _npm_project(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    package = folder / "package.json"
    if not package.exists():
        package.write_text(
            json.dumps({"name": f"bench-{folder.name}", "private": True}, indent=2) + "\n"
        )


def _installed(folder: Path, name: str) -> str | None:
    manifest = folder / "node_modules" / name / "package.json"
    if not manifest.exists():
        return None
    version = json.loads(manifest.read_text()).get("version")
    return version if isinstance(version, str) else None


def _answers(node: Path, prefix: str) -> bool:
    if not node.exists():
        return False
    try:
        return run([str(node), "--version"], quiet=True).startswith(prefix)
    except SystemExit:
        return False
