"""Runtime settings, read from the environment once at start-up.

| variable        | default                                          | meaning                                   |
|-----------------|--------------------------------------------------|-------------------------------------------|
| DATABASE_URL    | sqlite+aiosqlite:///var/onderwijsgraaf.sqlite    | SQLite file or PostgreSQL server          |
| DATABASE_SCHEMA | onderwijsgraaf                                   | PostgreSQL schema holding the data        |
| SEED_DATA_DIR   | seed/data                                        | folder with the source files for the seed |
| AUTH_JWKS       | var/auth/jwks.json                               | JWKS file or URL with the token keys      |
| AUTH_ISSUER     | onderwijsgraaf-dev                               | the `iss` tokens must carry               |
| AUTH_AUDIENCE   | onderwijsgraaf                                   | the `aud` tokens must carry               |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{ROOT / 'var' / 'onderwijsgraaf.sqlite'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    database_schema: str
    seed_data_dir: Path
    auth_jwks: str = str(ROOT / "var" / "auth" / "jwks.json")
    auth_issuer: str = "onderwijsgraaf-dev"
    auth_audience: str = "onderwijsgraaf"

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=normalise_database_url(
                os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
            ),
            database_schema=os.environ.get("DATABASE_SCHEMA", "onderwijsgraaf"),
            seed_data_dir=Path(os.environ.get("SEED_DATA_DIR", ROOT / "seed" / "data")),
            auth_jwks=os.environ.get("AUTH_JWKS", str(ROOT / "var" / "auth" / "jwks.json")),
            auth_issuer=os.environ.get("AUTH_ISSUER", "onderwijsgraaf-dev"),
            auth_audience=os.environ.get("AUTH_AUDIENCE", "onderwijsgraaf"),
        )


def normalise_database_url(url: str) -> str:
    """Accept the plain URLs operators write and pick the async driver we ship."""
    for plain, driver in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgres://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url
