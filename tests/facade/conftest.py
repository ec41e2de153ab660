"""Fixtures: a seeded sandbox on loopback and an InteropClient pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from kimono_interop import ApiKey, InteropClient, RetryPolicy
from kimono_interop.models import AccountRef, ActorAuth, IntegrationRef, TenantInfo
from kimono_interop.sandbox import run_sandbox

FAST_RETRIES = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.005)


@pytest.fixture
async def sandbox() -> AsyncIterator[Any]:
    """A fresh sandbox per test (state is mutable), small pages to exercise paging."""
    async with run_sandbox(seed=7, max_page_size=50, retry_after=0) as handle:
        yield handle


@pytest.fixture
async def interop(sandbox: Any) -> AsyncIterator[InteropClient]:
    """A developer client (API key) with fast retries."""
    async with InteropClient(
        auth=ApiKey(sandbox.api_key), base_url=sandbox.base_url, retry_policy=FAST_RETRIES
    ) as client:
        yield client


def count(sandbox: Any, operation_id: str) -> int:
    """How many requests for this operation reached the sandbox."""
    return int(sandbox.counters.get(operation_id, 0))


async def tenant_of_type(interop: InteropClient, auth_type: str) -> TenantInfo:
    """The first tenant whose actor credentials are of this type."""
    async for info in interop.tenants.list():
        if isinstance(info.auth, ActorAuth) and str(info.auth.type_).lower() == auth_type:
            return info
    raise AssertionError(f"the sandbox has no {auth_type} tenant")


def account_id(info: TenantInfo) -> str:
    """The id of the tenant's account."""
    assert isinstance(info.account, AccountRef)
    return str(info.account.id)


def integration_name(info: TenantInfo) -> str:
    """The name of the tenant's integration."""
    assert isinstance(info.integration, IntegrationRef)
    return str(info.integration.name)
