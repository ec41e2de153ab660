"""Running one command: configuration, the client (and an in-process sandbox), acting as a
tenant, printing results, and every failure as one line on stderr with its exit code.

The SDK is imported here only inside functions, when a command runs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import traceback
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

from kimono_interop.cli import _codes
from kimono_interop.cli._output import (
    ListProgress,
    OutputOptions,
    View,
    note,
    print_value,
    progress_allowed,
    record,
    stderr_is_terminal,
    writer,
)

if TYPE_CHECKING:
    from kimono_interop import AsyncPager, Credentials, InteropClient
    from kimono_interop.models import TenantInfo
    from kimono_interop.sandbox import SandboxHandle

ENV_API_KEY = "KIMONO_API_KEY"
ENV_BASE_URL = "KIMONO_BASE_URL"


@dataclass
class Globals:
    """The root options."""

    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    sandbox: bool = False
    sandbox_seed: int = 1
    sandbox_tenants: int = 300
    debug: bool = False
    timeout: float | None = None
    max_retries: int | None = None


@dataclass
class ActAs:
    """How ``tenant ...`` and ``ingestions ...`` act as a tenant."""

    tenant: str | None = None
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    bearer_token: str | None = field(default=None, repr=False)

    @property
    def given(self) -> bool:
        """Whether any way of acting as a tenant was given."""
        return any(
            value is not None
            for value in (self.tenant, self.client_id, self.client_secret, self.bearer_token)
        )

    def check(self) -> None:
        """One way at a time, and a client id with its secret (a usage error otherwise)."""
        ways = [
            name
            for name, given in (
                ("--tenant", self.tenant is not None),
                (
                    "--client-id/--client-secret",
                    self.client_id is not None or self.client_secret is not None,
                ),
                ("--bearer-token", self.bearer_token is not None),
            )
            if given
        ]
        if len(ways) > 1:
            raise typer.BadParameter(f"pass only one of {' or '.join(ways)}", param_hint=ways[0])
        if (self.client_id is None) != (self.client_secret is None):
            missing = "--client-secret" if self.client_secret is None else "--client-id"
            raise typer.BadParameter(
                "OAuth2 client credentials need both --client-id and --client-secret",
                param_hint=missing,
            )


@dataclass
class State:
    """``ctx.obj``: the root options and, under ``tenant``/``ingestions``, how to act."""

    globals: Globals = field(default_factory=Globals)
    act_as: ActAs = field(default_factory=ActAs)


class CliError(Exception):
    """A failure the CLI itself detects, with its exit code."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


Action = Callable[["Session"], Awaitable[int | None]]
"""A command's work: uses the session, prints its results, returns an exit code or None."""


def state_of(ctx: typer.Context) -> State:
    """The State the root callback put in ``ctx.obj``."""
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


# -- the session: clients and the sandbox ------------------------------------------------------


class Session:
    """What a command uses: the developer client, the tenant actor client, the sandbox."""

    def __init__(
        self,
        state: State,
        stack: contextlib.AsyncExitStack,
        *,
        max_in_flight: int | None,
        light: bool = True,
    ) -> None:
        self.state = state
        self._light = light
        self._shared_http: Any = None
        self.sandbox: SandboxHandle | None = None
        self._stack = stack
        self._max_in_flight = max_in_flight
        self._api_key = state.globals.api_key
        self._base_url = state.globals.base_url
        self._developer: InteropClient | None = None
        self._actor: InteropClient | None = None

    async def start(self) -> None:
        """Start the in-process sandbox when ``--sandbox`` was given."""
        options = self.state.globals
        if not options.sandbox:
            return
        from kimono_interop.sandbox import run_sandbox

        self.sandbox = await self._stack.enter_async_context(
            run_sandbox(seed=options.sandbox_seed, tenants=options.sandbox_tenants)
        )
        self._api_key = self.sandbox.api_key
        self._base_url = self.sandbox.base_url
        if stderr_is_terminal():
            note(
                f"(an in-process sandbox at {self.sandbox.base_url}: seed {options.sandbox_seed}, "
                f"{options.sandbox_tenants} tenants)"
            )

    def _client(self, auth: Credentials) -> InteropClient:
        from kimono_interop import InteropClient

        options = self.state.globals
        extra: dict[str, Any] = {}
        if options.timeout is not None:
            extra["timeout"] = options.timeout
        if options.max_retries is not None:
            extra["max_retries"] = options.max_retries
        if self._max_in_flight is not None:
            extra["max_in_flight"] = self._max_in_flight
        if self._light:
            extra["http_client"] = self._http_client()
        client = InteropClient(auth=auth, base_url=self._base_url, **extra)
        self._stack.push_async_callback(client.aclose)
        return client

    def _http_client(self) -> Any:
        """httpx's own client for a command of a few requests: it starts in a third of the
        time of the SDK's default pool (aiohttp's, faster per request: the overview keeps it).
        Proxies from the environment apply (``trust_env``), as with the default pool."""
        if self._shared_http is None:
            import httpx

            self._shared_http = httpx.AsyncClient(
                limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
                trust_env=True,
            )
            self._stack.push_async_callback(self._shared_http.aclose)
        return self._shared_http

    def developer(self) -> InteropClient:
        """The client with the developer API key (``--api-key``, else ``KIMONO_API_KEY``)."""
        if self._developer is None:
            from kimono_interop import ApiKey

            key = self._api_key or os.environ.get(ENV_API_KEY, "").strip()
            if not key:
                raise CliError(
                    _codes.AUTH,
                    f"no API key: pass --api-key or set {ENV_API_KEY} "
                    "(or try the local sandbox: kimono-interop --sandbox ...)",
                )
            self._developer = self._client(ApiKey(key))
        return self._developer

    async def actor(self) -> InteropClient:
        """The client acting as the tenant ``--tenant``, ``--client-id`` or ``--bearer-token``
        names."""
        if self._actor is not None:
            return self._actor
        act = self.state.act_as
        if act.tenant is not None:
            info = await self.find_tenant(act.tenant)
            self._actor = self._for_tenant(info)
        elif act.client_id is not None and act.client_secret is not None:
            from kimono_interop import ClientCredentials

            self._actor = self._client(ClientCredentials(act.client_id, act.client_secret))
        elif act.bearer_token is not None:
            from kimono_interop import BearerToken

            self._actor = self._client(BearerToken(act.bearer_token))
        else:
            raise CliError(
                _codes.USAGE,
                "this command acts as a tenant: pass --tenant ID_OR_NAME, --client-id and "
                "--client-secret, or --bearer-token before the subcommand "
                "(kimono-interop tenant --tenant NAME ...)",
            )
        return self._actor

    async def developer_or_actor(self) -> InteropClient:
        """The actor when a way of acting as a tenant was given, else the developer client."""
        return await self.actor() if self.state.act_as.given else self.developer()

    def _for_tenant(self, info: TenantInfo) -> InteropClient:
        from kimono_interop import InvalidArgumentError

        try:
            return self.developer().for_tenant(info)
        except InvalidArgumentError:
            raise CliError(
                _codes.AUTH,
                f"tenant {info.name!r} ({info.id}) came without actor credentials, "
                "so the CLI cannot act as it",
            ) from None

    async def find_tenant(self, wanted: str) -> TenantInfo:
        """The tenant with this id, or else with exactly this name (developer API key)."""
        from kimono_interop import NotFoundError

        developer = self.developer()
        if is_uuid(wanted):
            try:
                return await developer.tenants.get(wanted)
            except NotFoundError as exc:
                raise CliError(_codes.NOT_FOUND, f"no tenant with id {wanted}: {exc}") from None
        found = [info async for info in developer.tenants.list() if info.name == wanted]
        if not found:
            raise CliError(
                _codes.NOT_FOUND,
                f"no tenant named {wanted!r} (names match exactly; "
                "list them with: kimono-interop tenants list --fields id,name)",
            )
        if len(found) > 1:
            ids = ", ".join(str(info.id) for info in found)
            raise CliError(
                _codes.USAGE,
                f"{len(found)} tenants are named {wanted!r}: pass one's id instead ({ids})",
            )
        return found[0]


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# -- printing results --------------------------------------------------------------------------


async def show_listing(
    pager: AsyncPager[Any],
    options: OutputOptions,
    view: View,
    *,
    limit: int | None,
) -> None:
    """Every item of `pager` (up to `limit`), streamed as pages come, progress on stderr."""
    out = writer(options, view)
    progress_ok = progress_allowed(options)
    count = 0
    with ListProgress(f"{view.noun}s", enabled=progress_ok) as progress:
        if limit != 0:
            async with contextlib.aclosing(pager.pages()) as pages:
                async for page in pages:
                    items = page.items if limit is None else page.items[: limit - count]
                    for item in items:
                        out.add(record(item))
                    count += len(items)
                    progress.page(len(items))
                    if limit is not None and count >= limit:
                        break
    out.close()


def show(item: Any, options: OutputOptions, view: View) -> None:
    """One object."""
    out = writer(options, view, single=True)
    out.add(record(item))
    out.close()


def show_many(items: list[Any], options: OutputOptions, view: View) -> None:
    """Several objects (a create that returns a list)."""
    out = writer(options, view)
    for item in items:
        out.add(record(item))
    out.close()


def show_count(count: int, options: OutputOptions) -> None:
    """A count."""
    print_value(count, options, "count")


def done(message: str) -> None:
    """What a command without a result did, on stderr."""
    note(message)


# -- running -----------------------------------------------------------------------------------


def execute(
    ctx: typer.Context,
    action: Action,
    *,
    names: Mapping[str, str] | None = None,
    max_in_flight: int | None = None,
    many_requests: bool = False,
) -> None:
    """Run `action` in a fresh event loop; a failure is one line on stderr and its exit code.

    `many_requests` (the overview) keeps the SDK's default connection pool, faster per
    request; other commands use httpx's own, which starts faster."""
    import asyncio  # here, not at the top: --help never needs it

    state = state_of(ctx)
    path = ctx.command_path
    try:
        code = asyncio.run(
            _run(state, action, path, names or {}, max_in_flight, light=not many_requests)
        )
    except KeyboardInterrupt:
        print(f"{path}: interrupted", file=sys.stderr)
        code = _codes.INTERRUPTED
    if code:
        raise typer.Exit(code)


async def _run(
    state: State,
    action: Action,
    path: str,
    names: Mapping[str, str],
    max_in_flight: int | None,
    *,
    light: bool,
) -> int:
    debug = state.globals.debug
    if debug:
        _debug_logging()
    try:
        async with contextlib.AsyncExitStack() as stack:
            session = Session(state, stack, max_in_flight=max_in_flight, light=light)
            await session.start()
            code = await action(session)
        return code or _codes.OK
    except BrokenPipeError:
        raise
    except CliError as exc:
        _report(path, exc.message, exc if debug else None)
        return exc.code
    except Exception as exc:
        code, message = describe(exc, names)
        _report(path, message, exc if debug else None)
        return code


def _report(path: str, message: str, exc: BaseException | None) -> None:
    if exc is not None:
        traceback.print_exception(exc, file=sys.stderr)
    print(f"{path}: error: {one_line(message)}", file=sys.stderr, flush=True)


def one_line(text: str) -> str:
    """`text` with its whitespace runs (newlines included) as single spaces."""
    return " ".join(text.split())


def _debug_logging() -> None:
    logger = logging.getLogger("kimono_interop")
    logger.setLevel(logging.DEBUG)
    if not any(getattr(handler, "_kimono_cli", False) for handler in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._kimono_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


# -- failures as exit codes ----------------------------------------------------------------------

STATUS_CODES = {400: _codes.USAGE, 401: _codes.AUTH, 403: _codes.AUTH, 404: _codes.NOT_FOUND}
STATUS_CODES[409] = _codes.CONFLICT

SDK_NAMES = {
    "id": "ID",
    "integration_id": "INTEGRATION_ID",
    "version": "VERSION",
    "blueprint": "FILE",
    "items": "--json/--file/--name",
    "item": "--json/--file/--name",
    "auth_props_pending": "--auth-props-pending",
}
"""The CLI's name of an SDK argument, where it is not ``--`` and the name with dashes."""

_ARGUMENT = re.compile(r"([a-z_][a-z0-9_]*)((?:\[\d+\]|\.[A-Za-z0-9_]+)*)(?: must |: | is )")


def cli_name(sdk_name: str, names: Mapping[str, str]) -> str:
    """How the CLI names an SDK argument."""
    return names.get(sdk_name) or SDK_NAMES.get(sdk_name) or "--" + sdk_name.replace("_", "-")


def describe(exc: BaseException, names: Mapping[str, str] | None = None) -> tuple[int, str]:
    """The exit code and the one-line message for a failure."""
    from kimono_interop import (
        APIConnectionError,
        APIStatusError,
        InsecureTransportError,
        InteropError,
        InvalidArgumentError,
    )

    if isinstance(exc, InvalidArgumentError):
        message = str(exc)
        match = _ARGUMENT.match(message)
        if match is None:
            return _codes.USAGE, f"invalid input: {message}"
        option = cli_name(match.group(1), names or {})
        return _codes.USAGE, f"invalid value for {option}: {message}"
    if isinstance(exc, APIStatusError):
        text = str(exc)
        if exc.details:
            text += f"; details: {exc.details}"
        return STATUS_CODES.get(exc.status_code, _codes.FAILURE), text
    if isinstance(exc, APIConnectionError):
        return _codes.FAILURE, f"the API could not be reached: {exc}"
    if isinstance(exc, InsecureTransportError):
        return _codes.USAGE, f"{exc} (from --base-url or {ENV_BASE_URL})"
    if isinstance(exc, InteropError):
        return _codes.FAILURE, str(exc)
    if isinstance(exc, ImportError) and "kimono-interop[" in str(exc):
        return _codes.USAGE, str(exc)  # an extra is missing: the message says what to install
    if isinstance(exc, OSError) and type(exc).__name__ == "ListenError":
        return _codes.FAILURE, str(exc)
    return _codes.FAILURE, f"unexpected {type(exc).__name__}: {exc} (--debug shows the traceback)"


def short_error(exc: BaseException) -> str:
    """A failure in a few words, for a table cell (status, code, message, request id)."""
    from kimono_interop import APIStatusError, InvalidArgumentError

    if isinstance(exc, APIStatusError):
        parts = [str(exc.status_code)]
        if exc.code:
            parts.append(exc.code)
        text = f"{' '.join(parts)}: {exc.message}"
        if exc.request_id:
            text += f" [request id {exc.request_id}]"
        return one_line(text)
    if isinstance(exc, InvalidArgumentError | CliError):
        return one_line(str(exc))
    return one_line(f"{type(exc).__name__}: {exc}")
