"""The request pipeline: what happens to every request, in order.

::

    resource method            checks its arguments, calls the generated build_request()
      -> Pipeline.call()        builds the httpx.Request (base URL, headers, timeout)
        -> retry loop           per attempt, as the RetryPolicy allows:
          -> credentials        Credentials.apply(): sets Authorization, may fetch a token
                                (through this same pipeline, unauthenticated, retried)
          -> in-flight limit    a fair FIFO limit shared by the root and derived clients
          -> exchange           send and read the whole body, in a task of its own so that a
                                cancelled caller never interrupts the pool half-way
          -> observe            one DEBUG log line and the on_attempt hooks
        -> error mapping        an error status, a connection failure or a timeout becomes an
                                InteropError holding only snapshots (secrets masked)
      -> generated parse_response()   a body that does not match the spec raises
                                APIResponseValidationError

A pager's look-ahead requests run the same steps split in two: ``Pipeline.send()`` up to the
response, and ``Pipeline.parse()`` when the consumer reaches the page.

The pool underneath is an ``httpx.AsyncBaseTransport`` (by default one
:class:`~kimono_interop.transports.AiohttpTransport` whose keep-alive capacity equals its
connection limit) or a caller's own ``httpx.AsyncClient``. A request waiting for a slot of the
in-flight limit holds no task of its own, so thousands of tenants may wait at once.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

import httpx
from kimono_interop_client.errors import ResponseBodyError
from kimono_interop_client.types import RequestArgs, query_string

from kimono_interop._aio import on_done, retrieve_exception, shielded
from kimono_interop._credentials import AuthSession, Credentials
from kimono_interop._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ClientClosedError,
    InteropError,
    decoded_headers,
    error_from_response,
    redacted_target,
    snapshot_request,
    snapshot_response,
)
from kimono_interop._retry import RetryPolicy, parse_retry_after, retry_delay

R = TypeVar("R")

logger = logging.getLogger("kimono_interop")


@dataclass(frozen=True)
class Attempt:
    """One attempt of one request, as the ``on_attempt`` hooks see it.

    `request` and `response` are snapshots (credentials masked, no request body); `error` is
    the name of the connection failure when there was no response.
    """

    operation_id: str | None
    attempt: int
    """1 for the first send, 2 for the first retry, ..."""
    elapsed: float
    """Seconds from sending to the whole body read (or to the failure)."""
    request: httpx.Request
    response: httpx.Response | None
    error: str | None


AttemptHook = Callable[[Attempt], None]
"""Called after every attempt; exceptions it raises are logged and ignored."""


# -- the pool: where exchanges go ------------------------------------------------------------


class _UndecodableBody(Exception):
    """The body could not be decoded (a broken Content-Encoding): not a connection failure."""

    def __init__(self, response: httpx.Response, problem: str) -> None:
        super().__init__(problem)
        self.response = response
        self.problem = problem


class Sender(Protocol):
    """Sends one request and returns its response with the body read and the stream closed."""

    async def exchange(self, request: httpx.Request) -> httpx.Response:
        """One HTTP exchange."""
        ...

    async def aclose(self) -> None:
        """Close the connections this sender owns."""
        ...


async def _read(response: httpx.Response) -> httpx.Response:
    try:
        await response.aread()
    except httpx.DecodingError as error:
        raise _UndecodableBody(response, f"the body cannot be decoded: {error}") from None
    finally:
        await response.aclose()
    return response


class TransportSender:
    """Sends straight through an ``httpx.AsyncBaseTransport`` (the default pool)."""

    def __init__(self, transport: httpx.AsyncBaseTransport, *, owned: bool) -> None:
        self.transport = transport
        self._owned = owned

    async def exchange(self, request: httpx.Request) -> httpx.Response:
        """Send `request` and read the whole body."""
        response = await self.transport.handle_async_request(request)
        response.request = request
        return await _read(response)

    async def aclose(self) -> None:
        """Close the transport when the client created it."""
        if self._owned:
            await self.transport.aclose()


class ClientSender:
    """Sends through a caller's ``httpx.AsyncClient`` (its mounts, proxies and hooks apply)."""

    def __init__(self, client: httpx.AsyncClient, *, owned: bool) -> None:
        self.client = client
        self._owned = owned

    async def exchange(self, request: httpx.Request) -> httpx.Response:
        """Send `request` without the client's own auth or redirects, and read the body."""
        response = await self.client.send(request, stream=True, auth=None, follow_redirects=False)
        return await _read(response)

    async def aclose(self) -> None:
        """Close the client only when the SDK created it."""
        if self._owned:
            await self.client.aclose()


class FairLimiter:
    """At most `limit` holders at once; waiters are served strictly in arrival order."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.held = 0
        self.peak = 0
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def acquire(self) -> None:
        """Wait for a slot (first come, first served)."""
        if self.held < self.limit and not self._waiters:
            self.held += 1
            self.peak = max(self.peak, self.held)
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the slot was handed over just as we were cancelled: pass it on
            raise

    def release(self) -> None:
        """Free a slot, handing it to the longest waiter when there is one."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.held -= 1

    @property
    def waiting(self) -> int:
        """Waiters not yet served (cancelled ones may still be counted until skipped)."""
        return sum(1 for waiter in self._waiters if not waiter.done())


@dataclass
class Shared:
    """What a root client and every client derived from it share."""

    sender: Sender
    limiter: FairLimiter
    closed: bool = False
    detached: set[asyncio.Task[httpx.Response]] = field(default_factory=set)
    """Exchanges whose caller was cancelled: they finish on their own (the pool stays sound)."""

    def detach(self, task: asyncio.Task[httpx.Response]) -> None:
        """Keep `task` until it ends; the root client's aclose() ends it if it is still running."""
        self.detached.add(task)
        on_done(task, self._forget)

    def _forget(self, task: asyncio.Task[httpx.Response]) -> None:
        self.detached.discard(task)
        retrieve_exception(task)

    async def aclose(self) -> None:
        """Close for good: end detached exchanges, then the pool."""
        self.closed = True
        for task in list(self.detached):
            task.cancel()
        if self.detached:
            await asyncio.wait(list(self.detached))
        await self.sender.aclose()


finish_exchanges_on_cancel: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "kimono_interop_finish_exchanges_on_cancel", default=False
)
"""When set in a task, a cancelled request waits for its exchange to end before it re-raises
(the pager sets it for its look-ahead pages, so no request outlives a closed walk)."""

raw_response_capture: contextvars.ContextVar[list[httpx.Response] | None] = contextvars.ContextVar(
    "kimono_interop_raw_response_capture", default=None
)
"""When set, each successful API response (request snapshotted) is appended to this list."""


class _Exchange:
    """One exchange holding a slot of the in-flight limit, run in a task of its own."""

    __slots__ = ("request", "shared", "started")

    def __init__(self, shared: Shared, request: httpx.Request) -> None:
        self.shared = shared
        self.request = request
        self.started = False

    async def run(self) -> httpx.Response:
        try:
            self.started = True
            return await self.shared.sender.exchange(self.request)
        finally:
            self.shared.limiter.release()


async def exchange(shared: Shared, request: httpx.Request) -> httpx.Response:
    """Send `request` through the shared pool; a cancelled caller never cuts an exchange short.

    The caller waits for a slot itself (a waiting request costs no task: thousands may wait).
    Cancelled while waiting, or before its task first ran, the exchange is dropped. Cancelled
    once it has started, it runs to its end (bounded by the timeouts) in the background, or in
    the caller when :data:`finish_exchanges_on_cancel` is set, so httpcore never sees a
    cancellation half-way through a response and the pool never keeps a connection checked out.
    """
    await shared.limiter.acquire()
    job = _Exchange(shared, request)
    task = asyncio.ensure_future(job.run())
    try:
        return await shielded(task)
    except asyncio.CancelledError:
        if not job.started:
            task.cancel()  # its coroutine never ran, so it never releases: release here
            shared.limiter.release()
        elif finish_exchanges_on_cancel.get():
            await _wait_through_cancellation(task)
        else:
            shared.detach(task)
        raise


async def _wait_through_cancellation(task: asyncio.Task[httpx.Response]) -> None:
    while not task.done():
        try:
            await asyncio.wait([task])
        except asyncio.CancelledError:
            continue
    retrieve_exception(task)


# -- the pipeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """A client's per-request settings (derived clients differ only here and in credentials)."""

    base_url: str
    timeout: httpx.Timeout
    policy: RetryPolicy
    headers: Mapping[str, str]
    hooks: Sequence[AttemptHook] = ()
    base: httpx.URL = field(init=False, compare=False)
    """`base_url` parsed once."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", httpx.URL(self.base_url))


class Pipeline(AuthSession):
    """Sends requests for one client: its settings and credentials over the shared pool."""

    def __init__(
        self,
        shared: Shared,
        settings: Settings,
        auth: Credentials | None,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.shared = shared
        self.settings = settings
        self.auth = auth
        self.closed = False
        self._sleep = sleep
        self._now = now
        self._timeout = settings.timeout.as_dict()

    # -- entry points ------------------------------------------------------------------------

    # Plain functions returning the coroutine: one frame less for each request a fan-out parks.

    def call(
        self, args: RequestArgs, parse: Callable[[httpx.Response], R], *, url: str | None = None
    ) -> Coroutine[Any, Any, R]:
        """Send an operation's request (to `url` instead of its path when given) and parse it."""
        return self._run(args, parse, url=url, token_request=False)

    def request_token(
        self, args: RequestArgs, parse: Callable[[httpx.Response], R], *, url: str
    ) -> Coroutine[Any, Any, R]:
        """Send a token request to `url` (unauthenticated, safe to resend) and parse it."""
        return self._run(args, parse, url=url, token_request=True)

    async def _run(
        self,
        args: RequestArgs,
        parse: Callable[[httpx.Response], R],
        *,
        url: str | None,
        token_request: bool,
    ) -> R:
        self._check_open()
        request = self.build(args, url)
        response = await self._send(request, token_request=token_request)
        return self.parse(request, response, parse, token_request=token_request)

    async def send(
        self, args: RequestArgs, *, url: str | None = None
    ) -> tuple[httpx.Request, httpx.Response]:
        """Send an operation's request; its success response comes back unparsed (see parse())."""
        self._check_open()
        request = self.build(args, url)
        return request, await self._send(request, token_request=False)

    def parse(
        self,
        request: httpx.Request,
        response: httpx.Response,
        parse: Callable[[httpx.Response], R],
        *,
        token_request: bool = False,
    ) -> R:
        """`parse` the success `response` to `request`: a body the spec does not allow raises
        APIResponseValidationError."""
        try:
            parsed = parse(response)
        except ResponseBodyError as error:
            problem: Exception = error.problem
            operation = error.operation_id
        except ValueError as error:  # a custom credential's parser
            problem = ValueError(str(error))
            operation = request.extensions.get("operation_id") or request.url.path
        else:
            captured = raw_response_capture.get()
            if captured is not None and not token_request:
                captured.append(_with_snapshot_request(response, request))
            return parsed
        raise self._invalid(response, request, operation, problem)

    def build(self, args: RequestArgs, url: str | None = None) -> httpx.Request:
        """The httpx.Request for an operation's arguments; `url` replaces path and query."""
        headers = dict(self.settings.headers)
        headers.update(args.get("headers", {}))
        extensions = {"timeout": self._timeout, **args.get("extensions", {})}
        if url is None:
            url = self.url_of(args)
        return httpx.Request(
            args["method"],
            url,
            json=args.get("json"),
            content=args.get("content"),
            data=args.get("data"),
            headers=headers,
            extensions=extensions,
        )

    def url_of(self, args: RequestArgs) -> str:
        """The URL an operation's request goes to, exactly as build() writes it."""
        url = self.settings.base_url + args["url"]
        params = args.get("params")
        return url + "?" + query_string(params) if params else url

    # -- the retry loop ----------------------------------------------------------------------

    async def _send(self, request: httpx.Request, *, token_request: bool) -> httpx.Response:
        attempt, sent, refreshed = 0, 0, False
        auth = None if token_request else self.auth
        while True:
            if auth is not None:
                await auth.apply(request, self)
            response, error = await self._attempt(request, sent)
            sent += 1
            if response is not None and response.is_success:
                return response
            if (
                response is not None
                and response.status_code == 401
                and auth is not None
                and not refreshed
                and auth.on_unauthorized(request)
            ):
                refreshed = True
                continue
            retry_after = self._retry_after(response)
            delay = retry_delay(
                self.settings.policy,
                method=request.method,
                attempt=attempt,
                status=None if response is None else response.status_code,
                error=error,
                retry_after=retry_after,
                idempotent=True if token_request else None,
            )
            if delay is None:
                break
            await self._sleep(delay)
            attempt += 1
            self._check_open()
        raise self._failure(request, response, error, retry_after, token_request=token_request)

    async def _attempt(
        self, request: httpx.Request, sent: int
    ) -> tuple[httpx.Response | None, Exception | None]:
        """One send (`sent` before it: resends after a 401 count too); no exception for failures."""
        started = time.perf_counter()
        response: httpx.Response | None = None
        error: Exception | None = None
        try:
            response = await exchange(self.shared, request)
        except _UndecodableBody as undecodable:
            problem = undecodable.problem
            snapshot = snapshot_response(undecodable.response, request)
            operation = request.extensions.get("operation_id") or request.url.path
            error = self._invalid(snapshot, request, operation, ValueError(problem), snapshot=True)
        except (httpx.HTTPError, OSError) as failure:
            error = failure
        except InteropError:
            raise
        except Exception as failure:  # a third-party transport leaking its own exception
            error = failure
        self._observe(request, response, error, sent, time.perf_counter() - started)
        if isinstance(error, APIResponseValidationError):
            raise error
        return response, error

    def _retry_after(self, response: httpx.Response | None) -> float | None:
        if response is None or "retry-after" not in response.headers:
            return None
        return parse_retry_after(response.headers["retry-after"], now=self._now())

    # -- outcomes ----------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self.closed or self.shared.closed:
            raise ClientClosedError(
                "this InteropClient (or the root client it derives from) is closed"
            )

    def _failure(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        error: Exception | None,
        retry_after: float | None,
        *,
        token_request: bool,
    ) -> InteropError:
        if response is not None:
            snapshot = snapshot_response(response, request)
            return error_from_response(
                snapshot, retry_after=retry_after, token_request=token_request
            )
        assert error is not None
        what = "the OAuth2 token request" if token_request else "the request"
        target = f"{request.method} {request.url.path}{_operation(request)}"
        name = type(error).__name__
        detail = f": {error}" if str(error) else ""
        if isinstance(error, httpx.TimeoutException):
            failure: InteropError = APITimeoutError(
                f"{what} timed out: {target}: {name}{detail}", request=snapshot_request(request)
            )
        else:
            failure = APIConnectionError(
                f"{what} failed: {target}: {name}{detail}", request=snapshot_request(request)
            )
        failure.__cause__ = _fresh(error)
        return failure

    def _invalid(
        self,
        response: httpx.Response,
        request: httpx.Request,
        operation: str,
        problem: Exception,
        *,
        snapshot: bool = False,
    ) -> APIResponseValidationError:
        kept = response if snapshot else snapshot_response(response, request)
        error = APIResponseValidationError(
            f"{operation}: the {response.status_code} response body does not match the spec: "
            f"{problem}",
            response=kept,
            problem=str(problem),
        )
        error.__cause__ = problem
        return error

    def _observe(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        error: Exception | None,
        attempt: int,
        elapsed: float,
    ) -> None:
        outcome: int | str = response.status_code if response is not None else type(error).__name__
        if logger.isEnabledFor(logging.DEBUG):
            target = redacted_target(request.url)
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)",
                request.method,
                target,
                outcome,
                elapsed * 1000.0,
                attempt + 1,
                extra={
                    "http_method": request.method,
                    "http_target": target,
                    "http_outcome": outcome,
                    "elapsed_ms": round(elapsed * 1000.0, 1),
                    "attempt": attempt + 1,
                    "operation_id": request.extensions.get("operation_id"),
                },
            )
        if self.settings.hooks:
            self._run_hooks(request, response, error, attempt, elapsed)

    def _run_hooks(
        self,
        request: httpx.Request,
        response: httpx.Response | None,
        error: Exception | None,
        attempt: int,
        elapsed: float,
    ) -> None:
        record = Attempt(
            operation_id=request.extensions.get("operation_id"),
            attempt=attempt + 1,
            elapsed=elapsed,
            request=snapshot_request(request),
            response=None if response is None else snapshot_response(response, request),
            error=None if error is None else type(error).__name__,
        )
        for hook in self.settings.hooks:
            try:
                hook(record)
            except Exception:  # a metrics hook must never break a request
                logger.exception("on_attempt hook %r raised; ignored", hook)


def _operation(request: httpx.Request) -> str:
    operation = request.extensions.get("operation_id")
    return f" ({operation})" if operation else ""


def _fresh(error: Exception) -> Exception:
    """A copy of `error` with its message only: no request, no traceback, no chain."""
    try:
        copy = type(error)(str(error))
    except Exception:
        copy = Exception(f"{type(error).__name__}: {error}")
    return copy


def _with_snapshot_request(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        response.status_code,
        headers=decoded_headers(response.headers),
        content=response.content,
        request=snapshot_request(request),
    )


def pool_state(shared: Shared) -> dict[str, Any]:
    """Connections of the pool by state, whichever transport keeps them (tests, diagnostics)."""
    transport = getattr(shared.sender, "transport", None)
    describe = getattr(transport, "pool_state", None)
    if callable(describe):
        state: dict[str, Any] = describe()
    else:
        pool = getattr(transport, "_pool", None)  # httpx's own transport: an httpcore pool
        connections = list(getattr(pool, "connections", []))
        state = {
            "connections": len(connections),
            "idle": sum(1 for c in connections if c.is_idle()),
            "closed": sum(1 for c in connections if c.is_closed()),
            "active": sum(1 for c in connections if not c.is_idle() and not c.is_closed()),
        }
    state["in_flight"] = shared.limiter.held
    return state
