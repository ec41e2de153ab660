"""`make bench`: the SDK's speed and connection goals, each measured beside its baseline.

The API is played by ``scripts/bench_stub.py``, a raw asyncio server with a fixed latency, in a
process of its own (started here, stopped at the end even on error), so the client's CPU is
measured alone: client CPU is ``time.process_time()`` of this process. Every figure runs its
variants (the SDK and its baseline, usually raw httpx doing the same requests) in the same run,
interleaved round by round in a rotating order, and reports the median of the per-round ratios:
no goal is an absolute time unless it is absolute by nature (a latency-bound walk, a per-call
cost, a connection count).

Figures (``--only`` takes their numbers or names):

1. ``get``: GET one object, client CPU per request, SDK / raw httpx + ``json.loads``.
2. ``page``: one list page of 100 typed items, client CPU, SDK / raw httpx + ``json.loads``.
3. ``fanout``: N tenants' applications at once over OAuth2 actor credentials: wall time SDK / raw
   httpx under a semaphore of the SDK's in-flight bound; one token per tenant; every call
   completed; scaling SDK(10 N) / SDK(N).
4. ``pagination``: a 40-page walk with prefetch 4 and 8: ideal / measured time, requests past the
   last page, new connections once the pool is warm.
5. ``connections``: two bursts of 300 GETs at 200 ms: connections the SDK opens (and raw httpx
   with its default limits, for comparison).
6. ``startup``: ``from kimono_interop import InteropClient`` / ``import httpx`` CPU in fresh
   interpreters; ``kimono-interop --help`` / the ``--help`` of a two-command Typer app; client
   construction, ``for_tenant()`` per call and its memory, no ``httpx.AsyncClient`` per call.
7. ``transports``: figures 1, 2 and 3 again for each transport (the SDK's default, httpx's own
   ``AsyncHTTPTransport``, httpx-aiohttp's, and ``kimono_interop.transports``' when they can be
   built here); informational, printed as a table of its own.

Prints one table (figure, measured, goal, OK/MISS) and exits 1 when a goal is missed. A full run
takes a few minutes on 2 cores; ``--quick`` is a ~30 s smoke run with fewer rounds and smaller
sizes (the goals are still printed). ``--json PATH`` writes the results as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import gc
import importlib
import json
import math
import os
import resource
import statistics
import sys
import tempfile
import time
import traceback
import tracemalloc
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import httpx

from kimono_interop import DEFAULT_MAX_CONNECTIONS, ApiKey, InteropClient
from kimono_interop.models import (
    AccountRef,
    ActorAuth,
    ActorAuthType,
    CloudRef,
    IntegrationRef,
    TenantInfo,
)

STUB = Path(__file__).resolve().with_name("bench_stub.py")
API_KEY = "bench-developer-key"
CLOUD_ID = uuid.UUID(int=10_001)
LATENCY = 0.020
"""Seconds the stub waits before each answer in figures 3, 4 and 7's fan-out."""
WALK_PAGES = 40
WALK_PAGE_SIZE = 20
PREFETCH = (4, 8)
BURST = 300
BURST_LATENCY = 0.200
POOL = DEFAULT_MAX_CONNECTIONS
"""The SDK's default pool size and in-flight bound (the raw fan-out's semaphore too)."""
TENANT_CALLS = 1000


# -- results --------------------------------------------------------------------------------


@dataclass
class Result:
    """One measured figure: its value, its goal and whether the goal is met.

    `comparison` is ``<=``, ``>=`` or ``==`` for a goal, or empty for information only
    (`goal` and `ok` are then None). `value` is None when it could not be measured (`note` says
    why). Results of the ``transports`` table name their `transport`.
    """

    name: str
    value: float | None
    goal: float | None
    comparison: str
    unit: str
    ok: bool | None
    figure: str = ""
    note: str = ""
    table: str = "goals"
    transport: str = ""


def check(
    figure: str,
    name: str,
    value: float | None,
    goal: float | None,
    comparison: str,
    unit: str,
    note: str = "",
) -> Result:
    """A result whose `ok` compares `value` with `goal` (None when there is no goal)."""
    ok: bool | None = None
    if goal is not None:
        if value is None or math.isnan(value):
            ok = False
        elif comparison == "<=":
            ok = value <= goal
        elif comparison == ">=":
            ok = value >= goal
        elif comparison == "==":
            ok = value == goal
        else:
            raise ValueError(f"unknown comparison {comparison!r}")
    return Result(name, value, goal, comparison if goal is not None else "", unit, ok, figure, note)


def info(figure: str, name: str, value: float | None, unit: str, note: str = "") -> Result:
    """A result without a goal."""
    return check(figure, name, value, None, "", unit, note)


# -- sizes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    """How many rounds and how large: ``FULL`` for ``make bench``, ``QUICK`` for ``--quick``."""

    label: str
    get_requests: int
    """Requests per measured block in figure 1 (and pages in figure 2: a tenth, at least 2)."""
    cpu_rounds: int
    fan_out: int
    """N of the SDK / raw fan-out ratio, and the smaller N of the scaling ratio."""
    fan_out_large: int
    fan_out_rounds: int
    walk_rounds: int
    import_rounds: int
    tenant_rounds: int
    transport_rounds: int
    transport_fan_out: int
    tenant_calls: int = TENANT_CALLS
    burst: int = BURST
    burst_latency: float = BURST_LATENCY
    latency: float = LATENCY
    """The stub's latency in figures 3, 4 and 7's fan-out."""
    walk_pages: int = WALK_PAGES
    warm_tenants: int = 50
    """Tenants of the warm-up fan-out run before figure 3's and 7's rounds."""
    warmup: bool = True
    """Whether figures 1, 2, 4, 6 and 7 run one unrecorded round first (off only in tests)."""
    collect: bool = True
    """Whether a full garbage collection precedes each measured block (off only in tests)."""

    @property
    def page_requests(self) -> int:
        """Pages per measured block in figure 2."""
        return max(2, self.get_requests // 10)


FULL = Config(
    label="full",
    get_requests=400,
    cpu_rounds=9,
    fan_out=1000,
    fan_out_large=10_000,
    fan_out_rounds=3,
    walk_rounds=15,  # a walk that waits on requests sent past the end is ~L slower: medians need many
    import_rounds=9,
    tenant_rounds=5,
    transport_rounds=3,
    transport_fan_out=1000,
)
QUICK = Config(
    label="quick",
    get_requests=150,
    cpu_rounds=3,
    fan_out=300,
    fan_out_large=3000,
    fan_out_rounds=2,
    walk_rounds=2,
    import_rounds=3,
    tenant_rounds=2,
    transport_rounds=2,
    transport_fan_out=100,
)


# -- the stub -------------------------------------------------------------------------------


class Stub:
    """The stub API running in its own process, and the control requests it answers."""

    def __init__(self, base_url: str, control: httpx.AsyncClient) -> None:
        self.base_url = base_url
        self._control = control

    async def configure(self, *, latency: float | None = None, pages: int | None = None) -> None:
        """Change the stub's latency (seconds) or page count from now on."""
        params: dict[str, str] = {}
        if latency is not None:
            params["latency"] = repr(latency)
        if pages is not None:
            params["pages"] = str(pages)
        (await self._control.post("/_config", params=params)).raise_for_status()

    async def reset(self) -> None:
        """Zero the stub's counters."""
        (await self._control.post("/_stats/reset")).raise_for_status()

    async def stats(self) -> dict[str, float]:
        """The stub's counters (see ``bench_stub.py``)."""
        response = await self._control.get("/_stats")
        response.raise_for_status()
        counters: dict[str, float] = json.loads(response.content)
        return counters


@contextlib.asynccontextmanager
async def running_stub() -> AsyncIterator[Stub]:
    """Start ``bench_stub.py`` in a subprocess, read ``PORT n``; kill it on the way out.

    The stub also exits when its stdin (a pipe from this process) closes: if this process is
    killed outright, the stub goes with it.
    """
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(STUB),
        "--port",
        "0",
        "--latency",
        "0",
        "--pages",
        str(WALK_PAGES),
        "--exit-with-stdin",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), timeout=30)
        if not line.startswith(b"PORT "):
            raise RuntimeError(f"the stub did not start: it printed {line!r}")
        base_url = f"http://127.0.0.1:{int(line.split()[1])}"
        async with httpx.AsyncClient(base_url=base_url, trust_env=False) as control:
            yield Stub(base_url, control)
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()


# -- clients and variants -------------------------------------------------------------------

TransportFactory = Callable[[], httpx.AsyncBaseTransport | None]
"""Makes the transport an SDK client is given (None: the SDK's default pool)."""


def default_transport() -> httpx.AsyncBaseTransport | None:
    """No transport: the SDK builds its own pool."""
    return None


def sdk_client(stub: Stub, transport: TransportFactory = default_transport) -> InteropClient:
    """An SDK client with its defaults (developer API key), on `transport`."""
    return InteropClient(auth=ApiKey(API_KEY), base_url=stub.base_url, transport=transport())


def raw_headers() -> dict[str, str]:
    """The headers the SDK sends with its API key, for the raw baselines to send too."""
    basic = base64.b64encode(f"{API_KEY}:{API_KEY}".encode()).decode()
    return {"Authorization": f"Basic {basic}", "Accept": "application/json"}


def raw_client(stub: Stub) -> httpx.AsyncClient:
    """A raw httpx client (httpx's defaults) sending the same Authorization header as the SDK."""
    return httpx.AsyncClient(base_url=stub.base_url, headers=raw_headers())


Measure = Callable[[], Awaitable[float]]
"""One measured block of a variant: returns its cost (CPU or wall seconds)."""


async def interleave(
    variants: dict[str, Measure], rounds: int, *, warmup: bool = True, collect: bool = True
) -> dict[str, list[float]]:
    """Each variant once per round, in an order that rotates; the costs per variant.

    With `warmup`, one round runs first and is not recorded; with `collect`, a full garbage
    collection precedes each measured block so that none pays for another's garbage.
    """
    names = list(variants)
    if warmup:
        for name in names:
            await variants[name]()
    costs: dict[str, list[float]] = {name: [] for name in names}
    for number in range(rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            if collect:
                gc.collect()
            costs[name].append(await variants[name]())
    return costs


def median_ratio(costs: dict[str, list[float]], variant: str, baseline: str) -> float:
    """The median over rounds of `variant`'s cost divided by `baseline`'s in the same round."""
    return statistics.median(
        a / b for a, b in zip(costs[variant], costs[baseline], strict=True) if b > 0
    )


def cpu_per_call(count: int, call: Callable[[], Awaitable[object]]) -> Measure:
    """A block of `count` sequential calls: client CPU seconds per call."""

    async def measure() -> float:
        start = time.process_time()
        for _ in range(count):
            await call()
        return (time.process_time() - start) / count

    return measure


def sdk_get(interop: InteropClient) -> Callable[[], Awaitable[object]]:
    """``interop.clouds.get(id)``."""

    async def call() -> object:
        return await interop.clouds.get(CLOUD_ID)

    return call


def raw_get(client: httpx.AsyncClient) -> Callable[[], Awaitable[object]]:
    """The same GET with raw httpx, body decoded with ``json.loads``."""
    path = f"/v2/interop/clouds/{CLOUD_ID}"

    async def call() -> object:
        response = await client.get(path)
        response.raise_for_status()
        return json.loads(response.content)

    return call


def sdk_page(interop: InteropClient) -> Callable[[], Awaitable[object]]:
    """The first page of 100 typed clouds, every item touched."""

    async def call() -> object:
        page = await interop.clouds.list(page_size=100).first_page()
        touched = sum(1 for cloud in page.items if cloud.id is not None)
        assert touched == 100
        return touched

    return call


def raw_page(client: httpx.AsyncClient) -> Callable[[], Awaitable[object]]:
    """The same page with raw httpx and ``json.loads``, every dict touched the same way."""
    params = {"page": "0", "page_size": "100"}

    async def call() -> object:
        response = await client.get("/v2/interop/clouds", params=params)
        response.raise_for_status()
        touched = sum(
            1 for cloud in json.loads(response.content)["data"] if cloud["id"] is not None
        )
        assert touched == 100
        return touched

    return call


# -- figures 1 and 2: client CPU per call ---------------------------------------------------


async def cpu_ratios(
    stub: Stub,
    config: Config,
    transports: dict[str, TransportFactory],
    *,
    page: bool,
    rounds: int,
) -> tuple[dict[str, float], dict[str, float]]:
    """Per SDK transport: the median CPU ratio to raw httpx, and the median CPU per call."""
    await stub.configure(latency=0.0)
    count = config.page_requests if page else config.get_requests
    async with contextlib.AsyncExitStack() as stack:
        raw = await stack.enter_async_context(raw_client(stub))
        variants = {"raw": cpu_per_call(count, raw_page(raw) if page else raw_get(raw))}
        for name, make in transports.items():
            interop = await stack.enter_async_context(sdk_client(stub, make))
            variants[name] = cpu_per_call(count, sdk_page(interop) if page else sdk_get(interop))
        costs = await interleave(variants, rounds, warmup=config.warmup, collect=config.collect)
    ratios = {name: median_ratio(costs, name, "raw") for name in transports}
    per_call = {name: statistics.median(values) for name, values in costs.items()}
    return ratios, per_call


async def figure_get(stub: Stub, config: Config) -> list[Result]:
    """Figure 1: GET one object, client CPU per request, SDK / raw httpx."""
    ratios, per_call = await cpu_ratios(
        stub, config, {"sdk": default_transport}, page=False, rounds=config.cpu_rounds
    )
    note = f"SDK {per_call['sdk'] * 1e6:.0f} us, raw {per_call['raw'] * 1e6:.0f} us per request"
    return [
        check("1", "GET one object: client CPU, SDK/raw", ratios["sdk"], 1.10, "<=", "x", note),
    ]


async def figure_page(stub: Stub, config: Config) -> list[Result]:
    """Figure 2: one page of 100 typed items, client CPU, SDK / raw httpx + json.loads."""
    ratios, per_call = await cpu_ratios(
        stub, config, {"sdk": default_transport}, page=True, rounds=config.cpu_rounds
    )
    note = f"SDK {per_call['sdk'] * 1e6:.0f} us, raw {per_call['raw'] * 1e6:.0f} us per page"
    return [
        check("2", "list page of 100: client CPU, SDK/raw", ratios["sdk"], 1.15, "<=", "x", note),
    ]


# -- figure 3: tenant fan-out ---------------------------------------------------------------


def tenant_infos(count: int, tag: str) -> list[TenantInfo]:
    """`count` tenants with OAuth2 actor credentials, each with its own client id."""
    account = AccountRef(id=uuid.UUID(int=1), name="Bench account")
    cloud = CloudRef(id=CLOUD_ID, name="Bench cloud")
    integration = IntegrationRef(id=uuid.UUID(int=2), name="Bench integration")
    return [
        TenantInfo(
            id=uuid.uuid5(uuid.NAMESPACE_OID, f"{tag}-{n}"),
            name=f"Tenant {tag}-{n}",
            actor_id=uuid.UUID(int=3),
            account=account,
            cloud=cloud,
            integration=integration,
            auth=ActorAuth(
                type_=ActorAuthType.OAUTH2,
                client_id=f"{tag}-{n}",
                client_secret=f"secret-{tag}-{n}",
            ),
        )
        for n in range(count)
    ]


def expected_tenant(info: TenantInfo) -> uuid.UUID:
    """The tenant_id the stub answers for this tenant's token."""
    assert isinstance(info.auth, ActorAuth)
    return uuid.uuid5(uuid.NAMESPACE_DNS, info.auth.client_id)


@dataclass
class FanOutRun:
    """What one fan-out run did, as the client and the stub saw it."""

    tenants: int
    completed: int
    token_requests: int
    token_clients: int
    api_requests: int

    @property
    def one_token_each(self) -> bool:
        """Exactly one token request per tenant, and one per distinct client id."""
        return self.token_requests == self.tenants == self.token_clients


def sdk_fan_out(
    stub: Stub, infos: list[TenantInfo], transport: TransportFactory, runs: list[FanOutRun]
) -> Measure:
    """A fresh SDK client (SDK defaults), every tenant's application in one gather: wall time."""

    async def measure() -> float:
        await stub.reset()
        async with sdk_client(stub, transport) as interop:
            start = time.perf_counter()
            apps = await asyncio.gather(
                *(interop.for_tenant(info).tenant.application.get() for info in infos),
                return_exceptions=True,
            )
            wall = time.perf_counter() - start
        completed = sum(
            1
            for info, app in zip(infos, apps, strict=True)
            if not isinstance(app, BaseException) and app.tenant_id == expected_tenant(info)
        )
        await record(stub, runs, len(infos), completed)
        return wall

    return measure


def raw_fan_out(stub: Stub, infos: list[TenantInfo], runs: list[FanOutRun]) -> Measure:
    """The same with raw httpx: token POST then GET, each under a semaphore of POOL."""

    async def measure() -> float:
        await stub.reset()
        limits = httpx.Limits(max_connections=POOL, max_keepalive_connections=POOL)
        gate = asyncio.Semaphore(POOL)
        async with httpx.AsyncClient(base_url=stub.base_url, limits=limits) as client:

            async def one(info: TenantInfo) -> str:
                assert isinstance(info.auth, ActorAuth)
                form = {
                    "grant_type": "client_credentials",
                    "client_id": info.auth.client_id,
                    "client_secret": str(info.auth.client_secret),
                }
                async with gate:
                    response = await client.post("/oauth/token", data=form)
                response.raise_for_status()
                token = json.loads(response.content)["access_token"]
                headers = {"Authorization": f"Bearer {token}"}
                async with gate:
                    response = await client.get("/v2/interop/tenant/application", headers=headers)
                response.raise_for_status()
                tenant: str = json.loads(response.content)["data"]["tenant_id"]
                return tenant

            start = time.perf_counter()
            done = await asyncio.gather(*(one(info) for info in infos), return_exceptions=True)
            wall = time.perf_counter() - start
        completed = sum(
            1
            for info, tenant in zip(infos, done, strict=True)
            if isinstance(tenant, str) and uuid.UUID(tenant) == expected_tenant(info)
        )
        await record(stub, runs, len(infos), completed)
        return wall

    return measure


async def record(stub: Stub, runs: list[FanOutRun], tenants: int, completed: int) -> None:
    """Append what the stub counted during a fan-out run."""
    stats = await stub.stats()
    runs.append(
        FanOutRun(
            tenants=tenants,
            completed=completed,
            token_requests=int(stats["token_requests"]),
            token_clients=int(stats["token_clients"]),
            api_requests=int(stats["api_requests"]),
        )
    )


def fan_out_checks(figure: str, label: str, runs: list[FanOutRun]) -> list[Result]:
    """Rows: one token per tenant in every run, and every call completed in every run."""
    tenants = runs[0].tenants
    worst_tokens = max(runs, key=lambda run: abs(run.token_requests - tenants))
    tokens = check(
        figure,
        f"{label}: token requests per tenant (every run)",
        worst_tokens.token_requests / tenants,
        1.0,
        "==",
        "x",
        f"{len(runs)} runs; worst: {worst_tokens.token_requests} tokens, "
        f"{worst_tokens.token_clients} client ids, {worst_tokens.api_requests} GETs",
    )
    tokens.ok = all(run.one_token_each for run in runs)
    completed = min(run.completed for run in runs)
    return [
        tokens,
        check(
            figure,
            f"{label}: calls completed (worst run)",
            float(completed),
            float(tenants),
            "==",
            "calls",
        ),
    ]


async def fan_out_costs(
    stub: Stub,
    sizes: dict[str, int],
    transports: dict[str, TransportFactory],
    rounds: int,
    warm: int,
    latency: float,
    collect: bool = True,
) -> tuple[dict[str, list[float]], dict[str, list[FanOutRun]]]:
    """Interleaved fan-out runs: raw httpx at `sizes['raw']`, each SDK variant at its size.

    `sizes` maps each variant (``raw`` and the keys of `transports`, or ``<key>@large``) to N.
    First each runs once with `warm` tenants (none when 0), unrecorded.
    """
    await stub.configure(latency=latency)
    runs: dict[str, list[FanOutRun]] = {name: [] for name in sizes}
    infos = {n: tenant_infos(n, f"t{n}") for n in set(sizes.values())}
    variants: dict[str, Measure] = {}
    for name, n in sizes.items():
        if name == "raw":
            variants[name] = raw_fan_out(stub, infos[n], runs[name])
        else:
            variants[name] = sdk_fan_out(stub, infos[n], transports[name.split("@")[0]], runs[name])
    if warm:
        warmed: list[FanOutRun] = []
        few = tenant_infos(warm, "warm")
        await raw_fan_out(stub, few, warmed)()
        for make in transports.values():
            await sdk_fan_out(stub, few, make, warmed)()
    costs = await interleave(variants, rounds, warmup=False, collect=collect)
    return costs, runs


def ideal_fan_out(tenants: int, latency: float) -> float:
    """Seconds a fan-out takes with no CPU at all: a token then a GET, POOL at a time."""
    return 2 * math.ceil(tenants / POOL) * latency


async def figure_fan_out(stub: Stub, config: Config) -> list[Result]:
    """Figure 3: wall time SDK / raw at N, one token per tenant, and SDK(10 N) / SDK(N)."""
    n, large = config.fan_out, config.fan_out_large
    quick = " (--quick sizes)" if config.label == "quick" else ""
    costs, runs = await fan_out_costs(
        stub,
        {"raw": n, "sdk": n, "sdk@large": large},
        {"sdk": default_transport},
        config.fan_out_rounds,
        config.warm_tenants,
        config.latency,
        config.collect,
    )
    median = {name: statistics.median(values) for name, values in costs.items()}
    return [
        check(
            "3",
            f"fan-out N={n}{quick}: wall time, SDK/raw",
            median_ratio(costs, "sdk", "raw"),
            1.2,
            "<=",
            "x",
            f"SDK {median['sdk'] * 1e3:.0f} ms, raw {median['raw'] * 1e3:.0f} ms "
            f"({config.fan_out_rounds} rounds, latency {config.latency * 1e3:.0f} ms)",
        ),
        info(
            "3",
            f"fan-out N={n}: SDK wall time / latency-bound ideal",
            median["sdk"] / ideal_fan_out(n, config.latency),
            "x",
            f"ideal: 2 requests x ceil(N/{POOL}) x {config.latency * 1e3:.0f} ms = "
            f"{ideal_fan_out(n, config.latency) * 1e3:.0f} ms",
        ),
        *fan_out_checks("3", f"fan-out N={n}", runs["sdk"]),
        check(
            "3",
            f"fan-out scaling{quick}: SDK(N={large})/SDK(N={n})",
            median_ratio(costs, "sdk@large", "sdk"),
            large / n * 1.1,
            "<=",
            "x",
            f"SDK {median['sdk@large'] * 1e3:.0f} ms at N={large}",
        ),
        *fan_out_checks("3", f"fan-out N={large}", runs["sdk@large"]),
    ]


# -- figure 4: pagination -------------------------------------------------------------------


@dataclass
class WalkStats:
    """What the walks with one prefetch did, as the stub counted them."""

    past_end: list[int] = field(default_factory=list)
    new_connections: list[int] = field(default_factory=list)
    incomplete: int = 0


def walk(
    stub: Stub, interop: InteropClient, prefetch: int, pages: int, stats: WalkStats
) -> Measure:
    """One full walk of all `pages` pages with `prefetch`: wall time (stub counters noted)."""

    async def measure() -> float:
        before = await stub.stats()
        start = time.perf_counter()
        items = await interop.clouds.list(page_size=WALK_PAGE_SIZE, prefetch=prefetch).collect()
        wall = time.perf_counter() - start
        after = await stub.stats()
        stats.past_end.append(int(after["past_end"] - before["past_end"]))
        stats.new_connections.append(int(after["connections"] - before["connections"]))
        stats.incomplete += len(items) != pages * WALK_PAGE_SIZE
        return wall

    return measure


def raw_walk(stub: Stub, session: Any, prefetch: int, pages: int) -> Measure:
    """The floor for the same walk on this stub: raw aiohttp (the SDK's default engine) asking
    for the pages `prefetch` at a time, each burst awaited whole, bodies read and decoded."""
    headers = raw_headers()
    url = f"{stub.base_url}/v2/interop/clouds"

    async def page(number: int) -> object:
        params = {"page": str(number), "page_size": str(WALK_PAGE_SIZE)}
        async with session.get(url, params=params, headers=headers) as response:
            return json.loads(await response.read())

    async def measure() -> float:
        start = time.perf_counter()
        for first in range(0, pages, prefetch):
            await asyncio.gather(*(page(n) for n in range(first, min(first + prefetch, pages))))
        return time.perf_counter() - start

    return measure


async def figure_pagination(stub: Stub, config: Config) -> list[Result]:
    """Figure 4: a 40-page walk with prefetch N: ideal / measured, overshoot, new connections."""
    pages = config.walk_pages
    await stub.configure(latency=config.latency, pages=pages)
    walks = {prefetch: WalkStats() for prefetch in PREFETCH}
    import aiohttp

    async with sdk_client(stub) as interop, aiohttp.ClientSession() as session:
        variants = {str(p): walk(stub, interop, p, pages, walks[p]) for p in PREFETCH}
        variants |= {f"raw{p}": raw_walk(stub, session, p, pages) for p in PREFETCH}
        # the warm-up round also warms the pools
        costs = await interleave(
            variants, config.walk_rounds, warmup=config.warmup, collect=config.collect
        )
    results = []
    for prefetch in PREFETCH:
        stats = walks[prefetch]
        rounds = len(costs[str(prefetch)])
        recorded = slice(len(stats.past_end) - rounds, None)  # the warm-up walk is not counted
        ideal = math.ceil(pages / prefetch) * config.latency
        walls = costs[str(prefetch)]
        label = f"walk {pages} pages, prefetch {prefetch}"
        timing = check(
            "4",
            f"{label}: ideal/measured time",
            statistics.median(ideal / wall for wall in walls),
            0.85,
            ">=",
            "x",
            f"ideal {ideal * 1e3:.0f} ms, median {statistics.median(walls) * 1e3:.0f} ms",
        )
        if stats.incomplete:  # a walk that stopped early is no faster walk
            timing.ok = False
            timing.note += f"; {stats.incomplete} walks did not return every item"
        raw = statistics.median(costs[f"raw{prefetch}"])
        results += [
            timing,
            info(
                "4",
                f"{label}: ideal/measured, raw aiohttp in bursts (the floor here)",
                ideal / raw,
                "x",
                f"median {raw * 1e3:.0f} ms: the stub's own time per request included",
            ),
            check(
                "4",
                f"{label}: requests past the last page (worst walk)",
                float(max(stats.past_end[recorded])),
                float(prefetch - 1),
                "<=",
                "req",
            ),
            check(
                "4",
                f"{label}: new connections per walk, warm pool (worst)",
                float(max(stats.new_connections[recorded])),
                0.0,
                "<=",
                "conns",
            ),
        ]
    return results


# -- figure 5: connections under sustained load ---------------------------------------------


async def bursts(
    stub: Stub, get: Callable[[], Awaitable[object]], size: int
) -> tuple[int, int, int]:
    """After one warm-up GET, two bursts of `size` GETs: (new in the 2nd, total, failures)."""
    await get()
    opened: list[int] = []
    failures = 0
    for _ in range(2):
        outcomes = await asyncio.gather(*(get() for _ in range(size)), return_exceptions=True)
        failures += sum(1 for outcome in outcomes if isinstance(outcome, BaseException))
        opened.append(int((await stub.stats())["connections"]))
    return opened[1] - opened[0], opened[1], failures


async def figure_connections(stub: Stub, config: Config) -> list[Result]:
    """Figure 5: two bursts at 200 ms on a warm client: connections opened, SDK and raw httpx."""
    await stub.configure(latency=config.burst_latency)
    await stub.reset()
    async with sdk_client(stub) as interop:
        sdk_second, sdk_total, sdk_failed = await bursts(stub, sdk_get(interop), config.burst)
    await stub.reset()
    async with httpx.AsyncClient(base_url=stub.base_url) as raw:  # httpx's default limits
        raw_second, raw_total, raw_failed = await bursts(stub, raw_get(raw), config.burst)
    label = f"{config.burst} GETs at {config.burst_latency * 1e3:.0f} ms, twice"
    total = check("5", f"{label}: SDK connections opened in total", sdk_total, POOL, "<=", "conns")
    if sdk_failed:  # fewer requests may open fewer connections: not a pass
        total.ok = False
        total.note = f"{sdk_failed} requests failed"
    raw_note = "httpx.AsyncClient() default limits (100 connections, 20 kept alive)"
    return [
        check("5", f"{label}: SDK new connections in 2nd burst", sdk_second, 0, "<=", "conns"),
        total,
        info(
            "5", f"{label}: raw httpx new connections in 2nd burst", raw_second, "conns", raw_note
        ),
        info(
            "5",
            f"{label}: raw httpx connections opened in total",
            raw_total,
            "conns",
            f"{raw_failed} requests failed" if raw_failed else "",
        ),
    ]


# -- figure 6: start-up ---------------------------------------------------------------------

IMPORT_PROBE = "import time; t = time.process_time(); {statement}; print(time.process_time() - t)"


def compiled_bytecode_env(cache: str) -> dict[str, str]:
    """The environment of the start-up figures' fresh interpreters: bytecode cached in `cache`.

    An installed package runs from bytecode pip compiled; an editable checkout writes its own on
    first import, unless ``PYTHONDONTWRITEBYTECODE`` is set (as on some CI and sandbox machines),
    when every fresh interpreter compiles the SDK's sources again and the baselines' installed
    modules not. With one cache for every child, written in the warm-up round, each side loads
    bytecode, as on a user's machine.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPYCACHEPREFIX": cache}


def import_cpu(statement: str, env: dict[str, str]) -> Measure:
    """CPU seconds of an import `statement` in a fresh interpreter, measured inside the child."""

    async def measure() -> float:
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            IMPORT_PROBE.format(statement=statement),
            stdout=asyncio.subprocess.PIPE,
            env=env,
        )
        out, _ = await child.communicate()
        if child.returncode != 0:
            raise RuntimeError(f"{statement} failed in a fresh interpreter")
        return float(out)

    return measure


TYPER_BASELINE = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str) -> None:
    \"\"\"Say hello.\"\"\"
@app.command()
def bye() -> None:
    \"\"\"Say goodbye.\"\"\"
app(["--help"], prog_name="baseline")
"""
"""The floor of a Typer command line's start-up: two commands, nothing imported but Typer."""


def process_cpu(*args: str, env: dict[str, str]) -> Measure:
    """CPU seconds (user + system) of ``python *args`` in a fresh interpreter, start to exit."""

    async def measure() -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        child = await asyncio.create_subprocess_exec(
            sys.executable, *args, stdout=asyncio.subprocess.DEVNULL, env=env
        )
        if await child.wait() != 0:
            raise RuntimeError(f"python {' '.join(args)[:60]} failed")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)

    return measure


async def construction_cost(stub: Stub, rounds: int) -> tuple[float, float]:
    """Median CPU seconds of ``InteropClient(...)`` and of ``httpx.AsyncClient(...)``."""
    sdk: list[float] = []
    raw: list[float] = []
    for _ in range(rounds * 4):
        gc.collect()
        start = time.process_time()
        interop = sdk_client(stub)
        sdk.append(time.process_time() - start)
        await interop.aclose()
        start = time.process_time()
        client = httpx.AsyncClient(base_url=stub.base_url)
        raw.append(time.process_time() - start)
        await client.aclose()
    return statistics.median(sdk), statistics.median(raw)


@dataclass
class ForTenantCost:
    """``for_tenant()`` per call: CPU seconds, retained bytes, and AsyncClients created."""

    distinct: float
    repeated: float
    distinct_bytes: float
    repeated_bytes: float
    async_clients: int


async def for_tenant_cost(stub: Stub, calls: int, rounds: int) -> ForTenantCost:
    """Median over rounds (a fresh warm client each) of ``for_tenant()`` per call."""
    distinct: list[float] = []
    repeated: list[float] = []
    original = httpx.AsyncClient.__init__
    with mock.patch.object(
        httpx.AsyncClient, "__init__", autospec=True, side_effect=original
    ) as created:
        for number in range(rounds + 1):
            infos = tenant_infos(calls, f"ft{number}")
            async with sdk_client(stub) as interop:
                interop.for_tenant(tenant_infos(1, f"warm{number}")[0])
                gc.collect()
                start = time.process_time()
                for tenant in infos:
                    interop.for_tenant(tenant)
                middle = time.process_time()
                for tenant in infos:
                    interop.for_tenant(tenant)
                end = time.process_time()
            if number:  # the first round warms up
                distinct.append((middle - start) / calls)
                repeated.append((end - middle) / calls)
        async_clients = created.call_count
    infos = tenant_infos(calls, "memory")
    async with sdk_client(stub) as interop:
        interop.for_tenant(tenant_infos(1, "warm-memory")[0])
        gc.collect()
        tracemalloc.start()
        try:
            base = tracemalloc.get_traced_memory()[0]
            for tenant in infos:
                interop.for_tenant(tenant)
            after_distinct = tracemalloc.get_traced_memory()[0]
            for tenant in infos:
                interop.for_tenant(tenant)
            after_repeated = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
    return ForTenantCost(
        distinct=statistics.median(distinct),
        repeated=statistics.median(repeated),
        distinct_bytes=(after_distinct - base) / calls,
        repeated_bytes=(after_repeated - after_distinct) / calls,
        async_clients=async_clients,
    )


async def figure_startup(stub: Stub, config: Config) -> list[Result]:
    """Figure 6: import CPU ratio, client construction, ``for_tenant()`` cost per call."""
    with tempfile.TemporaryDirectory(prefix="kimono-bench-pycache-") as cache:
        env = compiled_bytecode_env(cache)
        imports = await interleave(
            {
                "httpx": import_cpu("import httpx", env),
                "kimono_interop": import_cpu("from kimono_interop import InteropClient", env),
                "cli": process_cpu("-m", "kimono_interop.cli", "--help", env=env),
                "typer": process_cpu("-c", TYPER_BASELINE, env=env),
            },
            config.import_rounds,
            warmup=config.warmup,
            collect=config.collect,
        )
    sdk_build, raw_build = await construction_cost(stub, config.tenant_rounds)
    cost = await for_tenant_cost(stub, config.tenant_calls, config.tenant_rounds)
    calls = config.tenant_calls
    return [
        check(
            "6",
            "from kimono_interop import InteropClient / import httpx: CPU",
            median_ratio(imports, "kimono_interop", "httpx"),
            1.5,
            "<=",
            "x",
            f"{statistics.median(imports['kimono_interop']) * 1e3:.0f} ms vs "
            f"{statistics.median(imports['httpx']) * 1e3:.0f} ms, fresh interpreters",
        ),
        check(
            "6",
            "kimono-interop --help / a two-command Typer app's --help: CPU",
            median_ratio(imports, "cli", "typer"),
            1.5,
            "<=",
            "x",
            f"{statistics.median(imports['cli']) * 1e3:.0f} ms vs "
            f"{statistics.median(imports['typer']) * 1e3:.0f} ms, whole processes",
        ),
        info(
            "6",
            "InteropClient(...) construction: CPU",
            sdk_build * 1e3,
            "ms",
            f"httpx.AsyncClient(...): {raw_build * 1e3:.2f} ms",
        ),
        check(
            "6",
            f"for_tenant(), {calls} distinct tenants: CPU per call",
            cost.distinct * 1e6,
            20.0,
            "<=",
            "us",
            f"{cost.distinct_bytes:.0f} B retained per call (tracemalloc)",
        ),
        check(
            "6",
            f"for_tenant(), {calls} repeated calls: CPU per call",
            cost.repeated * 1e6,
            20.0,
            "<=",
            "us",
            f"{cost.repeated_bytes:.0f} B retained per call (tracemalloc)",
        ),
        check(
            "6",
            "httpx.AsyncClient instances created by for_tenant()",
            float(cost.async_clients),
            0.0,
            "==",
            "",
            f"{2 * calls * config.tenant_rounds} calls counted",
        ),
    ]


# -- figure 7: transports -------------------------------------------------------------------


@dataclass
class Transport:
    """A transport to measure: its factory, or why it cannot be used here."""

    name: str
    make: TransportFactory | None
    note: str = ""


def httpx_pool() -> httpx.AsyncBaseTransport:
    """httpx's own pool (httpcore), sized like the SDK's: POOL connections, all kept alive."""
    return httpx.AsyncHTTPTransport(
        limits=httpx.Limits(max_connections=POOL, max_keepalive_connections=POOL)
    )


def default_pool_name(client: InteropClient) -> str:
    """The class of the transport an SDK client built for itself (for the table's notes only)."""
    state = getattr(client, "_state", None)
    transport = getattr(getattr(getattr(state, "shared", None), "sender", None), "transport", None)
    kind = type(transport)
    return "unknown" if transport is None else f"{kind.__module__}.{kind.__qualname__}"


async def available_transports(stub: Stub) -> list[Transport]:
    """The default pool, httpx's, httpx-aiohttp's, and ``kimono_interop.transports``' if any."""
    async with sdk_client(stub) as probe:
        default = default_pool_name(probe)
    found = [
        Transport("default", default_transport, f"what InteropClient builds: {default}"),
        Transport("httpx", httpx_pool, "httpx.AsyncHTTPTransport(limits=100/100)"),
    ]
    candidates: list[tuple[str, str, str]] = [
        ("httpx-aiohttp", "httpx_aiohttp", "AiohttpTransport"),
        ("sdk aiohttp", "kimono_interop.transports", "AiohttpTransport"),
        ("sdk httpx2", "kimono_interop.transports", "Httpx2Transport"),
    ]
    for name, module, attribute in candidates:
        try:
            kind = getattr(importlib.import_module(module), attribute)
            probe_transport = kind()
            await probe_transport.aclose()
        except Exception as error:
            found.append(Transport(name, None, f"{module}.{attribute}: {error}"))
            continue
        found.append(Transport(name, kind, f"{module}.{attribute}()"))
    return found


async def figure_transports(stub: Stub, config: Config) -> list[Result]:
    """Figure 7: figures 1, 2 and 3 per transport, each SDK variant / raw httpx (no goal)."""
    transports = await available_transports(stub)
    usable = {t.name: t.make for t in transports if t.make is not None}
    rounds = config.transport_rounds
    get_ratios, get_cpu = await cpu_ratios(stub, config, usable, page=False, rounds=rounds)
    page_ratios, page_cpu = await cpu_ratios(stub, config, usable, page=True, rounds=rounds)
    n = config.transport_fan_out
    sizes = {"raw": n} | dict.fromkeys(usable, n)
    costs, runs = await fan_out_costs(
        stub, sizes, usable, rounds, config.warm_tenants, config.latency, config.collect
    )
    names = [row.format(n=n) for row in FIGURE_7_ROWS]
    baseline = Transport("raw httpx", None, "the baseline: httpx.AsyncClient + json.loads")
    rows: list[Result] = []
    for transport in [baseline, *transports]:
        cells: list[tuple[float | None, str]]
        if transport is baseline:
            raw_wall = statistics.median(costs["raw"])
            cells = [
                (1.0, f"{get_cpu['raw'] * 1e6:.0f} us"),
                (1.0, f"{page_cpu['raw'] * 1e6:.0f} us"),
                (1.0, f"{raw_wall * 1e3:.0f} ms"),
            ]
        elif transport.make is None:
            cells = [(None, "skipped")] * len(names)
        else:
            name = transport.name
            completed = min(run.completed for run in runs[name])
            tokens = all(run.one_token_each for run in runs[name])
            cells = [
                (get_ratios[name], f"{get_cpu[name] * 1e6:.0f} us"),
                (page_ratios[name], f"{page_cpu[name] * 1e6:.0f} us"),
                (
                    median_ratio(costs, name, "raw"),
                    f"{statistics.median(costs[name]) * 1e3:.0f} ms"
                    + ("" if completed == n else f" ({completed}/{n} completed)")
                    + ("" if tokens else " (NOT one token per tenant)"),
                ),
            ]
        legend = info("7", LEGEND, None, "", transport.note)
        for result in [
            legend,
            *(info("7", row, v, "x", note) for row, (v, note) in zip(names, cells, strict=True)),
        ]:
            result.table = "transports"
            result.transport = transport.name
            rows.append(result)
    return rows


LEGEND = "transport"
"""The name of the figure 7 row that describes a transport (its note)."""

FIGURE_7_ROWS = (
    "1 GET one object: client CPU",
    "2 list page of 100: client CPU",
    "3 fan-out N={n}: wall time",
)


# -- running and printing -------------------------------------------------------------------

Figure = Callable[[Stub, Config], Awaitable[list[Result]]]
FIGURES: dict[str, tuple[str, Figure]] = {
    "1": ("get", figure_get),
    "2": ("page", figure_page),
    "3": ("fanout", figure_fan_out),
    "4": ("pagination", figure_pagination),
    "5": ("connections", figure_connections),
    "6": ("startup", figure_startup),
    "7": ("transports", figure_transports),
}


def select(only: Sequence[str] | None) -> list[str]:
    """The figure numbers `only` names (numbers or names), all of them when None."""
    if not only:
        return list(FIGURES)
    names = {name: number for number, (name, _) in FIGURES.items()}
    chosen = []
    for item in only:
        number = item if item in FIGURES else names.get(item)
        if number is None:
            raise ValueError(f"unknown figure {item!r}: choose from {', '.join(names)} or 1-7")
        chosen.append(number)
    return sorted(set(chosen), key=list(FIGURES).index)


async def run(config: Config, figures: Sequence[str], *, log: bool = True) -> list[Result]:
    """Start the stub, run each figure in turn; a figure that fails becomes a MISS row."""
    results: list[Result] = []
    async with running_stub() as stub:
        for number in figures:
            name, figure = FIGURES[number]
            if log:
                print(f"figure {number} ({name})...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                results += await figure(stub, config)
            except Exception as error:
                traceback.print_exc()
                failed = check(number, f"figure {number} ({name}) failed", None, 0, "==", "")
                failed.note = f"{type(error).__name__}: {error}"
                results.append(failed)
            if log:
                print(f"  {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return results


def show(value: float | None, unit: str) -> str:
    """`value` in `unit`, briefly."""
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.3f}x"
    if unit in ("us", "ms"):
        return f"{value:.1f} {unit}"
    text = f"{value:.0f}" if value == int(value) else f"{value:.2f}"
    return f"{text} {unit}".rstrip()


def table(rows: Sequence[Sequence[str]]) -> str:
    """Rows as aligned columns, the first row as header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def render(results: Sequence[Result], config: Config) -> str:
    """The goals table, then the transports table when figure 7 ran."""
    goals = [r for r in results if r.table == "goals"]
    rows = [["#", "figure", "measured", "goal", "result", "notes"]]
    for r in goals:
        goal = "-" if r.goal is None else f"{r.comparison} {show(r.goal, r.unit)}"
        verdict = "info" if r.ok is None else ("OK" if r.ok else "MISS")
        rows.append([r.figure, r.name, show(r.value, r.unit), goal, verdict, r.note])
    parts = [f"make bench ({config.label} run)", table(rows)]
    transports = [r for r in results if r.table == "transports"]
    if transports:
        names = list(dict.fromkeys(r.transport for r in transports))
        figures = list(dict.fromkeys(r.name for r in transports if r.name != LEGEND))
        cell = {(r.transport, r.name): r for r in transports}
        ratios = [["transports: SDK/raw httpx (lower is better)", *names]]
        values = [["transports: measured (median)", *names]]
        for figure in figures:
            ratios.append([figure, *(show(cell[n, figure].value, "x") for n in names)])
            values.append([figure, *(cell[n, figure].note for n in names)])
        legend = [f"  {n}: {cell[n, LEGEND].note}" for n in names]
        parts += ["", table(ratios), "", table(values), *legend]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, run the figures, print the tables; 1 when a goal is missed."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a ~30 s smoke run")
    parser.add_argument(
        "--only", nargs="+", metavar="FIGURE", help="figures to run: 1-7 or their names"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results as JSON")
    args = parser.parse_args(argv)
    config = QUICK if args.quick else FULL
    try:
        figures = select(args.only)
    except ValueError as error:
        parser.error(str(error))
    started = time.perf_counter()
    results = asyncio.run(run(config, figures))
    print(render(results, config))
    print(f"\n{len(results)} rows in {time.perf_counter() - started:.0f} s")
    if args.json is not None:
        payload: dict[str, Any] = {
            "run": config.label,
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n")
    return 1 if any(r.ok is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
