"""Packaging: the package builds without setuptools warnings; the wheel holds every module and
every data file the application reads at run time; installed from that wheel (not editable), the
console script works from outside the repository. In the repository itself the top-level
packages are imported from the checkout, and no other distribution may provide them."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from onderwijsgraaf.settings import ROOT

DISTRIBUTION = "onderwijsgraaf"
TOP_LEVEL = ["schema", "seed", "resolvers", "loaders"]
PACKAGES = [DISTRIBUTION, *TOP_LEVEL]
KINDS = ["sdist", "wheel", "editable"]

# Runs one PEP 517 hook of the backend the way pip does, recording the warnings pip would show
# (every UserWarning, which includes setuptools' own warnings).
BUILD = """
import json, sys, warnings
import setuptools.build_meta as backend
kind, out, report = sys.argv[1:]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    name = getattr(backend, "build_" + kind)(out)
shown = [w for w in caught if issubclass(w.category, UserWarning)]
with open(report, "w", encoding="utf-8") as f:
    json.dump({"file": name, "warnings": [f"{w.category.__name__}: {w.message}" for w in shown]}, f)
"""


def source_files() -> list[str]:
    """The files of the packages, as they sit in the repository (without bytecode)."""
    return sorted(
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in (ROOT / package).rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix != ".pyc"
        and not path.name.startswith(".")
        and not path.name.endswith("~")
    )


@dataclass(frozen=True)
class Build:
    file: Path
    warnings: list[str]
    output: str


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """An sdist, a wheel and an editable wheel, each built by the backend in a fresh copy."""
    files = source_files()
    out = tmp_path_factory.mktemp("dist")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONWARNINGS")}
    # With bytecode writing off, distutils logs a warning of its own about skipping it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extra = ["pyproject.toml", project["readme"]]
    extra += [
        path.relative_to(ROOT).as_posix()
        for pattern in project.get("license-files", [])
        for path in ROOT.glob(pattern)
    ]
    extra += ["MANIFEST.in"] if (ROOT / "MANIFEST.in").exists() else []
    built = {}
    for kind in KINDS:
        tree = tmp_path_factory.mktemp(f"source-{kind}")
        for name in sorted({*files, *extra}):
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
        report = tree / "report.json"
        result = subprocess.run(
            [sys.executable, "-c", BUILD, kind, str(out), str(report)],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"building the {kind} failed:\n{output}"
        answer = json.loads(report.read_text(encoding="utf-8"))
        built[kind] = Build(out / answer["file"], answer["warnings"], output)
        shutil.rmtree(tree)
    return built


@dataclass(frozen=True)
class Installed:
    python: Path
    script: Path
    site: Path
    env: dict[str, str]
    cwd: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.script), *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


@pytest.fixture(scope="session")
def installed(builds: dict[str, Build], tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel installed (not editable) into a new virtual environment outside the repository.
    The dependencies are not installed again: the environment also sees this one's."""
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "--no-index", str(builds["wheel"].file)],
        check=True,
    )
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "DATABASE_URL", "DATABASE_READ_URL", "SEED_DATA_DIR")
    }
    env["DATABASE_URL"] = f"sqlite:///{base / 'onderwijsgraaf.sqlite'}"
    cwd = base / "elsewhere"
    cwd.mkdir()
    return Installed(python, venv / "bin" / DISTRIBUTION, site, env, cwd)


@pytest.mark.parametrize("kind", KINDS)
def test_building_shows_no_warnings(builds: dict[str, Build], kind: str) -> None:
    build = builds[kind]
    logged = [line for line in build.output.splitlines() if line.lower().startswith("warning")]
    assert build.warnings == [], f"building the {kind} warns:\n" + "\n".join(build.warnings)
    assert logged == [], f"building the {kind} logs warnings:\n" + "\n".join(logged)


def test_the_wheel_holds_every_module_and_data_file(builds: dict[str, Build]) -> None:
    with zipfile.ZipFile(builds["wheel"].file) as wheel:
        shipped = {name for name in wheel.namelist() if name.split("/")[0] in PACKAGES}
    expected = set(source_files())
    assert sorted(expected - shipped) == [], "missing from the wheel"
    assert sorted(shipped - expected) == [], "in the wheel but not in the repository"


def test_the_console_script_runs_from_an_install(installed: Installed) -> None:
    result = installed.run("--help")
    assert result.returncode == 0, result.stderr
    assert "seed" in result.stdout
    assert "serve" in result.stdout
    # builds the schema (schema, resolvers, loaders) and compares it with the installed SDL
    result = installed.run("schema", "--check")
    assert result.returncode == 0, result.stderr


def test_every_module_and_the_seed_data_come_from_the_install(
    builds: dict[str, Build], installed: Installed
) -> None:
    with zipfile.ZipFile(builds["wheel"].file) as wheel:
        modules = sorted(
            name.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            for name in wheel.namelist()
            if name.endswith(".py") and name.split("/")[0] in PACKAGES
        )
    # Alembic runs the migrations itself (db upgrade in the serving test); env.py needs its context.
    # __main__ runs the command line.
    modules = [
        m
        for m in modules
        if not m.startswith("onderwijsgraaf.db.migrations.") and not m.endswith(".__main__")
    ]
    script = (
        "import importlib, json, sys\n"
        "files = {m: importlib.import_module(m).__file__ for m in sys.argv[1:]}\n"
        "from onderwijsgraaf.settings import Settings\n"
        "print(json.dumps([files, str(Settings.from_env().seed_data_dir)]))"
    )
    result = subprocess.run(
        [str(installed.python), "-c", script, *modules],
        cwd=installed.cwd,
        env=installed.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    files, seed_data = json.loads(result.stdout)
    elsewhere = {m: f for m, f in files.items() if not Path(f).is_relative_to(installed.site)}
    assert elsewhere == {}, "imported from outside the install"
    # the seed's default source files are the installed ones
    assert Path(seed_data) == installed.site / "seed" / "data"
    assert (installed.site / "seed" / "data" / "SOURCES.md").is_file()


def free_port() -> int:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        port: int = listening.getsockname()[1]
        return port


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_the_install_migrates_and_serves(installed: Installed) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(installed.script), "serve", "--port", str(port), "--no-access-log"],
        cwd=installed.cwd,
        env=installed.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # the migrations run while the server starts
        upgrade = installed.run("db", "upgrade")
        assert upgrade.returncode == 0, upgrade.stderr
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    health = client.get("/health")
                    break
                except httpx.TransportError:
                    assert server.poll() is None, server.communicate()[1]
                    assert time.monotonic() < deadline, "the server did not start within 60 s"
                    time.sleep(0.2)
            # 200 only when the schema is at the latest migration
            assert health.status_code == 200, health.text
            page = client.get("/graphql", headers={"Accept": BROWSER})
            assert page.status_code == 200, page.text
            assert page.headers["content-type"].startswith("text/html")
            assert "/static/graphiql/graphiql.min.js" in page.text
            for path in (
                "/static/graphiql/graphiql.min.js",
                "/static/leaflet/leaflet.js",
                "/static/leaflet/images/marker-icon.png",
                "/static/kaart/kaart.js",
                "/kaart",
            ):
                assert client.get(path).status_code == 200, path
            answer = client.get("/graphql", params={"query": "{ __typename }"})
            assert answer.json()["data"] == {"__typename": "Query"}
    finally:
        server.terminate()
        server.communicate(timeout=30)


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_no_other_distribution_provides(name: str) -> None:
    providers = importlib.metadata.packages_distributions().get(name, [])
    others = [p for p in providers if p != DISTRIBUTION]
    assert others == [], f"installed distributions {others} provide a top-level {name!r}"


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_the_folder_is_imported_from_the_repository(name: str) -> None:
    module = __import__(name)
    assert module.__file__ is not None
    assert module.__file__.startswith(str(ROOT / name))
