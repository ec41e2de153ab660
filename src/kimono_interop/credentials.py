"""Credentials for the Interop API, each an async-only ``httpx.Auth``.

Every credential has an `identity` (stable and non-secret, used as a cache key) and a
`fingerprint` (a digest over every field, secrets included, so a rotated secret differs).
Secrets never appear in repr, str, logs or exception messages.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import json
import math
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Any

import httpx

from kimono_interop.errors import AuthenticationError, InteropError, error_from_response

__all__ = [
    "ApiKey",
    "BasicCredentials",
    "BearerToken",
    "ClientCredentials",
    "Credentials",
    "credentials_for_tenant_auth",
]

_MASK = "***"


def _digest(*parts: object) -> str:
    text = "\x00".join(f"{type(part).__name__}:{part}" for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def _short_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def _require_text(name: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    return value


def _basic_header(username: str, password: str) -> str:
    encoded = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {encoded}"


class _AsyncAuth(httpx.Auth):
    """Base of the SDK's credentials: usable only with ``httpx.AsyncClient``."""

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        """Refuse: the SDK's credentials work only with an async client."""
        raise InteropError(
            f"{type(self).__name__} is async-only: use it with httpx.AsyncClient "
            "(or kimono_interop.InteropClient)"
        )


class _TokenCache:
    """One cached token with optional expiry, a single-flight lock and drop-if-current.

    Hold `lock` while fetching so concurrent callers wait and then reuse the new token.
    """

    def __init__(self, *, refresh_margin: float, clock: Callable[[], float]) -> None:
        if not math.isfinite(refresh_margin) or refresh_margin < 0:
            raise ValueError(
                f"refresh_margin must be a non-negative number, got {refresh_margin!r}"
            )
        self._margin = refresh_margin
        self._clock = clock
        self._token: str | None = None
        self._refresh_at: float | None = None
        self.lock = asyncio.Lock()

    def valid(self) -> str | None:
        """The cached token unless it is missing or due for refresh."""
        if self._refresh_at is not None and self._clock() >= self._refresh_at:
            return None
        return self._token

    def store(self, token: str, *, lifetime: float | None) -> None:
        """Cache `token`, valid for `lifetime` seconds from now (None: until dropped).

        Refreshes `refresh_margin` early, but never earlier than half-way through the
        lifetime, so short-lived tokens are not fetched on every request.
        """
        self._token = token
        if lifetime is None:
            self._refresh_at = None
        else:
            self._refresh_at = self._clock() + lifetime - min(self._margin, lifetime / 2)

    def drop(self, token: str) -> None:
        """Forget `token` if it is still the cached one (a newer one is kept)."""
        if self._token == token:
            self._token = None
            self._refresh_at = None


class _StaticBasic(_AsyncAuth):
    """Sends one precomputed HTTP Basic header with every request."""

    _header: str

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Add the Basic Authorization header."""
        request.headers["Authorization"] = self._header
        yield request


class ApiKey(_StaticBasic):
    """A developer API key, sent as HTTP Basic with the key as both user and password."""

    def __init__(self, key: str) -> None:
        """Authenticate with `key`."""
        self._key = _require_text("key", key)
        self._header = _basic_header(key, key)

    @property
    def identity(self) -> str:
        """``apikey:`` and the first 12 hex digits of the key's SHA-256."""
        return f"apikey:{_short_hash(self._key)}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every field, the key included."""
        return _digest("ApiKey", self._key)[:16]

    def __repr__(self) -> str:
        return f"ApiKey(key={_MASK!r})"


class BasicCredentials(_StaticBasic):
    """HTTP Basic username and password (tenant actors whose auth.type is "basic")."""

    def __init__(self, username: str, password: str) -> None:
        """Authenticate as `username` with `password`."""
        self.username = _require_text("username", username)
        self._password = _require_text("password", password)
        self._header = _basic_header(username, password)

    @property
    def identity(self) -> str:
        """``basic:<username>``."""
        return f"basic:{self.username}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every field, the password included."""
        return _digest("BasicCredentials", self.username, self._password)[:16]

    def __repr__(self) -> str:
        return f"BasicCredentials(username={self.username!r}, password={_MASK!r})"


class ClientCredentials(_AsyncAuth):
    """OAuth2 client credentials: fetches a bearer token from `token_url` and reuses it.

    The token request goes through the same client (pool, retries, logging). Concurrent
    requests share one fetch; a 401 drops the token and the request is retried once.
    """

    requires_request_body = True

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        token_url: str | None = None,
        *,
        refresh_margin: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Credentials for `client_id`; `token_url` None means bind later (InteropClient does)."""
        self.client_id = _require_text("client_id", client_id)
        self._client_secret = _require_text("client_secret", client_secret)
        self.token_url = token_url
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._cache = _TokenCache(refresh_margin=refresh_margin, clock=clock)

    def with_token_url(self, url: str) -> ClientCredentials:
        """A copy bound to `url`, with its own token cache."""
        return ClientCredentials(
            self.client_id,
            self._client_secret,
            url,
            refresh_margin=self._refresh_margin,
            clock=self._clock,
        )

    @property
    def identity(self) -> str:
        """``client:<client_id>@<token_url>`` (``@unbound`` before binding)."""
        return f"client:{self.client_id}@{self.token_url or 'unbound'}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every field, the client secret included."""
        return _digest("ClientCredentials", self.client_id, self._client_secret, self.token_url)[
            :16
        ]

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Send `request` with a bearer token, fetching one (single flight) when needed."""
        if self.token_url is None:
            raise InteropError(
                f"ClientCredentials for client_id {self.client_id!r} has no token_url: "
                "pass token_url or call with_token_url() first"
            )
        for attempt in range(2):
            token = self._cache.valid()
            if token is None:
                async with self._cache.lock:
                    token = self._cache.valid()
                    if token is None:
                        response = yield self._token_request(request)
                        token = await self._accept(response)
            request.headers["Authorization"] = f"Bearer {token}"
            response = yield request
            if response.status_code != 401 or attempt > 0:
                return
            self._cache.drop(token)

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        assert self.token_url is not None
        extensions = {}
        if "timeout" in request.extensions:
            extensions["timeout"] = request.extensions["timeout"]
        return httpx.Request(
            "POST",
            self.token_url,
            data={
                "client_id": self.client_id,
                "client_secret": self._client_secret,
                "grant_type": "client_credentials",
            },
            headers={"Accept": "application/json"},
            extensions=extensions,
        )

    async def _accept(self, response: httpx.Response) -> str:
        await response.aread()
        if not response.is_success:
            raise error_from_response(response)
        payload = _json_object(response.content)
        token = payload.get("access_token")
        if not isinstance(token, str) or not token:
            raise AuthenticationError(
                "token endpoint response has no access_token", response=response
            )
        self._cache.store(token, lifetime=_positive_number(payload.get("expires_in")))
        return token

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(client_id={self.client_id!r}, client_secret={_MASK!r}, "
            f"token_url={self.token_url!r})"
        )


class BearerToken(_AsyncAuth):
    """A bearer token, fixed or from an async provider (for example LTI JWTs).

    A provider's token is reused until its JWT ``exp`` (less `refresh_margin`) or a 401,
    then the provider is called again, once for all concurrent requests.
    """

    requires_request_body = True

    def __init__(
        self,
        token: str | Callable[[], Awaitable[str]],
        *,
        refresh_margin: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Use `token` as is, or call it (an async function) for each new token."""
        self._fixed: str | None = None
        self._provider: Callable[[], Awaitable[str]] | None = None
        if isinstance(token, str):
            self._fixed = _require_text("token", token)
        elif callable(token):
            self._provider = token
        else:
            raise TypeError("token must be a string or an async callable returning one")
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._cache = _TokenCache(refresh_margin=refresh_margin, clock=clock)

    @property
    def identity(self) -> str:
        """``bearer:<12 hex of the token's SHA-256>`` or ``bearer-provider:<provider id>``."""
        if self._fixed is not None:
            return f"bearer:{_short_hash(self._fixed)}"
        return f"bearer-provider:{id(self._provider):x}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every field, the token (or provider) included."""
        secret = self._fixed if self._fixed is not None else f"provider:{id(self._provider):x}"
        return _digest("BearerToken", secret, self._refresh_margin)[:16]

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Send `request` with the token; a provider's token is renewed once on a 401."""
        token = await self._current()
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401 and self._provider is not None:
            self._cache.drop(token)
            request.headers["Authorization"] = f"Bearer {await self._current()}"
            yield request

    async def _current(self) -> str:
        if self._fixed is not None:
            return self._fixed
        token = self._cache.valid()
        if token is not None:
            return token
        async with self._cache.lock:
            token = self._cache.valid()
            if token is None:
                token = await self._fetch()
            return token

    async def _fetch(self) -> str:
        assert self._provider is not None
        token = await self._provider()
        if not isinstance(token, str) or not token:
            raise InteropError("the bearer token provider returned no token")
        exp = jwt_expiry(token)
        lifetime = None if exp is None else max(exp - self._clock(), 0.0)
        self._cache.store(token, lifetime=lifetime)
        return token

    def __repr__(self) -> str:
        if self._provider is not None:
            name = getattr(self._provider, "__qualname__", type(self._provider).__name__)
            return f"BearerToken(provider={name})"
        return f"BearerToken(token={_MASK!r})"


Credentials = ApiKey | BasicCredentials | ClientCredentials | BearerToken
"""Any credential an InteropClient accepts."""


def credentials_for_tenant_auth(
    auth_type: str, client_id: str, client_secret: str
) -> ClientCredentials | BasicCredentials:
    """Credentials for a tenant actor from its ``auth`` block: "oauth2" or "basic".

    OAuth2 credentials come back unbound; InteropClient binds them to its token URL.
    """
    kind = auth_type.strip().lower() if isinstance(auth_type, str) else auth_type
    if kind == "oauth2":
        return ClientCredentials(client_id, client_secret)
    if kind == "basic":
        return BasicCredentials(client_id, client_secret)
    raise ValueError(f"unsupported tenant auth type {auth_type!r}: expected 'oauth2' or 'basic'")


def jwt_expiry(token: str) -> float | None:
    """The numeric ``exp`` claim of a JWT (signature not checked), or None if absent."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        return None
    if not isinstance(payload, dict):
        return None
    return _finite_number(payload.get("exp"))


def _json_object(content: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(content)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _finite_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _positive_number(value: object) -> float | None:
    number = _finite_number(value)
    if number is None and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
    return number if number is not None and math.isfinite(number) and number > 0 else None
