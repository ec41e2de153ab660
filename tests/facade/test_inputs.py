"""Every bad argument is rejected before any request, with an error naming the argument."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from kimono_interop import (
    ApiKey,
    ClientCredentials,
    InteropClient,
    InteropError,
    InvalidArgumentError,
)
from kimono_interop.models import TenantInfo

UUID = "123e4567-e89b-12d3-a456-426614174000"
UNTYPED_CLIENT_CREDENTIALS: Any = ClientCredentials
UNTYPED_API_KEY: Any = ApiKey

Case = tuple[str, Callable[[Any], Awaitable[Any]]]
"""(the argument the error must name, a call with a bad value; the client is typed Any so
that the deliberately wrong calls type-check)."""

CASES: list[Case] = [
    # ids and paging
    ("id", lambda i: i.clouds.get("not-a-uuid")),
    ("id", lambda i: i.clouds.get(42)),
    ("id", lambda i: i.clouds.get("x" * 10_000)),
    ("integration_id", lambda i: i.integrations.versions.list("x").collect()),
    ("page_size", lambda i: i.clouds.list(page_size=0).collect()),
    ("page_size", lambda i: i.clouds.list(page_size=True).collect()),
    ("prefetch", lambda i: i.clouds.list(prefetch=0).collect()),
    ("start", lambda i: i.clouds.list(start=-1).collect()),
    ("limit", lambda i: i.clouds.list().collect(limit=-1)),
    # clouds
    ("generation", lambda i: i.clouds.create(name="c", generation=True)),
    ("generation", lambda i: i.clouds.create(name="c", generation="7")),
    ("generation", lambda i: i.clouds.create(name="c", generation=-1)),
    ("generation", lambda i: i.clouds.create(name="c", generation=2**31)),
    ("userdata", lambda i: i.clouds.create(name="c", userdata=123)),
    ("name", lambda i: i.clouds.create(name="")),
    ("name", lambda i: i.clouds.search(name=123).collect()),
    ("generation", lambda i: i.clouds.search(generation=1.5).collect()),
    ("include_credentials", lambda i: i.clouds.actors(UUID, include_credentials="yes").collect()),
    # integrations and versions
    ("title", lambda i: i.integrations.create(name="n", title=123)),
    ("version", lambda i: i.integrations.update(UUID, version=1.5)),
    ("name", lambda i: i.integrations.list(name=123).collect()),
    ("title", lambda i: i.integrations.versions.update(UUID, "1", title=5)),
    ("release_state", lambda i: i.integrations.versions.update(UUID, "1", release_state=1)),
    ("version", lambda i: i.integrations.versions.delete(UUID, "")),
    ("blueprint", lambda i: i.integrations.versions.create(UUID, "<Blueprint>")),
    ("blueprint", lambda i: i.integrations.versions.create(UUID, 3)),
    # tenants
    ("accounts", lambda i: i.tenants.list(accounts=["nope"]).collect()),
    ("accounts", lambda i: i.tenants.list(accounts=UUID).collect()),
    ("accounts", lambda i: i.tenants.list(accounts=[UUID, UUID]).collect()),
    ("integrations", lambda i: i.tenants.list(integrations=[]).collect()),
    # the tenant's own resources
    ("hour", lambda i: i.tenant.schedules.create(hour=24)),
    ("hour", lambda i: i.tenant.schedules.create(hour=True)),
    ("enabled", lambda i: i.tenant.schedules.update(UUID, enabled="yes")),
    ("sort", lambda i: i.tenant.rollovers.list(sort="name; drop").collect()),
    ("sort", lambda i: i.tenant.rollovers.list(sort=3).collect()),
    ("type", lambda i: i.tenant.rollovers.create(type="", status="upcoming", cloud_id=UUID)),
    ("status", lambda i: i.tenant.rollovers.create(type="new_year", status=1, cloud_id=UUID)),
    ("cloud_id", lambda i: i.tenant.rollovers.create(type="new_year", status="upcoming", cloud_id="x")),
    ("metadata", lambda i: i.tenant.rollovers.create(type="new_year", status="upcoming", cloud_id=UUID, metadata="x")),
    ("metadata.created", lambda i: i.tenant.rollovers.create(type="new_year", status="upcoming", cloud_id=UUID, metadata={"created": 5})),
    ("items", lambda i: i.tenant.scoping.schools.create("School")),
    ("items[0].selected", lambda i: i.tenant.scoping.schools.create([{"name": "S", "selected": "yes"}])),
    ("items[0].school_id", lambda i: i.tenant.scoping.schools.create([{"name": "S", "school_id": "not-a-uuid"}])),
    ("items[0].name", lambda i: i.tenant.scoping.courses.create([{"selected": True}])),
    ("replace", lambda i: i.tenant.scoping.schools.create([], replace="no")),
    ("item.name", lambda i: i.tenant.scoping.schools.update(UUID, {"name": 7})),
    ("auth_message", lambda i: i.tenant.application.update(auth_message=123)),
    ("auth_state_pending", lambda i: i.tenant.application.update(auth_state_pending="updating")),
    ("auth_props_pending", lambda i: i.tenant.application.update(auth_props_pending={"a": 1})),
    ("refresh", lambda i: i.tenant.application.get(refresh="yes")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argument", "call"), CASES, ids=[f"{n}-{a}" for n, (a, _) in enumerate(CASES)]
)
async def test_bad_input_raises_before_any_request(
    interop: InteropClient,
    sandbox: Any,
    argument: str,
    call: Callable[[InteropClient], Awaitable[Any]],
) -> None:
    sandbox.reset_counters()
    with pytest.raises(InvalidArgumentError) as caught:
        await call(interop)
    assert str(caught.value).startswith(argument)
    assert len(str(caught.value)) < 400
    assert sum(sandbox.counters.values()) == 0


def test_for_tenant_needs_actor_credentials(interop: InteropClient) -> None:
    with pytest.raises(InvalidArgumentError, match="actor credentials"):
        interop.for_tenant(
            TenantInfo.from_dict(
                {
                    "id": UUID,
                    "name": "No auth",
                    "actor_id": UUID,
                    "account": {"id": UUID, "name": "a"},
                    "cloud": {"id": UUID, "name": "c"},
                    "integration": {"id": UUID, "name": "i"},
                }
            )
        )
    with pytest.raises(InvalidArgumentError, match="needs a TenantInfo"):
        interop.for_tenant({"auth": {}})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("timeout", 0),
        ("timeout", -1.0),
        ("timeout", "5"),
        ("max_retries", -1),
        ("max_retries", 1.5),
        ("headers", {"a": 1}),
        ("headers", {"Authorization": "x"}),
    ],
)
def test_bad_client_options_name_themselves(
    interop: InteropClient, option: str, value: Any
) -> None:
    with pytest.raises(InvalidArgumentError, match=option):
        interop.with_options(**{option: value})


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("base_url", "ftp://example"),
        ("base_url", 5),
        ("base_url", "https://api.example.com/?x=1"),
        ("application_cache_size", 0),
        ("application_cache_ttl", float("nan")),
        # too large for a float: an InvalidArgumentError, not an OverflowError
        pytest.param("application_cache_ttl", 10**400, id="application_cache_ttl-10**400"),
        pytest.param("timeout", 10**400, id="timeout-10**400"),
        ("token_store_size", True),
        ("max_connections", 0),
        ("max_in_flight", -3),
        ("timeout", float("inf")),
        ("retry_policy", 3),
        ("verify", 42),
        ("verify", "/no/such/ca-bundle.pem"),
        ("proxy", 7),
        ("trust_env", "yes"),
        ("transport", object()),
        ("http_client", object()),
        ("on_attempt", [1]),
        ("auth", "my-api-key"),
    ],
)
def test_bad_constructor_arguments_name_themselves(option: str, value: Any) -> None:
    arguments: dict[str, Any] = {"auth": ApiKey("k" * 16), "base_url": "https://api.example.com"}
    arguments[option] = value
    with pytest.raises(InvalidArgumentError, match=option):
        InteropClient(**arguments)


def test_missing_credentials_say_which_variable_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIMONO_API_KEY", raising=False)
    with pytest.raises(InvalidArgumentError, match="KIMONO_API_KEY"):
        InteropClient(base_url="https://api.example.com")


@pytest.mark.parametrize(
    ("build", "argument"),
    [
        (
            lambda: UNTYPED_CLIENT_CREDENTIALS("id", "secret", refresh_margin="soon"),
            "refresh_margin",
        ),
        (lambda: UNTYPED_CLIENT_CREDENTIALS("id", ""), "client_secret"),
        (lambda: UNTYPED_CLIENT_CREDENTIALS(5, "secret"), "client_id"),
        (lambda: UNTYPED_API_KEY(None), "key"),
    ],
)
def test_bad_credentials_name_the_argument(build: Callable[[], object], argument: str) -> None:
    with pytest.raises(InvalidArgumentError, match=argument) as caught:
        build()
    assert isinstance(caught.value, InteropError)
    assert "secret" not in str(caught.value).replace("client_secret", "")
