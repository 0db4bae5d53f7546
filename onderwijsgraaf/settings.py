"""Runtime settings, read from the environment once at start-up.

| variable        | default                                          | meaning                                   |
|-----------------|--------------------------------------------------|-------------------------------------------|
| DATABASE_URL    | sqlite+aiosqlite:///var/onderwijsgraaf.sqlite    | SQLite file or PostgreSQL server (the primary): the seed and user data (trusted documents) write here |
| DATABASE_READ_URL | empty: DATABASE_URL                            | where the API reads the register, e.g. a read replica of DATABASE_URL (same DATABASE_SCHEMA) |
| DATABASE_SCHEMA | onderwijsgraaf                                   | PostgreSQL schema holding the register; user data in `<schema>_gebruikers` |
| SEED_DATA_DIR   | seed/data                                        | folder with the source files for the seed |
| AUTH_JWKS       | var/auth/jwks.json                               | JWKS file or URL with the token keys      |
| AUTH_ISSUER     | onderwijsgraaf-dev                               | the `iss` tokens must carry               |
| AUTH_AUDIENCE   | onderwijsgraaf                                   | the `aud` tokens must carry               |
| CORS_ORIGINS    | *                                                | origins that may read from a browser (comma-separated; empty: none) |
| CACHE_MAX_AGE   | 300                                              | seconds browsers and CDNs may keep an anonymous GET answer |
| TRUSTED_DOCUMENTS_FROM_POST | 0                                    | 1: a POST with query and hash registers it (within the quota below); 0: only the CLI does |
| TRUSTED_DOCUMENTS_POST_MAX | 1000                                  | documents registered by POST kept at most; a new one first removes the least recently used of them (never those added by the CLI) |
| TRUSTED_DOCUMENTS_POST_MB | 10                                     | MB of UTF-8 text those documents hold at most, by the same rule |
| KAART_TEGELS    | https://tile.openstreetmap.org/{z}/{x}/{y}.png   | tile URL template of the /kaart page (empty: no tiles) |
| KAART_TEGELS_ATTRIBUTIE | © OpenStreetMap-bijdragers               | attribution shown with those tiles        |
| DATABASE_POOL_SIZE | 10                                            | connections each API process keeps open to the register (one per request in flight), and at most as many to the user data |
| DATA_VERSION_TTL | 1                                               | seconds an API process trusts the data version it read (a new seed shows after at most this long) |
| QUERY_COMPILER  | 1                                                | 1: compile covered operations to one SQL statement per root field; 0: always resolve field by field |
| RESPONSE_CACHE_MB | 64                                             | memory each API process may use for whole answers it keeps (0: no response cache) |
| REQUEST_DEADLINE | 10                                              | seconds a GraphQL request may take; then it is stopped (DEADLINE_EXCEEDED), its statements too |
| RATE_LIMIT      | 1200/minute                                      | requests each client (bearer token, or else IP address) may make per window, as `<n>/<second|minute|hour|day>` (empty or 0: no limit); then 429 RATE_LIMITED with Retry-After |
| RATE_LIMIT_STORAGE | memory://                                     | where the counts live: `memory://` per API process, or a `redis://host:port` shared by all (a `limits` storage URI) |
| COST_BUDGET     | 25000                                            | the most objects one request's answer may hold (counted before it runs; see `schema/limits.py`) |
| EXPORT_DIR      | var/export                                       | where /export keeps the files it wrote (one folder per data version; a new version removes the older folders) |
| EXPORT_DIR_MB   | 2048                                             | MB those files may take; beyond it, writing one removes those used longest ago |
| TOEZICHT_OPENBAAR | 0                                              | 1: everyone may read the structure of the objecten van toezicht and their proposal (never the Inspectie's notes); 0: only role inspectie |
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{ROOT / 'var' / 'onderwijsgraaf.sqlite'}"
OSM_TEGELS = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTIE = "© OpenStreetMap-bijdragers"


@dataclass(frozen=True)
class Settings:
    database_url: str
    database_schema: str
    seed_data_dir: Path
    database_read_url: str = ""
    auth_jwks: str = str(ROOT / "var" / "auth" / "jwks.json")
    auth_issuer: str = "onderwijsgraaf-dev"
    auth_audience: str = "onderwijsgraaf"
    cors_origins: tuple[str, ...] = ("*",)
    cache_max_age: int = 300
    wijzigingen_bewaardagen: int = 90
    trusted_documents_from_post: bool = False
    trusted_documents_post_max: int = 1000
    trusted_documents_post_mb: float = 10
    kaart_tegels: str = OSM_TEGELS
    kaart_tegels_attributie: str = OSM_ATTRIBUTIE
    database_pool_size: int = 10
    data_version_ttl: float = 1.0
    query_compiler: bool = True
    response_cache_mb: float = 64
    request_deadline: float = 10.0
    cost_budget: int = 25_000
    rate_limit: str = "1200/minute"
    rate_limit_storage: str = "memory://"
    toezicht_openbaar: bool = False
    export_dir: Path = ROOT / "var" / "export"
    export_dir_mb: float = 2048

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=normalise_database_url(
                os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
            ),
            database_read_url=normalise_database_url(
                os.environ.get("DATABASE_READ_URL", "").strip()
            ),
            database_schema=os.environ.get("DATABASE_SCHEMA", "onderwijsgraaf"),
            seed_data_dir=Path(os.environ.get("SEED_DATA_DIR", ROOT / "seed" / "data")),
            auth_jwks=os.environ.get("AUTH_JWKS", str(ROOT / "var" / "auth" / "jwks.json")),
            auth_issuer=os.environ.get("AUTH_ISSUER", "onderwijsgraaf-dev"),
            auth_audience=os.environ.get("AUTH_AUDIENCE", "onderwijsgraaf"),
            cors_origins=tuple(
                o.strip() for o in os.environ.get("CORS_ORIGINS", "*").split(",") if o.strip()
            ),
            cache_max_age=int(os.environ.get("CACHE_MAX_AGE", "300")),
            wijzigingen_bewaardagen=int(os.environ.get("WIJZIGINGEN_BEWAARDAGEN", "90")),
            trusted_documents_from_post=os.environ.get("TRUSTED_DOCUMENTS_FROM_POST", "0") == "1",
            trusted_documents_post_max=int(os.environ.get("TRUSTED_DOCUMENTS_POST_MAX", "1000")),
            trusted_documents_post_mb=float(os.environ.get("TRUSTED_DOCUMENTS_POST_MB", "10")),
            kaart_tegels=os.environ.get("KAART_TEGELS", OSM_TEGELS),
            kaart_tegels_attributie=os.environ.get("KAART_TEGELS_ATTRIBUTIE", OSM_ATTRIBUTIE),
            database_pool_size=int(os.environ.get("DATABASE_POOL_SIZE", "10")),
            data_version_ttl=float(os.environ.get("DATA_VERSION_TTL", "1")),
            query_compiler=os.environ.get("QUERY_COMPILER", "1") != "0",
            response_cache_mb=float(os.environ.get("RESPONSE_CACHE_MB", "64")),
            request_deadline=float(os.environ.get("REQUEST_DEADLINE", "10")),
            cost_budget=int(os.environ.get("COST_BUDGET", "25000")),
            rate_limit=os.environ.get("RATE_LIMIT", "1200/minute"),
            rate_limit_storage=os.environ.get("RATE_LIMIT_STORAGE", "memory://"),
            toezicht_openbaar=os.environ.get("TOEZICHT_OPENBAAR", "0") == "1",
            export_dir=Path(os.environ.get("EXPORT_DIR", ROOT / "var" / "export")),
            export_dir_mb=float(os.environ.get("EXPORT_DIR_MB", "2048")),
        )

    @property
    def read_url(self) -> str:
        """Where the API reads the register: DATABASE_READ_URL, or else DATABASE_URL."""
        return self.database_read_url or self.database_url


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
