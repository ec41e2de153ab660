"""Bad input raises a ValueError naming the argument, before any request is sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from kimono_interop import InteropClient
from kimono_interop.models import TenantInfo

UUID = "123e4567-e89b-12d3-a456-426614174000"
START = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def cases(interop: InteropClient) -> list[tuple[str, Callable[[], Awaitable[Any]]]]:
    tenant = interop.tenant
    return [
        ("id", lambda: interop.clouds.get("not-a-uuid")),
        ("id", lambda: interop.clouds.get(42)),  # type: ignore[arg-type]
        ("integration_id", lambda: interop.integrations.versions.list("x").collect()),
        ("blueprint", lambda: interop.integrations.versions.create(UUID, "<Blueprint>")),
        ("blueprint", lambda: interop.integrations.versions.create(UUID, 3)),  # type: ignore[arg-type]
        ("hour", lambda: tenant.schedules.create(hour=24)),
        ("hour", lambda: tenant.schedules.create(hour=-1)),
        ("hour", lambda: tenant.schedules.create(hour=True)),
        ("enabled", lambda: tenant.schedules.update(UUID, enabled="yes")),  # type: ignore[arg-type]
        ("page_size", lambda: interop.clouds.list(page_size=0).collect()),
        ("page_size", lambda: interop.clouds.list(page_size=-5).collect()),
        ("prefetch", lambda: interop.clouds.list(prefetch=0).collect()),
        ("sort", lambda: tenant.rollovers.list(sort="name; drop").collect()),
        ("sort", lambda: tenant.rollovers.list(sort=3).collect()),  # type: ignore[arg-type]
        ("release_state", lambda: interop.integrations.versions.update(UUID, "1", release_state=1)),  # type: ignore[arg-type]
        ("start_date", lambda: tenant.rollovers.create(start_date=dt.datetime(2030, 1, 1), end_date=START)),
        ("end_date", lambda: tenant.rollovers.create(start_date=START, end_date=START)),
        ("accounts", lambda: interop.tenants.list(accounts=["nope"]).collect()),
        ("accounts", lambda: interop.tenants.list(accounts=UUID).collect()),
        ("name", lambda: interop.clouds.create(name="")),
        ("items", lambda: tenant.scoping.schools.create("School")),  # type: ignore[arg-type]
        ("replace", lambda: tenant.scoping.schools.create([], replace="no")),  # type: ignore[arg-type]
    ]  # fmt: skip


async def test_bad_input_raises_before_any_request(interop: InteropClient, sandbox: Any) -> None:
    sandbox.reset_counters()
    for argument, call in cases(interop):
        with pytest.raises(ValueError, match=argument):
            await call()
    assert sum(sandbox.counters.values()) == 0


def test_for_tenant_needs_credentials(interop: InteropClient) -> None:
    with pytest.raises(ValueError, match="actor credentials"):
        interop.for_tenant(TenantInfo.from_dict({"id": UUID, "name": "No auth"}))


@pytest.mark.parametrize(
    ("option", "value"), [("timeout", 0), ("timeout", -1.0), ("max_retries", -1)]
)
def test_bad_client_options(interop: InteropClient, option: str, value: Any) -> None:
    with pytest.raises(ValueError, match=option):
        interop.with_options(**{option: value})


def test_bad_base_url() -> None:
    from kimono_interop import ApiKey

    with pytest.raises(ValueError, match="base_url"):
        InteropClient(auth=ApiKey("k"), base_url="ftp://example")
