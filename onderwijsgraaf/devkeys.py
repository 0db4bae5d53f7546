"""Local signing keys and tokens for development: ``python -m onderwijsgraaf auth keygen`` and
``python -m onderwijsgraaf auth token --role inspectie``. Production tokens come from the
identity provider whose JWKS ``AUTH_JWKS`` names; these keys are for one's own machine."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

PRIVATE_KEY = "private.pem"
JWKS = "jwks.json"


def keygen(directory: Path) -> Path:
    """A new ES256 key pair: ``private.pem`` and the public ``jwks.json`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (directory / PRIVATE_KEY).write_bytes(pem)
    (directory / PRIVATE_KEY).chmod(0o600)
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
    public.update({"kid": uuid.uuid4().hex[:16], "alg": "ES256", "use": "sig"})
    (directory / JWKS).write_text(json.dumps({"keys": [public]}, indent=2), encoding="utf-8")
    return directory / JWKS


def mint(
    directory: Path, *, roles: list[str], subject: str, lifetime: int, issuer: str, audience: str
) -> str:
    """A token signed with the development key, valid for ``lifetime`` seconds."""
    key = serialization.load_pem_private_key((directory / PRIVATE_KEY).read_bytes(), password=None)
    kid = json.loads((directory / JWKS).read_text(encoding="utf-8"))["keys"][0]["kid"]
    now = int(time.time())
    claims = {
        "sub": subject,
        "roles": roles,
        "iss": issuer,
        "aud": audience,
        "iat": now,
        "nbf": now,
        "exp": now + lifetime,
    }
    return jwt.encode(claims, key, algorithm="ES256", headers={"kid": kid})  # type: ignore[arg-type]
