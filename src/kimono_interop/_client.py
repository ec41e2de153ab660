"""InteropClient: one async client for the whole Interop API.

A root client owns one connection pool, one token store and one tenant-application cache.
``with_options``, ``with_auth`` and ``for_tenant`` return clients that share all three, so a
driver serving hundreds of tenants keeps one pool and fetches each tenant's token once.
"""

from __future__ import annotations

from collections import OrderedDict
from types import TracebackType
from typing import Any, Self

import attrs
import httpx
from kimono_interop_client import AuthenticatedClient
from kimono_interop_client.models import TenantApplication, TenantInfo
from kimono_interop_client.types import Unset

from kimono_interop import __version__
from kimono_interop.cache import AsyncTTLCache
from kimono_interop.credentials import (
    ClientCredentials,
    Credentials,
    credentials_for_tenant_auth,
)
from kimono_interop.errors import (
    APIConnectionError,
    APITimeoutError,
    InteropError,
    error_from_response,
)
from kimono_interop.resources import (
    Actors,
    Caller,
    Clouds,
    Ingestions,
    Integrations,
    Tenant,
    Tenants,
)
from kimono_interop.transport import PolicyTransport, RetryPolicy

DEFAULT_BASE_URL = "https://api.us2.kimonocloud.com"
"""Kimono's production API host (US2)."""

DEFAULT_TIMEOUT = 30.0
"""Seconds; the service's own read timeout is 30 s."""

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
"""Connection pool limits of a root client."""

TOKEN_PATH = "/oauth/token"  # noqa: S105 - a path, not a secret
"""Where OAuth2 client-credentials tokens come from, relative to the base URL."""

_NOT_GIVEN: Any = object()


@attrs.define
class _Shared:
    """What a root client and every client derived from it share."""

    pool: httpx.AsyncBaseTransport
    applications: AsyncTTLCache[str, TenantApplication]
    tokens: _TokenStore
    closed: bool = False


class _TokenStore:
    """Bound credentials by identity, so each tenant's token is fetched once and reused."""

    def __init__(self, max_entries: int) -> None:
        self._max_entries = max_entries
        self._entries: OrderedDict[str, Credentials] = OrderedDict()

    def resolve(self, credentials: Credentials, base_url: str) -> Credentials:
        """The shared instance for these credentials, bound to `base_url` when unbound."""
        if isinstance(credentials, ClientCredentials) and credentials.token_url is None:
            credentials = credentials.with_token_url(base_url + TOKEN_PATH)
        key = _store_key(credentials)
        held = self._entries.get(key)
        if held is None:
            self._entries[key] = held = credentials
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
        self._entries.move_to_end(key)
        return held


def _store_key(credentials: Credentials) -> str:
    """Identity plus a digest of the whole credential, so a rotated secret is a new entry."""
    return f"{credentials.identity}#{credentials.fingerprint}"


class _ApiHttpClient(httpx.AsyncClient):
    """An httpx client that raises the SDK's errors for every failed request.

    Sits above auth and the transport policies, so it sees each request's final outcome:
    declared and undeclared error statuses raise alike, before generated code parses a body.
    """

    def __init__(self, shared: _Shared, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shared = shared

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        """Send, mapping transport failures and error statuses to InteropError subclasses."""
        if self._shared.closed:
            raise InteropError("this InteropClient (or the client it derives from) is closed")
        try:
            response = await super().send(request, **kwargs)
        except httpx.TimeoutException as exc:
            raise APITimeoutError(
                f"request timed out: {request.method} {request.url.path}", request=request
            ) from exc
        except httpx.TransportError as exc:
            raise APIConnectionError(
                f"connection failed: {request.method} {request.url.path}: {type(exc).__name__}",
                request=request,
            ) from exc
        if response.is_error:
            await response.aread()
            raise error_from_response(response)
        return response


class InteropClient:
    """The async client for the Kimono Interop API v2.

    ``async with InteropClient(auth=ApiKey(key)) as interop:`` then use the namespaces:
    ``actors``, ``clouds``, ``integrations``, ``tenants``, ``tenant``, ``ingestions``.
    """

    actors: Actors
    clouds: Clouds
    integrations: Integrations
    tenants: Tenants
    tenant: Tenant
    ingestions: Ingestions

    def __init__(
        self,
        *,
        auth: Credentials,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_policy: RetryPolicy | None = None,
        limits: httpx.Limits = DEFAULT_LIMITS,
        application_cache_ttl: float = 300.0,
        application_cache_size: int = 1024,
        token_store_size: int = 4096,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """Create a root client.

        `retry_policy` overrides `max_retries`; `transport` replaces the connection pool
        (for tests and custom networking). The tenant-application cache holds up to
        `application_cache_size` tenants for `application_cache_ttl` seconds each.
        """
        policy = retry_policy if retry_policy is not None else RetryPolicy(max_retries=max_retries)
        if token_store_size < 1:
            raise ValueError(f"token_store_size must be at least 1, got {token_store_size!r}")
        shared = _Shared(
            pool=transport if transport is not None else httpx.AsyncHTTPTransport(limits=limits),
            applications=AsyncTTLCache(
                ttl=application_cache_ttl, max_entries=application_cache_size
            ),
            tokens=_TokenStore(token_store_size),
        )
        self._configure(shared, auth, _base_url(base_url), _timeout(timeout), policy, root=True)

    def _configure(
        self,
        shared: _Shared,
        auth: Credentials,
        base_url: str,
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        *,
        root: bool,
    ) -> None:
        self._shared = shared
        self._base_url = base_url
        self._timeout = timeout
        self._policy = policy
        self._root = root
        self._auth = shared.tokens.resolve(auth, base_url)
        self._http = _ApiHttpClient(
            shared,
            base_url=base_url,
            auth=self._auth,
            timeout=timeout,
            transport=PolicyTransport(shared.pool, policy=policy, owns_inner=root),
            headers={"User-Agent": f"kimono-interop-python/{__version__}"},
        )
        api = AuthenticatedClient(base_url=base_url, token="", timeout=timeout)
        api.set_async_httpx_client(self._http)
        caller = Caller(api)
        self.actors = Actors(caller)
        self.clouds = Clouds(caller)
        self.integrations = Integrations(caller)
        self.tenants = Tenants(caller)
        self.tenant = Tenant(caller, shared.applications, self._auth.identity)
        self.ingestions = Ingestions(caller)

    def _derive(
        self,
        *,
        auth: Credentials | None = None,
        timeout: httpx.Timeout | None = None,
        policy: RetryPolicy | None = None,
    ) -> InteropClient:
        clone = object.__new__(InteropClient)
        clone._configure(
            self._shared,
            auth if auth is not None else self._auth,
            self._base_url,
            timeout if timeout is not None else self._timeout,
            policy if policy is not None else self._policy,
            root=False,
        )
        return clone

    @property
    def base_url(self) -> str:
        """The API host every request goes to."""
        return self._base_url

    @property
    def auth(self) -> Credentials:
        """The credentials this client authenticates with."""
        return self._auth

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout = _NOT_GIVEN,
        max_retries: int = _NOT_GIVEN,
        retry_policy: RetryPolicy = _NOT_GIVEN,
    ) -> InteropClient:
        """A client with other timeout or retry settings, sharing this one's pool and caches."""
        policy = self._policy
        if retry_policy is not _NOT_GIVEN:
            policy = retry_policy
        elif max_retries is not _NOT_GIVEN:
            policy = attrs.evolve(self._policy, max_retries=max_retries)
        new_timeout = None if timeout is _NOT_GIVEN else _timeout(timeout)
        return self._derive(timeout=new_timeout, policy=policy)

    def with_auth(self, credentials: Credentials) -> InteropClient:
        """A client that authenticates with `credentials`, sharing this one's pool and caches."""
        return self._derive(auth=credentials)

    def for_tenant(self, tenant_info: TenantInfo) -> InteropClient:
        """A client acting as this tenant's actor (OAuth2 or Basic, from ``auth.type``)."""
        auth = tenant_info.auth if isinstance(tenant_info, TenantInfo) else None
        if auth is None:
            raise ValueError(f"for_tenant needs a TenantInfo, got {type(tenant_info).__name__}")
        fields = (
            (auth.type_, auth.client_id, auth.client_secret) if not isinstance(auth, Unset) else ()
        )
        if len(fields) != 3 or any(isinstance(value, Unset) or not value for value in fields):
            raise ValueError(
                f"tenant {tenant_info.id} has no actor credentials in TenantInfo.auth "
                "(list or get tenants with the developer API key to receive them)"
            )
        auth_type, client_id, client_secret = (str(value) for value in fields)
        return self._derive(auth=credentials_for_tenant_auth(auth_type, client_id, client_secret))

    async def aclose(self) -> None:
        """Close this client; closing the root client closes the shared pool."""
        await self._http.aclose()
        if self._root:
            self._shared.closed = True

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"InteropClient(base_url={self._base_url!r}, auth={self._auth!r})"


def _base_url(value: str) -> str:
    url = httpx.URL(value)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"base_url must be an http(s) URL, got {value!r}")
    return value.rstrip("/")


def _timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, got {value!r}")
    return httpx.Timeout(float(value))
