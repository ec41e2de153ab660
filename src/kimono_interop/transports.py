"""The HTTP transports for ``InteropClient(transport=...)``.

Each keeps the SDK's retries, auth, logging and in-flight limit; ``make bench`` measures them
on the same figures and the README has the numbers.

- :class:`AiohttpTransport`, the default: httpx requests over aiohttp's pool and C parser
  (``httpx-aiohttp``, the transport openai-python offers), with its exceptions mapped so that a
  failure after the request may have reached the server is never taken for one before it
  (``httpx-aiohttp`` reports a server disconnect as ``ConnectTimeout``, which would let a POST be
  resent).
- httpx's own ``httpx.AsyncHTTPTransport``: pass one to use httpcore's pool instead.
- :class:`Httpx2Transport` (``pip install 'kimono-interop[httpx2]'``): httpx2, the maintained
  fork of httpx, behind an adapter from httpx's request and response types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from kimono_interop._exceptions import InteropError

if TYPE_CHECKING:
    from aiohttp import ClientTimeout

__all__ = ["AiohttpTransport", "Httpx2Transport"]

_Timeouts = tuple[float | None, float | None, float | None]


def _missing(extra: str, module: str) -> InteropError:
    return InteropError(f"this transport needs {module}: pip install 'kimono-interop[{extra}]'")


def _limits(limits: httpx.Limits | None) -> httpx.Limits:
    if limits is not None:
        return limits
    return httpx.Limits(max_connections=100, max_keepalive_connections=100)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """httpx requests over aiohttp (C-accelerated parsing; a different connection pool).

    Like :class:`Httpx2Transport`, it reads each body whole before it returns the response (the
    SDK never streams one), so a failure mid-body is raised, remapped, from the send itself.
    """

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        verify: Any = True,
        trust_env: bool = True,
        proxy: str | httpx.URL | httpx.Proxy | None = None,
    ) -> None:
        """A pool of `limits.max_connections` connections (100 by default)."""
        try:
            import aiohttp
            from httpx_aiohttp import AiohttpTransport as Base
            from httpx_aiohttp.transport import map_aiohttp_exceptions
            from yarl import URL
        except ImportError as error:
            raise _missing("aiohttp", "httpx-aiohttp") from error
        self._aiohttp = aiohttp
        self._mapped = map_aiohttp_exceptions
        self._url = URL
        self._timeouts: dict[_Timeouts, ClientTimeout] = {}
        self._inner = Base(
            limits=_limits(limits),
            verify=verify,
            trust_env=trust_env,
            proxy=httpx.Proxy(proxy) if isinstance(proxy, str | httpx.URL) else proxy,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send through aiohttp; its failures become the httpx exceptions they really are."""
        try:
            return await self._send(request)
        except httpx.TransportError as error:
            raise self._remap(error, request) from None

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """httpx-aiohttp's send, but with the URL passed as encoded: aiohttp would otherwise
        re-quote it and turn a ``%2C`` inside a list item into a comma between items."""
        inner, aiohttp = self._inner, self._aiohttp
        if not isinstance(inner.client, aiohttp.ClientSession):
            inner.client = inner.get_client()
        proxy = inner.proxy
        with self._mapped():
            try:
                body: bytes | httpx.AsyncByteStream | None = request.content or None
            except httpx.RequestNotRead:
                body = request.stream  # type: ignore[assignment]
                request.headers.pop("transfer-encoding", None)  # aiohttp chunks it itself
            answer = await inner.client.request(
                request.method,
                self._url(str(request.url), encoded=True),
                headers=request.headers,
                data=body,
                allow_redirects=False,
                auto_decompress=False,
                compress=False,
                timeout=self._timeout(request.extensions.get("timeout", {})),
                server_hostname=request.extensions.get("sni_hostname"),
                proxy=str(proxy.url) if proxy else None,
                proxy_auth=aiohttp.BasicAuth(*proxy.auth) if proxy and proxy.auth else None,
                proxy_headers=proxy.headers if proxy else None,
            ).__aenter__()
            try:
                content = await answer.read()
            except BaseException:
                answer.close()  # a body cut short: the connection is not reused
                raise
            finally:
                answer.release()
        extensions: dict[str, Any] = {"http_version": b"HTTP/1.1"}
        if answer.reason:
            extensions["reason_phrase"] = answer.reason.encode()
        return httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=httpx.ByteStream(content),  # still encoded: the pipeline's read decodes it
            request=request,
            extensions=extensions,
        )

    def _timeout(self, timeout: dict[str, float | None]) -> ClientTimeout:
        """aiohttp's timeouts for httpx's (a client's requests all carry the same ones)."""
        key: _Timeouts = (timeout.get("connect"), timeout.get("read"), timeout.get("pool"))
        made = self._timeouts.get(key)
        if made is None:
            if len(self._timeouts) >= 64:
                self._timeouts.clear()
            made = self._timeouts[key] = self._aiohttp.ClientTimeout(
                sock_connect=key[0], sock_read=key[1], connect=key[2]
            )
        return made

    def _remap(self, error: httpx.TransportError, request: httpx.Request) -> Exception:
        aiohttp = self._aiohttp
        cause = error.__cause__
        message = f"{type(cause).__name__}: {cause}" if cause is not None else str(error)
        if isinstance(cause, aiohttp.ClientConnectorError):
            return httpx.ConnectError(message, request=request)
        if isinstance(cause, aiohttp.ConnectionTimeoutError):
            return httpx.ConnectTimeout(message, request=request)
        if isinstance(cause, aiohttp.ServerTimeoutError | TimeoutError):
            return httpx.ReadTimeout(message, request=request)
        if isinstance(cause, aiohttp.ServerDisconnectedError):
            return httpx.RemoteProtocolError(message, request=request)
        if isinstance(cause, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
            return httpx.ProxyError(message, request=request)
        if isinstance(error, httpx.UnsupportedProtocol | httpx.ProxyError):
            return error
        return httpx.ReadError(message, request=request)  # it may have reached the server

    def pool_state(self) -> dict[str, int]:
        """Connections by state: in use (``active``), kept alive (``idle``), and their sum."""
        session = self._inner.client
        connector = session.connector if isinstance(session, self._aiohttp.ClientSession) else None
        idle = sum(len(held) for held in getattr(connector, "_conns", {}).values())
        active = len(getattr(connector, "_acquired", ()))
        return {"connections": idle + active, "idle": idle, "active": active, "closed": 0}

    async def aclose(self) -> None:
        """Close aiohttp's session and its connections."""
        await self._inner.aclose()


def _as_httpx(error: Exception, request: httpx.Request) -> Exception:
    """The httpx exception of the same name as an httpx2 one (their hierarchies are the same)."""
    kind = getattr(httpx, type(error).__name__, None)
    if not (isinstance(kind, type) and issubclass(kind, httpx.RequestError)):
        kind = httpx.TransportError
    return kind(str(error), request=request)


class Httpx2Transport(httpx.AsyncBaseTransport):
    """httpx requests sent by httpx2's transport (the maintained fork's connection pool)."""

    def __init__(
        self,
        *,
        limits: httpx.Limits | None = None,
        verify: Any = True,
        trust_env: bool = True,
        proxy: str | None = None,
    ) -> None:
        """A pool of `limits.max_connections` connections (100 by default)."""
        try:
            import httpx2
        except ImportError as error:
            raise _missing("httpx2", "httpx2") from error
        self._httpx2 = httpx2
        chosen = _limits(limits)
        self._inner = httpx2.AsyncHTTPTransport(
            limits=httpx2.Limits(
                max_connections=chosen.max_connections,
                max_keepalive_connections=chosen.max_keepalive_connections,
                keepalive_expiry=chosen.keepalive_expiry,
            ),
            verify=verify,
            trust_env=trust_env,
            proxy=proxy,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request` as an httpx2 request; the response and failures come back as httpx's."""
        httpx2 = self._httpx2
        sent = httpx2.Request(
            request.method,
            str(request.url),
            headers=request.headers.raw,
            content=request.content,
            extensions=request.extensions,
        )
        try:
            answer = await self._inner.handle_async_request(sent)
        except httpx2.HTTPError as error:
            raise _as_httpx(error, request) from None
        try:
            raw = b"".join([chunk async for chunk in answer.aiter_raw()])
        except httpx2.HTTPError as error:
            raise _as_httpx(error, request) from None
        finally:
            await answer.aclose()
        return httpx.Response(  # still encoded: httpx decodes it when the pipeline reads it
            answer.status_code,
            headers=answer.headers.raw,
            stream=httpx.ByteStream(raw),
            request=request,
            extensions={k: v for k, v in answer.extensions.items() if k != "network_stream"},
        )

    async def aclose(self) -> None:
        """Close httpx2's pool."""
        await self._inner.aclose()
