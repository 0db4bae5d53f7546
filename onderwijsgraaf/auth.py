"""Bearer tokens → the viewer: who is asking, with which roles.

A token is a JWT signed with an asymmetric key (RS256 or ES256) from the configured JWKS (a
file or a URL); issuer, audience, expiry and not-before are checked with 30 s of clock skew.
Roles come from the ``roles`` claim: ``inspectie``, ``duo``, ``gemeente:<CBS code>`` and
``bestuur:<onderwijsbestuurcode>`` (``bestuur:100B490``), each exactly so (no other case, no
whitespace). No token: the anonymous viewer. Any token that is not
acceptable, including one the JWT library cannot read at all: ``Unauthenticated`` — never a
silent fall back to anonymous, never a server error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt

from onderwijsgraaf.errors import Unauthenticated

ALGORITHMS = ["RS256", "ES256"]
LEEWAY_SECONDS = 30
# matched whole (``fullmatch``): "duo\n" or " duo" is no role
ROLE = re.compile(r"inspectie|duo|gemeente:[0-9]{4}|bestuur:[0-9]{3}B[0-9]{3}")


@dataclass(frozen=True)
class Viewer:
    subject: str | None
    roles: tuple[str, ...]

    @property
    def anonymous(self) -> bool:
        return self.subject is None

    @property
    def inspectie(self) -> bool:
        return "inspectie" in self.roles

    @property
    def duo(self) -> bool:
        return "duo" in self.roles

    @property
    def gemeenten(self) -> frozenset[str]:
        return frozenset(
            r.removeprefix("gemeente:") for r in self.roles if r.startswith("gemeente:")
        )

    @property
    def besturen(self) -> frozenset[str]:
        """The onderwijsbesturen the viewer speaks for (roles ``bestuur:<code>``)."""
        return frozenset(r.removeprefix("bestuur:") for r in self.roles if r.startswith("bestuur:"))


ANONYMOUS = Viewer(subject=None, roles=())


class Verifier:
    """Checks bearer tokens against the keys of a JWKS file or URL."""

    def __init__(self, jwks: str, issuer: str, audience: str) -> None:
        self.jwks = jwks
        self.issuer = issuer
        self.audience = audience
        self._client = jwt.PyJWKClient(jwks) if jwks.startswith(("https://", "http://")) else None

    def viewer(self, authorization: str | None) -> Viewer:
        if authorization is None:
            return ANONYMOUS
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("Authorization must be 'Bearer <token>'")
        claims = self._claims(token.strip())
        roles = claims.get("roles", [])
        if not isinstance(roles, list) or not all(
            isinstance(r, str) and ROLE.fullmatch(r) for r in roles
        ):
            raise Unauthenticated(
                "token claim 'roles' must list inspectie, duo, gemeente:<CBS code> or "
                "bestuur:<onderwijsbestuurcode>"
            )
        return Viewer(subject=str(claims["sub"]), roles=tuple(sorted(set(roles))))

    def _claims(self, token: str) -> dict[str, Any]:
        try:
            key = self._signing_key(token)
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("token has expired") from None
        except jwt.ImmatureSignatureError:
            raise Unauthenticated("token is not valid yet (nbf)") from None
        except jwt.InvalidIssuerError:
            raise Unauthenticated("token is from another issuer") from None
        except jwt.InvalidAudienceError:
            raise Unauthenticated("token is for another audience") from None
        except jwt.InvalidSignatureError:
            raise Unauthenticated("token signature is not valid") from None
        except (jwt.PyJWTError, ValueError) as error:
            raise Unauthenticated(f"token is not acceptable: {error}") from None
        except Unauthenticated:
            raise
        except Exception as error:  # whatever else the library fails on while reading it
            raise Unauthenticated(
                f"token is not acceptable: it cannot be read ({type(error).__name__})"
            ) from None
        return claims

    def _signing_key(self, token: str) -> Any:
        header = jwt.get_unverified_header(token)
        if header.get("alg") not in ALGORITHMS:
            raise Unauthenticated(
                f"token algorithm {header.get('alg')!r} is not allowed; use RS256 or ES256"
            )
        if self._client is not None:
            key = self._client.get_signing_key_from_jwt(token)
        else:
            key = self._file_key(header.get("kid"))
        if key.algorithm_name != header["alg"]:
            # an RS256 token checked with an EC key (or the other way round) is not a token of
            # this key, whatever its signature
            raise Unauthenticated(
                f"token algorithm {header['alg']!r} does not match its key ({key.algorithm_name})"
            )
        return key.key

    def _file_key(self, kid: object) -> jwt.PyJWK:
        path = Path(self.jwks)
        if not path.is_file():
            raise Unauthenticated("tokens are not accepted: no JWKS is configured (AUTH_JWKS)")
        keys = jwt.PyJWKSet.from_dict(json.loads(path.read_text(encoding="utf-8"))).keys
        matching = [k for k in keys if kid is None or k.key_id == kid]
        if len(matching) != 1:
            raise Unauthenticated("token key id (kid) is not in the JWKS")
        return matching[0]
