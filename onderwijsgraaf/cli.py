"""Command line: ``python -m onderwijsgraaf <command>``; every command has ``--help``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from onderwijsgraaf.db import runner
from onderwijsgraaf.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from onderwijsgraaf.db.userdata import UserData

DESCRIPTION = """Onderwijsgraaf: a GraphQL API over RIO, the Dutch register of education
institutions and their offering. Configuration comes from the environment: DATABASE_URL
(default: the embedded SQLite file var/onderwijsgraaf.sqlite), DATABASE_SCHEMA (PostgreSQL
schema, default onderwijsgraaf) and SEED_DATA_DIR (default seed/data)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    settings = Settings.from_env()
    return int(args.handler(settings, args) or 0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m onderwijsgraaf", description=DESCRIPTION)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="start the API (GraphiQL at /graphql)",
        description="Start the API server with uvicorn.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default %(default)s)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default %(default)s)")
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (default %(default)s)"
    )
    serve.add_argument(
        "--no-access-log", action="store_true", help="do not log every request (uvicorn's log)"
    )
    serve.set_defaults(handler=_serve)

    seed = commands.add_parser(
        "seed",
        help="build the database from the source files and swap it in",
        description="Check every source file (SEED_DATA_DIR), build the whole database aside, "
        "then swap it in. A file that cannot be read, holds a bad value, has fewer rows than "
        "its minimum (seed/data/SOURCES.md) or more than 10 % fewer than the data now "
        "serving was built from is refused with one line naming file, line and field, and "
        "exit code 1; so is a failed write (a full disk). The previous data then stays in "
        "place and keeps serving.",
    )
    seed.add_argument(
        "--data-dir", type=Path, help="folder with the source files (default SEED_DATA_DIR)"
    )
    seed.add_argument(
        "--if-empty", action="store_true", help="do nothing when the database already holds data"
    )
    seed.add_argument(
        "--accept-shrink",
        action="store_true",
        default=os.environ.get("SEED_ACCEPT_SHRINK") == "1",
        help="seed even when a source file has more than 10 %% fewer rows than the data now "
        "serving was built from (also SEED_ACCEPT_SHRINK=1, e.g. make seed SEED_ACCEPT_SHRINK=1)",
    )
    seed.add_argument("--quiet", action="store_true", help="print no progress, only errors")
    seed.set_defaults(handler=_seed)

    sdl = commands.add_parser(
        "schema",
        help="write the GraphQL SDL to schema/schema.graphql",
        description="Write the schema as SDL to schema/schema.graphql (committed); with --check, "
        "only compare and exit 1 when the file is out of date.",
    )
    sdl.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    sdl.set_defaults(handler=_schema)

    export = commands.add_parser(
        "export",
        help="write a root list as CSV, JSON Lines, GeoJSON or Parquet (as /export serves it)",
        description="Write every object of a root list (onderwijsbesturen, onderwijsaanbieders, "
        "onderwijslocaties, aangebodenOpleidingen, opleidingseenheden, "
        "onderwijsaanbiedersgroepen, samenwerkingsverbanden, onderwijsbegeleidingsaanbieders, "
        "gemeenten, provincies) that meets the filter on the peildatum to a file: the same bytes as "
        "/export/<lijst>.<format> serves. A progress bar on standard error.",
    )
    export.add_argument("lijst", help="the root list, as the API names it")
    export.add_argument("format", help="csv, jsonl, geojson or parquet")
    export.add_argument("--peildatum", help="JJJJ-MM-DD (default today)")
    export.add_argument(
        "--filter", help='the list\'s filter as JSON, as in GraphQL: \'{"sector": ["PO"]}\''
    )
    export.add_argument(
        "--output",
        type=Path,
        help="the file to write (default: the name /export gives it, in this folder; - for "
        "standard output)",
    )
    export.set_defaults(handler=_export)

    herkomst = commands.add_parser(
        "herkomst",
        help="print the table of what is derived, per table and field (README)",
        description="Print as markdown, from the database's counts (meta { tabellen }), per "
        "table its rows and per field its values, as read and derived, per source. With "
        "--readme, write it into README.md between the lines <!-- herkomst:begin --> and "
        "<!-- herkomst:end -->; with --check, only compare and exit 1 when README.md holds "
        "another table.",
    )
    herkomst_mode = herkomst.add_mutually_exclusive_group()
    herkomst_mode.add_argument(
        "--readme", action="store_true", help="write the table into README.md"
    )
    herkomst_mode.add_argument(
        "--check", action="store_true", help="compare with README.md only; exit 1 on drift"
    )
    herkomst.set_defaults(handler=_herkomst)

    auth = commands.add_parser(
        "auth",
        help="development keys and tokens",
        description="Development signing keys and tokens.",
    )
    auth_commands = auth.add_subparsers(title="commands", metavar="COMMAND")
    keygen = auth_commands.add_parser(
        "keygen",
        help="create a local ES256 key and its JWKS",
        description="Create var/auth/private.pem and var/auth/jwks.json (the default AUTH_JWKS).",
    )
    keygen.set_defaults(handler=_auth_keygen)
    token = auth_commands.add_parser(
        "token",
        help="mint a token for a role",
        description="Print a token signed with the development key, for the Authorization header.",
    )
    token.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="ROLE",
        help="inspectie, duo, gemeente:<CBS code> or bestuur:<onderwijsbestuurcode>; "
        "repeat for several",
    )
    token.add_argument(
        "--subject", default="ontwikkelaar", help="the token's sub (default %(default)s)"
    )
    token.add_argument("--lifetime", type=int, default=3600, help="seconds (default %(default)s)")
    token.set_defaults(handler=_auth_token)

    db = commands.add_parser("db", help="database maintenance", description="Database maintenance.")
    db_commands = db.add_subparsers(title="commands", metavar="COMMAND")
    upgrade = db_commands.add_parser(
        "upgrade",
        help="apply migrations up to the latest schema",
        description="Create or upgrade the schema in place (Alembic).",
    )
    upgrade.set_defaults(handler=_db_upgrade)
    status = db_commands.add_parser(
        "status",
        help="schema revision and row count per table",
        description="Show the schema revision and the row count per table.",
    )
    status.set_defaults(handler=_db_status)
    digest = db_commands.add_parser(
        "digest",
        help="SHA-256 of the whole content",
        description="Print a digest of all rows; two databases with equal content print the same.",
    )
    digest.set_defaults(handler=_db_digest)
    tellingen = db_commands.add_parser(
        "tellingen",
        help="count the list totals again from the rows stored",
        description="Count the list totals summary (table lijsttelling) again from the rows "
        "stored. The seed and the migrations keep it; run this after writing rows by any other "
        "means, or the root lists' totalCount answers the old counts.",
    )
    tellingen.set_defaults(handler=_db_tellingen)

    documents = commands.add_parser(
        "documents",
        help="trusted documents (queries known by their hash)",
        description="Trusted documents: queries the API accepts by their SHA-256 hash "
        "(GET /graphql?documentId=sha256:<hash>&variables=...). Kept in the database at "
        "DATABASE_URL, apart from the register (a seed keeps them), and known at once to every "
        "API process on it.",
    )
    documents_commands = documents.add_subparsers(title="commands", metavar="COMMAND")
    add = documents_commands.add_parser(
        "add",
        help="register .graphql files; prints each one's sha256",
        description="Check each file against the schema and register it in the database at "
        "DATABASE_URL; prints 'sha256:<hash> <file>' per file. A file that is not valid is "
        "refused with the reason, and then none is registered; so is every file when the "
        "database does not take them (full, read-only, unavailable). Documents added here are "
        "kept for good: they do not count towards the quota of those registered by POST "
        "(TRUSTED_DOCUMENTS_POST_MAX, TRUSTED_DOCUMENTS_POST_MB) and are never removed to make "
        "room. Registering a document that is already known changes nothing, except that one "
        "registered by POST is now kept for good.",
    )
    add.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a .graphql document")
    add.set_defaults(handler=_documents_add)

    toezicht = commands.add_parser(
        "toezicht",
        help="back up and restore the objecten van toezicht",
        description="The Inspectie's objecten van toezicht, kept in the database at DATABASE_URL "
        "apart from the register (a seed keeps them): write them to a JSON file, or replace them "
        "all by those of one.",
    )
    toezicht_commands = toezicht.add_subparsers(title="commands", metavar="COMMAND")
    backup = toezicht_commands.add_parser(
        "backup",
        help="write every object, with its history and notes, to a JSON file",
        description="Write every object van toezicht (versions, combinations, notes) to FILE.",
    )
    backup.add_argument("file", type=Path, metavar="FILE", help="the JSON file to write")
    backup.set_defaults(handler=_toezicht_backup)
    restore = toezicht_commands.add_parser(
        "restore",
        help="replace every object by those of a backup file",
        description="Check the whole of FILE, then replace every stored object van toezicht by "
        "its objects in one transaction (all or nothing). A file that is not right is refused "
        "with the entry at fault, and nothing changes.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a file made by backup")
    restore.set_defaults(handler=_toezicht_restore)
    return parser


T = TypeVar("T")


def _on_database(settings: Settings, work: Callable[[AsyncEngine], Awaitable[T]]) -> T:
    """Run ``work`` on an engine for the configured database, and close it afterwards."""
    from onderwijsgraaf.db.engine import create_engine

    async def run() -> T:
        engine = create_engine(settings.database_url, schema=settings.database_schema)
        try:
            return await work(engine)
        finally:
            await engine.dispose()

    return runner.run(run())


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run(
        "onderwijsgraaf.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=not args.no_access_log,
    )
    return 0


SDL_FILE = Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"


def sdl() -> str:
    from schema.query import build_schema

    return str(build_schema()) + "\n"


def _schema(settings: Settings, args: argparse.Namespace) -> int:
    text = sdl()
    if args.check:
        if not SDL_FILE.exists() or SDL_FILE.read_text(encoding="utf-8") != text:
            print(
                f"{SDL_FILE} is out of date; run: python -m onderwijsgraaf schema", file=sys.stderr
            )
            return 1
        print(f"{SDL_FILE} is up to date", file=sys.stderr)
        return 0
    SDL_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {SDL_FILE}", file=sys.stderr)
    return 0


def _herkomst(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf import herkomst

    table = _on_database(settings, herkomst.markdown_of)
    if table == herkomst.HEADER:
        print("herkomst: the database holds no counts; seed it first", file=sys.stderr)
        return 1
    if not args.readme and not args.check:
        print(table, end="")
        return 0
    readme = herkomst.README.read_text(encoding="utf-8")
    try:
        current = herkomst.readme_table(readme)
    except ValueError as error:
        print(f"herkomst: {herkomst.README}: {error}", file=sys.stderr)
        return 1
    if args.check:
        if current != table:
            print(
                f"herkomst: {herkomst.README} is out of date; run: {herkomst.REGENERATE}",
                file=sys.stderr,
            )
            return 1
        print(f"{herkomst.README} is up to date", file=sys.stderr)
        return 0
    herkomst.README.write_text(herkomst.readme_with(readme, table), encoding="utf-8")
    print(f"wrote the table of what is derived into {herkomst.README}", file=sys.stderr)
    return 0


def _export(settings: Settings, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from onderwijsgraaf import export
    from onderwijsgraaf.db.gebieden import GebiedenCache
    from onderwijsgraaf.db.versie import DataVersion
    from onderwijsgraaf.errors import BadUserInput

    params = {
        name: value
        for name, value in (("peildatum", args.peildatum), ("filter", args.filter))
        if value is not None
    }

    async def run(engine: AsyncEngine) -> tuple[Path | None, int]:
        version = DataVersion(engine, 3600)
        gebieden = GebiedenCache(engine, version.current)
        v = await export.verzoek(args.lijst, args.format, params, gebieden)
        path = args.output or Path(export.bestandsnaam(v, await version.current()))
        bar = tqdm(unit=" rijen", desc=v.lijst.naam, file=sys.stderr, disable=None)

        def start(total: int) -> Callable[[int], None]:
            bar.reset(total=total)

            def update(rows: int) -> None:
                bar.update(rows)

            return update

        try:
            if str(path) == "-":
                count = await export.export_naar(engine, v, sys.stdout.buffer, start)
                return None, count
            with path.open("wb") as out:
                count = await export.export_naar(engine, v, out, start)
        except BaseException:
            if str(path) != "-":
                path.unlink(missing_ok=True)
            raise
        finally:
            bar.close()
        return path, count

    try:
        written, count = _on_database(settings, run)
    except BadUserInput as error:
        print(f"export: {error.message}", file=sys.stderr)
        return 2
    print(f"wrote {count:,} rows to {written or 'standard output'}", file=sys.stderr)
    return 0


def _documents_add(settings: Settings, args: argparse.Namespace) -> int:
    import logging

    from graphql import build_schema as graphql_schema

    from onderwijsgraaf.db.userdata import UserData
    from onderwijsgraaf.documents import DocumentError, TrustedDocuments

    logging.getLogger("onderwijsgraaf.documents").setLevel(logging.ERROR)  # said below, once
    store = UserData(settings.database_url, settings.database_schema)
    documents = TrustedDocuments(store, graphql_schema(sdl()), from_post=False)
    texts = {}
    for file in args.files:
        try:
            texts[file] = file.read_text(encoding="utf-8")
        except OSError as error:
            print(f"documents add: {file}: {error.strerror}", file=sys.stderr)
            return 1
        problems = documents.problems(texts[file])
        if problems:
            print(f"documents add: {file}: {'; '.join(problems)}", file=sys.stderr)
            return 1

    async def register() -> list[str]:
        try:
            return await documents.add_all(list(texts.values()))
        finally:
            await store.dispose()

    try:
        hashes = runner.run(register())
    except DocumentError as error:
        cause = str(error.__cause__ or "").strip().splitlines()
        detail = f" ({cause[0]})" if cause else ""
        print(f"documents add: {error.reason}{detail}", file=sys.stderr)
        return 1
    for file, sha256 in zip(texts, hashes, strict=True):
        print(f"sha256:{sha256} {file}")
    return 0


def _toezicht_backup(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf import toezichtbackup

    text, count = _on_userdata(settings, toezichtbackup.backup)
    args.file.write_text(text, encoding="utf-8")
    print(f"toezicht backup: {count} objecten van toezicht written to {args.file}")
    return 0


def _toezicht_restore(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf import toezichtbackup

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"toezicht restore: {args.file}: cannot be read: {error}", file=sys.stderr)
        return 1
    try:
        count = _on_userdata(settings, lambda userdata: toezichtbackup.restore(userdata, text))
    except toezichtbackup.BackupError as error:
        print(f"toezicht restore: {args.file}: {error}; nothing was changed", file=sys.stderr)
        return 1
    print(f"toezicht restore: {count} objecten van toezicht restored from {args.file}")
    return 0


def _on_userdata(settings: Settings, work: Callable[[UserData], Awaitable[T]]) -> T:
    """Run ``work`` on the user data beside the configured database, and close it afterwards."""
    from onderwijsgraaf.db.userdata import UserData

    async def run() -> T:
        userdata = UserData(settings.database_url, settings.database_schema)
        try:
            return await work(userdata)
        finally:
            await userdata.dispose()

    return runner.run(run())


def _seed(settings: Settings, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from seed.errors import SeedError
    from seed.load import reason, seed_database

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"seed: {message}", file=sys.stderr)

    try:
        if args.if_empty and _has_data(settings):
            progress("the database already holds data; nothing to do")
            return 0
        runner.run(
            seed_database(
                settings.database_url,
                settings.database_schema,
                args.data_dir or settings.seed_data_dir,
                progress,
                accept_shrink=args.accept_shrink,
                bewaardagen=settings.wijzigingen_bewaardagen,
            )
        )
    except SeedError as error:
        print(f"seed failed, the database is unchanged: {error}", file=sys.stderr)
        return 1
    except (OSError, SQLAlchemyError) as error:
        print(f"seed failed: cannot use the database: {reason(error)}", file=sys.stderr)
        return 1
    return 0


def _has_data(settings: Settings) -> bool:
    from sqlalchemy import func, select

    from onderwijsgraaf.db.engine import is_sqlite
    from onderwijsgraaf.db.migrate import current_revision
    from onderwijsgraaf.db.models import Bron
    from seed.load import sqlite_path

    if is_sqlite(settings.database_url) and not sqlite_path(settings.database_url).exists():
        return False

    async def count(engine: AsyncEngine) -> bool:
        if await current_revision(engine) is None:
            return False
        async with engine.connect() as conn:
            return bool(await conn.scalar(select(func.count()).select_from(Bron)))

    return _on_database(settings, count)


DEV_KEYS = Path(__file__).resolve().parent.parent / "var" / "auth"


def _auth_keygen(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf.devkeys import keygen

    print(f"wrote {keygen(DEV_KEYS)} (set AUTH_JWKS to it if you moved it)", file=sys.stderr)
    return 0


def _auth_token(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf.auth import ROLE
    from onderwijsgraaf.devkeys import mint

    bad = [role for role in args.role if not ROLE.fullmatch(role)]
    if bad:
        print(
            f"unknown roles {bad}; use inspectie, duo, gemeente:<CBS code> or "
            "bestuur:<onderwijsbestuurcode>",
            file=sys.stderr,
        )
        return 2
    if not (DEV_KEYS / "private.pem").exists():
        print("no development key; run: python -m onderwijsgraaf auth keygen", file=sys.stderr)
        return 1
    print(
        mint(
            DEV_KEYS,
            roles=args.role,
            subject=args.subject,
            lifetime=args.lifetime,
            issuer=settings.auth_issuer,
            audience=settings.auth_audience,
        )
    )
    return 0


def _db_upgrade(settings: Settings, args: argparse.Namespace) -> int:
    from sqlalchemy import text

    from onderwijsgraaf.db.migrate import upgrade

    async def run(engine: AsyncEngine) -> None:
        if engine.url.get_backend_name() != "sqlite":
            async with engine.begin() as conn:
                await conn.execute(
                    text(f'CREATE SCHEMA IF NOT EXISTS "{settings.database_schema}"')
                )
        await upgrade(engine)

    _on_database(settings, run)
    print("database schema is up to date", file=sys.stderr)
    return 0


def _db_status(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf.db.digest import row_counts
    from onderwijsgraaf.db.migrate import current_revision, head_revision

    async def run(engine: AsyncEngine) -> dict[str, object]:
        revision = await current_revision(engine)
        counts = await row_counts(engine) if revision else {}
        return {"revision": revision, "head": head_revision(), "rows": counts}

    print(json.dumps(_on_database(settings, run), indent=2))
    return 0


def _db_digest(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf.db.digest import content_digest

    print(_on_database(settings, content_digest))
    return 0


def _db_tellingen(settings: Settings, args: argparse.Namespace) -> int:
    from onderwijsgraaf.db.models.lijsttelling import tel_opnieuw

    async def run(engine: AsyncEngine) -> None:
        async with engine.begin() as conn:
            await conn.run_sync(tel_opnieuw)

    _on_database(settings, run)
    print("list totals counted again from the rows stored", file=sys.stderr)
    return 0
