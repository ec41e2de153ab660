"""Who sent a request: the developer API key (HTTP Basic, the key as user and password), a
tenant actor's Basic credentials, or a bearer token the token endpoint issued (an HS256 JWT
signed with the state's key, which :meth:`SandboxState.reset` replaces)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json

from kimono_interop.sandbox.errors import ApiError
from kimono_interop.sandbox.state import ACTOR, DEVELOPER, Principal, SandboxState
from kimono_interop.sandbox.world import Json


def basic_credentials(header: str) -> tuple[str, str] | None:
    """(user, password) from a Basic Authorization header; None when not Basic or malformed."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except ValueError:  # not base64 (binascii.Error), not ASCII, or not UTF-8 once decoded
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def secrets_equal(given: str, known: str) -> bool:
    """Compare a secret in constant time (any text: hmac refuses non-ASCII ``str``)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), known.encode("utf-8", "surrogatepass")
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue_token(state: SandboxState, client_id: str, tenant_id: str) -> tuple[str, int]:
    """An HS256 JWT for this actor and its lifetime in seconds (kept in ``issued_tokens``)."""
    lifetime = max(1, round(state.knobs.token_lifetime))
    issued = int(state.now())
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = {"sub": client_id, "tenant_id": tenant_id, "iat": issued, "exp": issued + lifetime}
    payload = _b64(json.dumps(claims).encode())
    signature = hmac.new(state.token_key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    token = f"{header}.{payload}.{_b64(signature)}"
    state.issued_tokens.add(token)
    return token, lifetime


def verify_token(state: SandboxState, token: str) -> Json | None:
    """The claims of a token this sandbox signed and that has not expired, else None."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = hmac.new(state.token_key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256)
    try:
        if not hmac.compare_digest(_unb64(parts[2]), expected.digest()):
            return None
        claims = json.loads(_unb64(parts[1]))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(claims, dict) or not isinstance(claims.get("exp"), int):
        return None
    return claims if claims["exp"] > state.now() else None


def authenticate(state: SandboxState, header: str | None) -> Principal:
    """Who sent the request: the developer's API key, an actor's Basic or bearer token."""
    if not header:
        raise ApiError(401, "unauthorized", "missing Authorization header")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "basic":
        return _basic_principal(state, header)
    if scheme.lower() == "bearer" and token:
        claims = verify_token(state, token.strip())
        if claims is None:
            raise ApiError(401, "invalid_token", "the bearer token is invalid or has expired")
        return Principal(ACTOR, tenant_id=str(claims["tenant_id"]))
    raise ApiError(401, "unauthorized", "unsupported Authorization scheme")


def _basic_principal(state: SandboxState, header: str) -> Principal:
    pair = basic_credentials(header)
    if pair is None:
        raise ApiError(
            401,
            "unauthorized",
            "malformed Basic credentials: expected the base64 of UTF-8 'user:password'",
        )
    user, password = pair
    if secrets_equal(user, state.api_key) and secrets_equal(password, state.api_key):
        return Principal(DEVELOPER)
    known = state.world.credentials.get(user)
    if known is not None and secrets_equal(password, known[0]):
        return Principal(ACTOR, tenant_id=known[1])
    raise ApiError(401, "unauthorized", "invalid credentials")
