"""Credentials: how a client authenticates, and the extension point for your own.

A credential has an `identity` (stable and non-secret: it keys the token store and the caches)
and a `fingerprint` (a digest over every constructor argument, secrets included, so a rotated
secret or another setting is another entry). Its auth flow is :meth:`Credentials.apply`: put
what authenticates on the request, fetching a token first through the client's own pipeline if
needed. Secrets never appear in repr, str, logs or exception messages.
"""

from __future__ import annotations

import abc
import asyncio
import base64
import binascii
import hashlib
import json
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import httpx
from kimono_interop_client.types import RequestArgs, Unset

from kimono_interop import _validation as check
from kimono_interop._aio import on_done, retrieve_exception, shielded
from kimono_interop._exceptions import InteropError, InvalidArgumentError, shorten

__all__ = [
    "ApiKey",
    "AuthSession",
    "BasicCredentials",
    "BearerToken",
    "ClientCredentials",
    "Credentials",
    "Token",
    "TokenCredentials",
    "credentials_for_tenant_auth",
]

TOKEN_PATH = "/oauth/token"  # noqa: S105 - a path, not a secret
"""Where OAuth2 client-credentials tokens come from, relative to the base URL."""

_MASK = "***"
R = TypeVar("R")


class AuthSession(Protocol):
    """What a credential may use during its auth flow: the client's pipeline, unauthenticated."""

    async def request_token(
        self, args: RequestArgs, parse: Callable[[httpx.Response], R], *, url: str
    ) -> R:
        """Send a token request to `url` and parse its success response.

        `args` holds the ``method``, ``headers`` and body (``data`` for a form, or ``json``)
        like a generated ``build_request`` returns. The request goes through the client's pool,
        in-flight limit, logging and retries (a token request is safe to resend). A failure
        raises an :class:`InteropError` that says it was the token request; `parse` raising
        ``ValueError`` raises ``APIResponseValidationError``.
        """
        ...


def _digest(*parts: object) -> str:
    text = "\x00".join(f"{type(part).__name__}:{part}" for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _short_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def _text(name: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        shown = type(value).__name__ if isinstance(value, str | bytes) else shorten(value)
        raise InvalidArgumentError(f"{name} must be a non-empty str, got {shown}")
    return value


def _clock(value: object) -> Callable[[], float]:
    if not callable(value):
        raise InvalidArgumentError(
            f"clock must be a callable returning seconds, got {shorten(value)}"
        )
    return value


def _basic_header(username: str, password: str) -> str:
    encoded = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {encoded}"


class Credentials(abc.ABC):
    """How a client authenticates. Subclass it to plug in your own.

    Implement `identity`, `fingerprint` and `apply`; override `on_unauthorized` when a 401
    means a cached token went stale, and `bind` when the credential needs the client's base URL.
    :class:`TokenCredentials` does the token caching for bearer-token flows.
    """

    @property
    @abc.abstractmethod
    def identity(self) -> str:
        """Stable and non-secret: which principal this is (keys the caches)."""

    @property
    @abc.abstractmethod
    def fingerprint(self) -> str:
        """A digest over every constructor argument, secrets included."""

    @abc.abstractmethod
    async def apply(self, request: httpx.Request, session: AuthSession) -> None:
        """Authenticate `request` (usually: set its Authorization header)."""

    def on_unauthorized(self, request: httpx.Request) -> bool:
        """A 401 answered `request`: forget what it carried; True to resend it once."""
        return False

    def bind(self, base_url: str) -> Credentials:
        """This credential as used against `base_url` (a copy when it depends on it)."""
        return self

    @property
    def token_url(self) -> str | None:
        """Where this credential sends its secret other than the API itself, if anywhere."""
        return None


class _StaticHeader(Credentials):
    """Sends one precomputed Authorization header with every request."""

    _header: str

    async def apply(self, request: httpx.Request, session: AuthSession) -> None:
        """Set the Authorization header."""
        request.headers["Authorization"] = self._header


class ApiKey(_StaticHeader):
    """A developer API key, sent as HTTP Basic with the key as both user and password."""

    def __init__(self, key: str) -> None:
        """Authenticate with `key`."""
        self._key = _text("key", key)
        self._header = _basic_header(key, key)

    @property
    def identity(self) -> str:
        """``apikey:`` and 12 hex digits of the key's SHA-256."""
        return f"apikey:{_short_hash(self._key)}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over the key."""
        return _digest("ApiKey", self._key)

    def __repr__(self) -> str:
        return f"ApiKey(key={_MASK!r})"


class BasicCredentials(_StaticHeader):
    """HTTP Basic username and password (tenant actors whose ``auth.type`` is "basic")."""

    def __init__(self, username: str, password: str) -> None:
        """Authenticate as `username` with `password`."""
        self.username = _text("username", username)
        self._password = _text("password", password)
        self._header = _basic_header(username, password)

    @property
    def identity(self) -> str:
        """``basic:<username>``."""
        return f"basic:{self.username}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every field, the password included."""
        return _digest("BasicCredentials", self.username, self._password)

    def __repr__(self) -> str:
        return f"BasicCredentials(username={self.username!r}, password={_MASK!r})"


@dataclass(frozen=True, repr=False)
class Token:
    """A bearer token and how many seconds it lives (None: until a 401)."""

    value: str
    expires_in: float | None = None

    def __repr__(self) -> str:
        return f"Token(value={_MASK!r}, expires_in={self.expires_in!r})"


class TokenCredentials(Credentials):
    """Bearer tokens fetched on demand and reused until they are due for refresh.

    One fetch at a time: concurrent requests share it, and when it fails every one of them gets
    that failure (the fetch itself is retried by the pipeline). A cancelled request does not
    cancel the fetch the others wait on. A 401 drops the token and the request is resent once.
    Subclasses implement :meth:`fetch_token`.
    """

    def __init__(
        self, *, refresh_margin: float = 30.0, clock: Callable[[], float] = time.time
    ) -> None:
        """Refresh `refresh_margin` seconds before expiry (never earlier than half-way)."""
        self._refresh_margin = check.as_seconds("refresh_margin", refresh_margin)
        self._clock = _clock(clock)
        self._token: str | None = None
        self._refresh_at: float | None = None
        self._flight: asyncio.Future[str] | None = None

    @abc.abstractmethod
    async def fetch_token(self, session: AuthSession) -> Token:
        """Obtain a new token (for example with ``session.request_token``)."""

    async def apply(self, request: httpx.Request, session: AuthSession) -> None:
        """Set ``Authorization: Bearer <token>``, fetching a token first when needed."""
        token = self._token
        if token is None or (self._refresh_at is not None and self._clock() >= self._refresh_at):
            if self._flight is None:
                self._flight = asyncio.ensure_future(self._fetch(session))
                on_done(self._flight, retrieve_exception)
            token = await shielded(self._flight)
        request.headers["Authorization"] = f"Bearer {token}"

    def on_unauthorized(self, request: httpx.Request) -> bool:
        """Drop the token `request` carried (unless a newer one replaced it) and resend once."""
        sent = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if sent and sent == self._token:
            self._token = self._refresh_at = None
        return True

    async def _fetch(self, session: AuthSession) -> str:
        try:
            token = await self.fetch_token(session)
            if not isinstance(token, Token) or not isinstance(token.value, str) or not token.value:
                raise InteropError(f"{type(self).__name__}.fetch_token returned no token")
            self._store(token)
            return token.value
        finally:
            self._flight = None

    def _store(self, token: Token) -> None:
        self._token = token.value
        lifetime = token.expires_in
        if lifetime is None:
            self._refresh_at = None
        else:
            self._refresh_at = self._clock() + lifetime - min(self._refresh_margin, lifetime / 2)


class ClientCredentials(TokenCredentials):
    """OAuth2 client credentials: a bearer token from `token_url`, fetched once and reused.

    `token_url` None means the client's ``base_url + /oauth/token``.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        token_url: str | None = None,
        *,
        refresh_margin: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Credentials for `client_id`."""
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        self.client_id = _text("client_id", client_id)
        self._client_secret = _text("client_secret", client_secret)
        if token_url is not None:
            _text("token_url", token_url)
        self._token_url = token_url

    @property
    def token_url(self) -> str | None:
        """Where tokens come from (None until bound to a client)."""
        return self._token_url

    def bind(self, base_url: str) -> ClientCredentials:
        """A copy whose token URL is ``base_url + /oauth/token`` when none was given."""
        if self._token_url is not None:
            return self
        return ClientCredentials(
            self.client_id,
            self._client_secret,
            base_url.rstrip("/") + TOKEN_PATH,
            refresh_margin=self._refresh_margin,
            clock=self._clock,
        )

    @property
    def identity(self) -> str:
        """``client:<client_id>@<token_url>`` (``@unbound`` before binding)."""
        return f"client:{self.client_id}@{self._token_url or 'unbound'}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every constructor argument, the client secret included."""
        clock = "time.time" if self._clock is time.time else f"clock@{id(self._clock):x}"
        return _digest(
            "ClientCredentials",
            self.client_id,
            self._client_secret,
            self._token_url,
            self._refresh_margin,
            clock,
        )

    async def fetch_token(self, session: AuthSession) -> Token:
        """POST the client credentials to the token URL (form-encoded, as OAuth2 specifies)."""
        from kimono_interop_client.api.auth import oauth_token
        from kimono_interop_client.models import TokenGrantType, TokenRequest

        if self._token_url is None:
            raise InteropError(
                f"ClientCredentials for client_id {self.client_id!r} has no token_url: "
                "use it with an InteropClient, or pass token_url"
            )
        body = TokenRequest(
            grant_type=TokenGrantType.CLIENT_CREDENTIALS,
            client_id=self.client_id,
            client_secret=self._client_secret,
        )
        args = oauth_token.build_request(body=body)
        response = await session.request_token(
            args, oauth_token.parse_response, url=self._token_url
        )
        lifetime = response.expires_in
        if isinstance(lifetime, Unset) or lifetime <= 0:
            return Token(response.access_token)
        return Token(response.access_token, float(lifetime))

    def __repr__(self) -> str:
        return (
            f"ClientCredentials(client_id={self.client_id!r}, client_secret={_MASK!r}, "
            f"token_url={self._token_url!r})"
        )


class BearerToken(TokenCredentials):
    """A bearer token, fixed or from an async provider (for example an LTI JWT).

    A provider's token is reused until its JWT ``exp`` (less `refresh_margin`) or a 401, then
    the provider is called again, once for all concurrent requests.
    """

    def __init__(
        self,
        token: str | Callable[[], Awaitable[str]],
        *,
        refresh_margin: float = 30.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Use `token` as is, or call it (an async function) for each new token."""
        super().__init__(refresh_margin=refresh_margin, clock=clock)
        self._fixed: str | None = None
        self._provider: Callable[[], Awaitable[str]] | None = None
        if isinstance(token, str):
            self._fixed = _text("token", token)
            self._store(Token(self._fixed))
        elif callable(token):
            self._provider = token
        else:
            raise InvalidArgumentError(
                f"token must be a str or an async callable returning one, got {type(token).__name__}"
            )

    @property
    def identity(self) -> str:
        """``bearer:<12 hex of the token's SHA-256>`` or ``bearer-provider:<provider id>``."""
        if self._fixed is not None:
            return f"bearer:{_short_hash(self._fixed)}"
        return f"bearer-provider:{id(self._provider):x}"

    @property
    def fingerprint(self) -> str:
        """16 hex digits over every constructor argument, the token (or provider) included."""
        secret = self._fixed if self._fixed is not None else f"provider@{id(self._provider):x}"
        return _digest("BearerToken", secret, self._refresh_margin, id(self._clock))

    def on_unauthorized(self, request: httpx.Request) -> bool:
        """A fixed token cannot be renewed; a provider's token is dropped and fetched again."""
        return self._provider is not None and super().on_unauthorized(request)

    async def fetch_token(self, session: AuthSession) -> Token:
        """Call the provider; the token lives until its JWT ``exp`` when it has one."""
        if self._provider is None:
            assert self._fixed is not None
            return Token(self._fixed)
        value = await self._provider()
        if not isinstance(value, str) or not value:
            raise InteropError("the bearer token provider returned no token")
        exp = jwt_expiry(value)
        return Token(value, None if exp is None else max(exp - self._clock(), 0.0))

    def __repr__(self) -> str:
        if self._provider is not None:
            name = getattr(self._provider, "__qualname__", type(self._provider).__name__)
            return f"BearerToken(provider={name})"
        return f"BearerToken(token={_MASK!r})"


def credentials_for_tenant_auth(
    auth_type: str, client_id: str, client_secret: str
) -> ClientCredentials | BasicCredentials:
    """Credentials for a tenant actor from its ``auth`` block: "oauth2" or "basic" (any case).

    OAuth2 credentials come back unbound; InteropClient binds them to its token URL.
    """
    kind = auth_type.strip().lower() if isinstance(auth_type, str) else auth_type
    if kind == "oauth2":
        return ClientCredentials(client_id, client_secret)
    if kind == "basic":
        return BasicCredentials(client_id, client_secret)
    raise InvalidArgumentError(
        f"unsupported tenant auth type {shorten(auth_type)}: expected 'oauth2' or 'basic'"
    )


def jwt_expiry(token: str) -> float | None:
    """The numeric ``exp`` claim of a JWT (signature not checked), or None if absent."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        return None
    if not isinstance(payload, dict):
        return None
    return _finite_number(payload.get("exp"))


def _finite_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None
