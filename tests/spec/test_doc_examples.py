"""Every response example of the reference docs parses with the generated SDK.

The examples are the literal copies in ``tests/spec/doc_examples.py`` (both reference pages, July
and November 2025); this test reads nothing outside the repository. Each example is first turned
into the body the API really sends: the docs' renderer shows ``allOf: [BaseResource, {...}]`` as
``"data": [null, {...}]`` and leaves the base fields out of single-object examples too, so every
resource object gets realistic base fields merged in (``id``, ``created_at``, ``updated_at`` and
``account_id``, plus ``tenant_id`` for tenant-scoped resources: valid UUIDs and RFC 3339
date-times; a base field the example does show keeps the example's value) and the ``null`` base
parts are dropped. TenantInfo, TenantState and TenantApplication are not base resources (the
first carries its own ``id``, the other two are singletons of the tenant) and get nothing. No other
value changes: ``"text"`` stays ``"text"``, ``"password"`` stays, and nested ``null``s stay (the
SDK reads a null in an optional field as absent).

The body then goes through its operation's generated ``parse_response`` as a 200 response. It
must parse, a few typed values must come through as the docs show them, and no field the docs
show may end up among a model's unknown fields (the spec must declare every documented field).
An operation whose response the docs show as "No content" must accept an empty 204.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any
from uuid import UUID

import attrs
import httpx
import pytest
import yaml
from kimono_interop_client.models import (
    Actor,
    ActorType,
    AppAuthScheme,
    ApplicationAuthState,
    ApplicationAuthType,
    Cloud,
    Ingestion,
    IngestionState,
    IngestionType,
    Integration,
    IntegrationVersion,
    MassChangeDetail,
    ReleaseState,
    Rollover,
    RolloverFailureReason,
    RolloverStatus,
    RolloverType,
    Schedule,
    ScheduleType,
    ScopingCourse,
    ScopingSchool,
    TenantApplication,
    TenantInfo,
    TenantState,
)
from kimono_interop_client.types import UNSET

from tests.conftest import SPEC_PATH
from tests.spec.doc_examples import (
    DOC_EXAMPLES,
    DOC_NO_CONTENT,
    JSON,
    JULY_2025,
    NOVEMBER_2025,
    DocExample,
    DocNoContent,
)

# -- what each example is ------------------------------------------------------------------------

ACCOUNT_RESOURCES = frozenset(
    {
        "listActors",
        "listActorsByCloud",
        "listClouds",
        "searchClouds",
        "createCloud",
        "findCloud",
        "listIntegrations",
        "createIntegration",
        "findIntegration",
        "listIntegrationVersions",
        "createIntegrationVersion",
        "updateIntegrationBlueprint",
    }
)
"""Operations answering developer-scoped resources (actors, clouds, integrations, versions): base
fields id, created_at, updated_at and account_id."""

TENANT_RESOURCES = frozenset(
    {
        "listScopingSchools",
        "createScopingSchools",
        "findScopingSchool",
        "updateScopingSchool",
        "listScopingCourses",
        "createScopingCourses",
        "findScopingCourse",
        "updateScopingCourse",
        "listRollovers",
        "createRollover",
        "findRollover",
        "updateRollover",
        "listSchedules",
        "createSchedule",
        "findSchedule",
        "listIngestions",
        "findIngestion",
    }
)
"""Operations answering tenant-scoped resources: the account base fields and tenant_id."""

NOT_BASE_RESOURCES = frozenset(
    {
        "listInteropTenants",
        "findInteropTenant",
        "getTenant",
        "getTenantState",
        "getTenantApplication",
    }
)
"""Operations answering objects that are no base resources: shown whole by the docs."""

COUNTS = frozenset({"countRollovers", "countSchedules", "countIngestions"})
"""Operations answering a bare integer."""

RESOURCE_ID = "3f0b6c2e-8d41-4a7f-9e15-6b2d0c8a4f17"
ACCOUNT_ID = "9a4e1d73-2c5b-4f08-b6e9-0d3c7a5f8e21"
TENANT_ID = "c7d2e8f4-1b9a-4c36-8f50-2e6a9b1d4c83"
CREATED_AT = "2025-06-30T14:05:09Z"
UPDATED_AT = "2025-07-01T09:41:27.318+02:00"

RESOURCE_UUID, ACCOUNT_UUID, TENANT_UUID = UUID(RESOURCE_ID), UUID(ACCOUNT_ID), UUID(TENANT_ID)
DOCS_UUID = UUID("123e4567-e89b-12d3-a456-426614174000")
"""The UUID every docs example shows."""
DOCS_MOMENT = {
    JULY_2025: dt.datetime(2025, 7, 4, 16, 18, 6, 444000, tzinfo=dt.UTC),
    NOVEMBER_2025: dt.datetime(2025, 11, 16, 12, 17, 4, 959000, tzinfo=dt.UTC),
}
"""The date-time each page's examples show."""


def base_fields(operation_id: str) -> dict[str, JSON]:
    """The base fields the docs leave out of the operation's resources."""
    if operation_id in ACCOUNT_RESOURCES:
        return {
            "id": RESOURCE_ID,
            "created_at": CREATED_AT,
            "updated_at": UPDATED_AT,
            "account_id": ACCOUNT_ID,
        }
    if operation_id in TENANT_RESOURCES:
        return {
            "id": RESOURCE_ID,
            "created_at": CREATED_AT,
            "updated_at": UPDATED_AT,
            "account_id": ACCOUNT_ID,
            "tenant_id": TENANT_ID,
        }
    return {}


def as_sent(entry: DocExample) -> JSON:
    """The example as the API sends it: base fields merged in, the docs' null base parts dropped."""
    example = entry.example
    if not isinstance(example, dict):
        return example  # a count
    base = base_fields(entry.operation_id)

    def resource(item: JSON) -> JSON:
        assert isinstance(item, dict), f"a resource object, not {item!r}"
        return {**base, **item}

    data = example["data"]
    if isinstance(data, list):
        return {**example, "data": [resource(item) for item in data if item is not None]}
    return {**example, "data": resource(data)}


# -- the generated operations --------------------------------------------------------------------


@cache
def spec_operations() -> dict[str, tuple[str, str, str]]:
    """Operation id: (method, path template, tag), from the spec."""
    spec: dict[str, Any] = yaml.load(SPEC_PATH.read_text(), Loader=yaml.CSafeLoader)
    found: dict[str, tuple[str, str, str]] = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "patch", "delete"}:
                found[operation["operationId"]] = (method.upper(), path, operation["tags"][0])
    return found


def parser(operation_id: str) -> Callable[[httpx.Response], object]:
    """The generated operation's ``parse_response``."""
    tag = spec_operations()[operation_id][2]
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()
    module = importlib.import_module(f"kimono_interop_client.api.{tag}.{snake}")
    assert operation_id == module.OPERATION_ID
    parse: Callable[[httpx.Response], object] = module.parse_response
    return parse


def unknown_fields(value: object, path: str = "") -> Iterator[str]:
    """The paths of fields a parsed model keeps as unknown, except in open maps (no declared
    fields: StringMap, OpenObject)."""
    cls = type(value)
    if attrs.has(cls):
        declared = [
            field.name for field in attrs.fields(cls) if field.name != "additional_properties"
        ]
        if declared:
            extra: dict[str, Any] = getattr(value, "additional_properties")  # noqa: B009
            yield from (f"{path}.{key}".lstrip(".") for key in extra)
        for name in declared:
            yield from unknown_fields(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from unknown_fields(item, f"{path}[{index}]")


# -- the typed values the docs show --------------------------------------------------------------


def check_base(resource: Actor | Cloud | Integration | IntegrationVersion) -> None:
    assert resource.id == RESOURCE_UUID
    assert resource.created_at == dt.datetime(2025, 6, 30, 14, 5, 9, tzinfo=dt.UTC)
    assert resource.updated_at == dt.datetime(2025, 7, 1, 7, 41, 27, 318000, tzinfo=dt.UTC)
    assert resource.account_id == ACCOUNT_UUID


def check_tenant_base(
    resource: ScopingSchool | ScopingCourse | Rollover | Schedule | Ingestion,
    account_id: UUID = ACCOUNT_UUID,
    tenant_id: UUID = TENANT_UUID,
) -> None:
    assert resource.id == RESOURCE_UUID
    assert resource.created_at == dt.datetime(2025, 6, 30, 14, 5, 9, tzinfo=dt.UTC)
    assert resource.account_id == account_id
    assert resource.tenant_id == tenant_id


def check_values(resource: object, page: str) -> None:
    """The typed values of one parsed resource match the docs' example."""
    when = DOCS_MOMENT[page]
    if isinstance(resource, Actor):
        check_base(resource)
        assert resource.name == "text"
        assert resource.type_ is ActorType.CONNECTOR
        assert resource.connector_type == "text"
        assert resource.auth
        assert resource.auth.type_ == "text"  # not a documented auth type: kept as sent
        assert resource.auth.client_id == "text"
        assert resource.auth.client_secret == "password"
        assert resource.auth.updated_at == when
    elif isinstance(resource, Cloud):
        check_base(resource)
        assert (resource.name, resource.userdata) == ("text", "text")
        assert resource.generation == 1
    elif isinstance(resource, Integration):
        check_base(resource)
        assert (resource.name, resource.title, resource.version) == ("text", "text", "text")
    elif isinstance(resource, IntegrationVersion):
        check_base(resource)
        assert (resource.version, resource.title) == ("text", "text")
        assert resource.release_state is ReleaseState.UNSPECIFIED
    elif isinstance(resource, TenantInfo):
        assert (resource.id, resource.actor_id) == (DOCS_UUID, DOCS_UUID)
        assert resource.name == "text"
        assert resource.auth
        assert resource.auth.client_secret == "password"
        assert resource.auth.updated_at == when
        assert resource.app_auth
        assert resource.app_auth.scheme is AppAuthScheme.OAUTH2
        assert resource.app_auth.password == "text"
        assert resource.lti_developer_id == "text"
    elif isinstance(resource, TenantState):
        assert resource.rollover_mode_enabled is True
        assert resource.synchronization_suspended is True
        assert resource.setup_mode_enabled is True
        assert resource.mass_change_pending is True
    elif isinstance(resource, ScopingSchool):
        check_tenant_base(resource, DOCS_UUID, DOCS_UUID)  # the docs show these two
        assert resource.name == "text"
        assert resource.school_id == DOCS_UUID
        assert (resource.school_ref_id, resource.local_id, resource.keywords) == ("text",) * 3
        assert resource.selected is True
    elif isinstance(resource, ScopingCourse):
        check_tenant_base(resource, DOCS_UUID, DOCS_UUID)
        assert resource.name == "text"
        assert (resource.course_id, resource.school_id) == (DOCS_UUID, DOCS_UUID)
        assert (resource.course_ref_id, resource.school_ref_id) == ("text", "text")
        assert resource.selected is True
    elif isinstance(resource, TenantApplication):
        assert (resource.account_id, resource.tenant_id) == (DOCS_UUID, DOCS_UUID)
        assert resource.deliver_tasks is True
        assert resource.validate_tasks is (True if page == NOVEMBER_2025 else UNSET)
        assert resource.auth_type is ApplicationAuthType.UNSPECIFIED
        assert resource.auth_state is ApplicationAuthState.UNSPECIFIED
        assert resource.auth_state_pending is ApplicationAuthState.UNSPECIFIED
        assert resource.options
        assert resource.options.additional_properties == {"ANY_ADDITIONAL_PROPERTY": "text"}
        assert resource.auth_props_pending
        assert resource.auth_props_pending.additional_properties == {
            "ANY_ADDITIONAL_PROPERTY": "text"
        }
        assert resource.auth_session_id_pending == DOCS_UUID
        assert resource.auth_message == "text"
    elif isinstance(resource, Rollover):
        check_tenant_base(resource)
        assert resource.name == "text"
        assert resource.type_ is RolloverType.NEW_YEAR
        assert resource.status is RolloverStatus.UPCOMING
        assert resource.failure_reason is RolloverFailureReason.ALREADYINROLLOVERMODE
        assert (resource.start_date, resource.end_date) == (when, when)
        assert resource.status_change_failure_count == 1
        assert resource.metadata
        assert resource.metadata.created in (None, UNSET)  # the docs' null: nothing there
        assert resource.metadata.updated in (None, UNSET)
    elif isinstance(resource, Schedule):
        check_tenant_base(resource)
        assert resource.type_ is ScheduleType.UNSPECIFIED
        assert resource.last_executed_at == when
        assert resource.enabled is True
        assert resource.hour == 1
        assert resource.days == "text"
        assert resource.metadata is UNSET  # the docs' null
    elif isinstance(resource, Ingestion):
        check_tenant_base(resource)
        assert resource.type_ is IngestionType.UNSPECIFIED
        assert resource.state is IngestionState.UNSPECIFIED
        assert resource.started_at == when
        assert resource.external_import_ids == ["text"]
        assert resource.has_pending_task is True
        assert resource.metadata
        assert resource.metadata.scheduled is UNSET  # the docs' null
        if page == NOVEMBER_2025:
            assert resource.mass_change_details
            [detail] = resource.mass_change_details
            assert isinstance(detail, MassChangeDetail)
            assert (detail.object_type, detail.object_subtype, detail.object_count) == (1, 1, 1)
            assert (detail.adds, detail.updates, detail.deletes) == (1, 1, 1)
        else:
            assert resource.mass_change_details is UNSET
    else:
        raise AssertionError(f"no checks for {type(resource).__name__}")


# -- the tests -----------------------------------------------------------------------------------


def test_every_example_is_one_of_the_docs_operations() -> None:
    """The copied data names the spec's operations, 37 examples per page, each once per page."""
    operations = spec_operations()
    entries: list[DocExample | DocNoContent] = [*DOC_EXAMPLES, *DOC_NO_CONTENT]
    for entry in entries:
        assert operations[entry.operation_id][:2] == (entry.method, entry.path_template), entry
    for page, examples, no_content in ((JULY_2025, 37, 8), (NOVEMBER_2025, 37, 14)):
        ids = [entry.operation_id for entry in DOC_EXAMPLES if entry.page == page]
        empty = [entry.operation_id for entry in DOC_NO_CONTENT if entry.page == page]
        assert (len(ids), len(empty)) == (examples, no_content)
        assert len(set(ids) | set(empty)) == len(ids) + len(empty)
    kinds = (ACCOUNT_RESOURCES, TENANT_RESOURCES, NOT_BASE_RESOURCES, COUNTS)
    for entry in DOC_EXAMPLES:
        assert sum(entry.operation_id in kind for kind in kinds) == 1, entry.operation_id


def example_param(entry: DocExample) -> object:
    return pytest.param(entry, id=f"{entry.page}-{entry.operation_id}")


@pytest.mark.parametrize("entry", [example_param(entry) for entry in DOC_EXAMPLES])
def test_doc_example_parses(entry: DocExample) -> None:
    parsed = parser(entry.operation_id)(httpx.Response(200, json=as_sent(entry)))

    if entry.operation_id in COUNTS:
        assert type(parsed) is int
        assert parsed == entry.example
        return
    assert list(unknown_fields(parsed)) == []
    data = getattr(parsed, "data")  # noqa: B009
    if isinstance(data, list):
        assert getattr(parsed, "paging") is UNSET  # noqa: B009  (the docs show no paging)
        resources: list[object] = data
    else:
        assert getattr(parsed, "error") is UNSET  # noqa: B009
        resources = [data]
    assert len(resources) == 1  # every example shows one resource
    for resource in resources:
        check_values(resource, entry.page)


@pytest.mark.parametrize(
    "entry",
    [pytest.param(entry, id=f"{entry.page}-{entry.operation_id}") for entry in DOC_NO_CONTENT],
)
def test_no_content_example_parses(entry: DocNoContent) -> None:
    assert parser(entry.operation_id)(httpx.Response(204)) is None
