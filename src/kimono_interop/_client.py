"""InteropClient: one async client for the whole Interop API.

A root client owns one connection pool, one in-flight limit, one token store and one
tenant-application cache. ``with_options``, ``with_auth`` and ``for_tenant`` return light clients
that share all of them, so a driver serving thousands of tenants keeps one pool, fetches each
tenant's token once and never queues more requests than the pool can serve. The request pipeline
is described in :mod:`kimono_interop._pipeline`.
"""

from __future__ import annotations

import functools
import math
import os
import ssl
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, ParamSpec, Self, TypeVar

import httpx

from kimono_interop import _config
from kimono_interop import _validation as check
from kimono_interop._cache import AsyncTTLCache
from kimono_interop._credentials import ApiKey, Credentials, credentials_for_tenant_auth
from kimono_interop._exceptions import InvalidArgumentError, shorten
from kimono_interop._pipeline import (
    AttemptHook,
    ClientSender,
    FairLimiter,
    Pipeline,
    Sender,
    Settings,
    Shared,
    TransportSender,
    raw_response_capture,
)
from kimono_interop._response import APIResponse
from kimono_interop._retry import RetryPolicy
from kimono_interop._version import __version__

if TYPE_CHECKING:
    from kimono_interop_client.models import TenantApplication, TenantInfo

    from kimono_interop.resources.actors import Actors
    from kimono_interop.resources.clouds import Clouds
    from kimono_interop.resources.ingestions import Ingestions
    from kimono_interop.resources.integrations import Integrations
    from kimono_interop.resources.tenant import Tenant
    from kimono_interop.resources.tenants import Tenants


class _NotGiven:
    """The default of an option left as it is (None may be a real value)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


_NOT_GIVEN: Any = _NotGiven()
P = ParamSpec("P")
R = TypeVar("R")


class _LRU(OrderedDict[Hashable, Any]):
    """A dict that keeps at most `limit` entries, dropping the least recently used."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def hit(self, key: Hashable) -> Any:
        """The value for `key` (now most recent), or None."""
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        """Store `value`, evicting the oldest entries beyond the limit."""
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


@dataclass
class _State:
    """What a root client and every client derived from it share."""

    shared: Shared
    tokens: _LRU
    """Bound credentials by identity and fingerprint: one token per principal."""
    derived: _LRU
    """Derived clients by (settings, credentials), so ``for_tenant`` is a dict lookup."""
    applications: AsyncTTLCache[str, TenantApplication]
    allow_insecure_http: bool

    def resolve(self, credentials: Credentials, base_url: str) -> Credentials:
        """The shared instance for these credentials, bound to `base_url`."""
        if not isinstance(credentials, Credentials):
            raise InvalidArgumentError(
                f"auth must be a Credentials instance (ApiKey, ClientCredentials, BasicCredentials, "
                f"BearerToken or your own subclass), got {shorten(credentials)}"
            )
        bound = credentials.bind(base_url)
        if bound.token_url is not None:
            _config.enforce_https(
                httpx.URL(bound.token_url),
                allow_insecure_http=self.allow_insecure_http,
                what="token_url",
            )
        key = (bound.identity, bound.fingerprint)
        held = self.tokens.hit(key)
        if held is None:
            self.tokens.put(key, bound)
            held = bound
        return held  # type: ignore[no-any-return]


class InteropClient:
    """The async client for the Kimono Interop API v2.

    ``async with InteropClient(auth=ApiKey(key)) as interop:`` then use the namespaces
    ``actors``, ``clouds``, ``integrations``, ``tenants``, ``tenant`` and ``ingestions``.
    With no `auth`, the developer API key comes from ``KIMONO_API_KEY``; with no `base_url`,
    from ``KIMONO_BASE_URL``, else production.
    """

    def __init__(
        self,
        *,
        auth: Credentials | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = _config.DEFAULT_TIMEOUT,
        max_retries: int = 2,
        retry_policy: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        on_attempt: Iterable[AttemptHook] = (),
        max_connections: int = _config.DEFAULT_MAX_CONNECTIONS,
        max_in_flight: int | None = None,
        application_cache_ttl: float = 300.0,
        application_cache_size: int = 1024,
        token_store_size: int = 4096,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        proxy: str | httpx.Proxy | None = None,
        verify: bool | str | os.PathLike[str] | ssl.SSLContext = True,
        trust_env: bool = True,
        allow_insecure_http: bool = False,
    ) -> None:
        """Create a root client; every argument is checked before anything is built.

        `max_in_flight` (default: `max_connections`) bounds requests in flight across this
        client and every client derived from it, first come first served. `transport` or
        `http_client` replace the default pool (proxies and `verify` are then theirs); `proxy`
        defaults to the environment's (``HTTPS_PROXY``/``NO_PROXY``) when `trust_env` is true.
        `verify` is True, False, a CA bundle path or an ``ssl.SSLContext``. Plain ``http://``
        is refused except to loopback unless `allow_insecure_http` is true.
        """
        insecure = check.as_bool("allow_insecure_http", allow_insecure_http)
        url = _config.base_url_from(base_url, allow_insecure_http=insecure)
        credentials = ApiKey(_config.api_key_from_environment()) if auth is None else auth
        settings = Settings(
            base_url=url,
            timeout=_timeout(timeout),
            policy=_policy(retry_policy, max_retries),
            headers=_headers(headers),
            hooks=_hooks(on_attempt),
        )
        connections = check.as_positive_int("max_connections", max_connections)
        in_flight = (
            connections
            if max_in_flight is None
            else check.as_positive_int("max_in_flight", max_in_flight)
        )
        sender = _sender(
            url,
            connections,
            transport=transport,
            http_client=http_client,
            proxy=proxy,
            verify=verify,
            trust_env=check.as_bool("trust_env", trust_env),
        )
        size = check.as_positive_int("token_store_size", token_store_size)
        self._state = _State(
            shared=Shared(sender=sender, limiter=FairLimiter(in_flight)),
            tokens=_LRU(size),
            derived=_LRU(size),
            applications=AsyncTTLCache(
                ttl=check.as_seconds("application_cache_ttl", application_cache_ttl),
                max_entries=check.as_positive_int("application_cache_size", application_cache_size),
            ),
            allow_insecure_http=insecure,
        )
        _config.configure_logging_from_environment()
        self._setup(settings, self._state.resolve(credentials, url), root=True)

    def _setup(self, settings: Settings, auth: Credentials, *, root: bool) -> None:
        self._settings = settings
        self._auth = auth
        self._root = root
        self._pipeline = Pipeline(self._state.shared, settings, auth)

    def _derive(self, auth: Credentials, settings: Settings) -> InteropClient:
        key = (id(settings), auth.identity, auth.fingerprint)
        cached = self._state.derived.hit(key)
        if cached is None:
            cached = self._new_derived(auth, settings)
            self._state.derived.put(key, cached)
        return cached  # type: ignore[no-any-return]

    def _new_derived(self, auth: Credentials, settings: Settings) -> InteropClient:
        clone = object.__new__(InteropClient)
        clone._state = self._state
        clone._setup(settings, self._state.resolve(auth, settings.base_url), root=False)
        return clone

    # -- namespaces (each loads its module on first use) ----------------------------------------

    @functools.cached_property
    def actors(self) -> Actors:
        """``/actors``: actors installed in Interop Clouds."""
        from kimono_interop.resources.actors import Actors

        return Actors(self._pipeline)

    @functools.cached_property
    def clouds(self) -> Clouds:
        """``/clouds``: Interop Clouds and their actors."""
        from kimono_interop.resources.clouds import Clouds

        return Clouds(self._pipeline)

    @functools.cached_property
    def integrations(self) -> Integrations:
        """``/integrations``: integrations, with ``.versions`` and their XML blueprints."""
        from kimono_interop.resources.integrations import Integrations

        return Integrations(self._pipeline)

    @functools.cached_property
    def tenants(self) -> Tenants:
        """``/tenants``: your tenants, with their actor credentials (developer API key)."""
        from kimono_interop.resources.tenants import Tenants

        return Tenants(self._pipeline)

    @functools.cached_property
    def tenant(self) -> Tenant:
        """``/tenant``: the tenant of the actor credentials in use (see ``for_tenant``)."""
        from kimono_interop.resources.tenant import Tenant

        return Tenant(self._pipeline, self._state.applications, self._auth.identity)

    @functools.cached_property
    def ingestions(self) -> Ingestions:
        """``/ingestions``: data ingestions."""
        from kimono_interop.resources.ingestions import Ingestions

        return Ingestions(self._pipeline)

    # -- properties and derived clients ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The API host every request goes to."""
        return self._settings.base_url

    @property
    def auth(self) -> Credentials:
        """The credentials this client authenticates with."""
        return self._auth

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of each request."""
        return self._settings.timeout

    @property
    def retry_policy(self) -> RetryPolicy:
        """When and how often failed requests are resent."""
        return self._settings.policy

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout = _NOT_GIVEN,
        max_retries: int = _NOT_GIVEN,
        retry_policy: RetryPolicy = _NOT_GIVEN,
        headers: Mapping[str, str] = _NOT_GIVEN,
    ) -> InteropClient:
        """A client with another timeout, retries or extra headers, sharing this one's pool."""
        settings = self._settings
        if retry_policy is not _NOT_GIVEN:
            settings = replace(settings, policy=_policy(retry_policy, 0))
        elif max_retries is not _NOT_GIVEN:
            retries = check.as_non_negative_int("max_retries", max_retries)
            settings = replace(settings, policy=replace(settings.policy, max_retries=retries))
        if timeout is not _NOT_GIVEN:
            settings = replace(settings, timeout=_timeout(timeout))
        if headers is not _NOT_GIVEN:
            settings = replace(settings, headers={**settings.headers, **_extra(headers)})
        if settings is self._settings:
            return self
        return self._derive(self._auth, settings)

    def with_auth(self, credentials: Credentials) -> InteropClient:
        """A client that authenticates with `credentials`, sharing this one's pool and caches."""
        return self._derive(credentials, self._settings)

    def for_tenant(self, tenant_info: TenantInfo) -> InteropClient:
        """A client acting as this tenant's actor (OAuth2 or Basic, from ``auth.type``).

        The same tenant gives back the same client (a dictionary lookup), so its token is
        fetched once and reused.
        """
        auth = getattr(tenant_info, "auth", None)
        client_id = getattr(auth, "client_id", None)
        client_secret = getattr(auth, "client_secret", None)
        auth_type = getattr(auth, "type_", None)
        if not (isinstance(client_id, str) and isinstance(client_secret, str) and auth_type):
            raise InvalidArgumentError(_no_actor_credentials(tenant_info))
        key = (id(self._settings), str(auth_type).lower(), client_id, client_secret)
        cached = self._state.derived.hit(key)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        client = self._new_derived(
            credentials_for_tenant_auth(str(auth_type), client_id, client_secret), self._settings
        )
        self._state.derived.put(key, client)
        return client

    async def with_raw_response(
        self, method: Callable[P, Awaitable[R]], /, *args: P.args, **kwargs: P.kwargs
    ) -> APIResponse[R]:
        """Call `method` (any of this client's calls) and return its result with its response.

        ``await interop.with_raw_response(interop.clouds.get, cloud_id)`` gives an
        :class:`APIResponse` whose ``parsed`` is the Cloud and whose ``status_code``,
        ``headers`` and ``request_id`` are the final response's (a token fetch is not counted).
        """
        captured: list[httpx.Response] = []
        token = raw_response_capture.set(captured)
        try:
            parsed = await method(*args, **kwargs)
        finally:
            raw_response_capture.reset(token)
        if not captured:
            raise InvalidArgumentError(
                f"{getattr(method, '__qualname__', method)!r} sent no API request: "
                "with_raw_response needs one of the client's calls (a cached value has no response)"
            )
        return APIResponse(parsed, captured[-1])

    # -- lifecycle ----------------------------------------------------------------------------------

    @property
    def is_closed(self) -> bool:
        """Whether this client (or its root) is closed."""
        return self._pipeline.closed or self._state.shared.closed

    async def aclose(self) -> None:
        """Close this client. Closing the root client closes the pool and every derived client."""
        if self._root:
            await self._state.shared.aclose()
            self._state.derived.clear()
            self._state.applications.clear()
            return
        self._pipeline.closed = True
        for key in [k for k, client in self._state.derived.items() if client is self]:
            del self._state.derived[key]

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
        kind = "" if self._root else ", derived"
        return f"InteropClient(base_url={self.base_url!r}, auth={self._auth!r}{kind})"


# -- argument checks ----------------------------------------------------------------------------


def _no_actor_credentials(tenant_info: object) -> str:
    from kimono_interop_client.models import TenantInfo

    if not isinstance(tenant_info, TenantInfo):
        return f"for_tenant needs a TenantInfo, got {shorten(tenant_info)}"
    return (
        f"tenant {tenant_info.id} has no actor credentials in TenantInfo.auth (type, client_id and "
        "client_secret): list or get tenants with the developer API key to receive them"
    )


def _timeout(value: object) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    seconds = check.real_number(value)
    if not math.isfinite(seconds) or seconds <= 0:
        raise InvalidArgumentError(
            f"timeout must be a positive number of seconds or an httpx.Timeout, got {shorten(value)}"
        )
    return httpx.Timeout(seconds)


def _policy(retry_policy: object, max_retries: object) -> RetryPolicy:
    if retry_policy is None:
        return RetryPolicy(max_retries=check.as_non_negative_int("max_retries", max_retries))
    if not isinstance(retry_policy, RetryPolicy):
        raise InvalidArgumentError(
            f"retry_policy must be a RetryPolicy, got {shorten(retry_policy)}"
        )
    return retry_policy


def _extra(headers: object) -> dict[str, str]:
    if not isinstance(headers, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise InvalidArgumentError(f"headers must map str to str, got {shorten(headers)}")
    if any(name.lower() == "authorization" for name in headers):
        raise InvalidArgumentError("headers must not set Authorization: pass auth=... instead")
    return dict(headers)


def _headers(extra: object) -> dict[str, str]:
    headers = {"User-Agent": f"kimono-interop-python/{__version__}", "Accept": "application/json"}
    if extra is not None:
        headers.update(_extra(extra))
    return headers


def _hooks(value: object) -> tuple[AttemptHook, ...]:
    if callable(value):
        value = (value,)
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidArgumentError(
            f"on_attempt must be a callable or callables, got {shorten(value)}"
        )
    hooks = tuple(value)
    for hook in hooks:
        if not callable(hook):
            raise InvalidArgumentError(f"on_attempt must hold callables, got {shorten(hook)}")
    return hooks


def _sender(
    base_url: str,
    connections: int,
    *,
    transport: object,
    http_client: object,
    proxy: object,
    verify: object,
    trust_env: bool,
) -> Sender:
    if http_client is not None:
        if not isinstance(http_client, httpx.AsyncClient):
            raise InvalidArgumentError(
                f"http_client must be an httpx.AsyncClient, got {shorten(http_client)}"
            )
        if transport is not None or proxy is not None:
            raise InvalidArgumentError(
                "pass either http_client or transport/proxy: a client of your own brings its own"
            )
        return ClientSender(http_client, owned=False)
    if transport is not None:
        if not isinstance(transport, httpx.AsyncBaseTransport):
            raise InvalidArgumentError(
                f"transport must be an httpx.AsyncBaseTransport, got {shorten(transport)}"
            )
        return TransportSender(transport, owned=True)
    if proxy is None and trust_env:
        proxy = _config.environment_proxy(httpx.URL(base_url))
    if proxy is not None and not isinstance(proxy, str | httpx.Proxy | httpx.URL):
        raise InvalidArgumentError(f"proxy must be a URL str or httpx.Proxy, got {shorten(proxy)}")
    from kimono_interop.transports import AiohttpTransport  # aiohttp loads with the first client

    pool = AiohttpTransport(
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        verify=_verify(verify),
        trust_env=trust_env,
        proxy=proxy,
    )
    return TransportSender(pool, owned=True)


def _verify(value: object) -> bool | ssl.SSLContext:
    """True, False, an ``ssl.SSLContext``, or a CA bundle file or directory made into one."""
    if isinstance(value, bool | ssl.SSLContext):
        return value
    if isinstance(value, str | os.PathLike):
        path = os.fspath(value)
        if os.path.isdir(path):
            return ssl.create_default_context(capath=path)
        if os.path.isfile(path):
            return ssl.create_default_context(cafile=path)
        raise InvalidArgumentError(f"verify path {shorten(path)} is not a file or directory")
    raise InvalidArgumentError(
        f"verify must be a bool, an ssl.SSLContext or a CA bundle path, got {shorten(value)}"
    )
