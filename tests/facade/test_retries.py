"""Retry rules and the error classes, driven by the sandbox's fault knobs."""

from __future__ import annotations

from typing import Any

import pytest

from kimono_interop import (
    APIConnectionError,
    APITimeoutError,
    InteropClient,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from tests.facade.conftest import count


async def test_get_is_retried_through_a_burst_of_503(interop: InteropClient, sandbox: Any) -> None:
    sandbox.reset_counters()
    sandbox.knobs.fail_next = 2
    assert await interop.clouds.list().collect()
    assert count(sandbox, "listClouds") == 3


async def test_retries_stop_at_max_retries(interop: InteropClient, sandbox: Any) -> None:
    sandbox.reset_counters()
    sandbox.knobs.fail_next = 10
    with pytest.raises(ServerError) as caught:
        await interop.clouds.list().collect()
    assert caught.value.status_code == 503
    assert count(sandbox, "listClouds") == 3  # one attempt + max_retries=2


async def test_post_is_not_retried_on_503(interop: InteropClient, sandbox: Any) -> None:
    sandbox.reset_counters()
    sandbox.knobs.fail_next = 1
    with pytest.raises(ServerError):
        await interop.clouds.create(name="Never twice")
    assert count(sandbox, "createCloud") == 1


async def test_post_is_retried_on_429(interop: InteropClient, sandbox: Any) -> None:
    sandbox.reset_counters()
    sandbox.knobs.retry_after = 0
    sandbox.knobs.rate_limit_every = 1
    with pytest.raises(RateLimitError) as caught:
        await interop.clouds.create(name="Rate limited")
    assert caught.value.retry_after == 0
    assert count(sandbox, "createCloud") == 3
    sandbox.knobs.rate_limit_every = None


async def test_post_is_not_retried_when_the_connection_drops(
    interop: InteropClient, sandbox: Any
) -> None:
    sandbox.reset_counters()
    sandbox.knobs.drop_next = 1
    with pytest.raises(APIConnectionError):
        await interop.clouds.create(name="Maybe created")
    assert count(sandbox, "createCloud") == 1


async def test_get_is_retried_when_the_connection_drops(
    interop: InteropClient, sandbox: Any
) -> None:
    sandbox.reset_counters()
    sandbox.knobs.drop_next = 1
    assert await interop.clouds.list().collect()
    assert count(sandbox, "listClouds") == 2


async def test_slow_response_times_out(interop: InteropClient, sandbox: Any) -> None:
    impatient = interop.with_options(timeout=0.2, max_retries=0)
    sandbox.knobs.slow_delay = 1.0
    sandbox.knobs.slow_next = 1
    with pytest.raises(APITimeoutError):
        await impatient.clouds.list().collect()
    assert await interop.clouds.list().collect()  # the shared pool still works


async def test_unregistered_5xx_is_a_server_error(interop: InteropClient, sandbox: Any) -> None:
    no_retries = interop.with_options(retry_policy=RetryPolicy(max_retries=0))
    sandbox.knobs.fail_status = 520
    sandbox.knobs.fail_next = 1
    with pytest.raises(ServerError) as caught:
        await no_retries.clouds.list().collect()
    assert caught.value.status_code == 520
    assert caught.value.code
