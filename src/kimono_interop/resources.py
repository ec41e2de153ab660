"""Resource namespaces: one class per branch of the API's URL tree.

Each method checks its arguments, calls the generated endpoint function, and unwraps the
envelope, so callers get the generated models (never ``{"data": ...}``). Lists return an
:class:`~kimono_interop.pagination.AsyncPager`.
"""

from __future__ import annotations

import builtins
import datetime as dt
import io
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar
from uuid import UUID

from kimono_interop_client import AuthenticatedClient
from kimono_interop_client.api.actors import list_actors
from kimono_interop_client.api.application import get_tenant_application, update_tenant_application
from kimono_interop_client.api.clouds import (
    create_cloud,
    delete_cloud,
    find_cloud,
    list_actors_by_cloud,
    list_clouds,
    search_clouds,
)
from kimono_interop_client.api.ingestions import count_ingestions, find_ingestion, list_ingestions
from kimono_interop_client.api.integrations import (
    create_integration,
    create_integration_version,
    delete_integration,
    delete_integration_version,
    find_integration,
    list_integration_versions,
    list_integrations,
    update_integration,
    update_integration_blueprint,
    update_integration_version,
)
from kimono_interop_client.api.rollovers import (
    count_rollovers,
    create_rollover,
    delete_rollover,
    find_rollover,
    list_rollovers,
    update_rollover,
)
from kimono_interop_client.api.schedules import (
    count_schedules,
    create_schedule,
    delete_schedule,
    find_schedule,
    list_schedules,
    run_schedule,
    update_schedule,
)
from kimono_interop_client.api.scoping import (
    create_scoping_courses,
    create_scoping_schools,
    delete_scoping_course,
    delete_scoping_courses,
    delete_scoping_school,
    delete_scoping_schools,
    find_scoping_course,
    find_scoping_school,
    list_scoping_courses,
    list_scoping_schools,
    update_scoping_course,
    update_scoping_school,
)
from kimono_interop_client.api.tenant import get_tenant, get_tenant_state
from kimono_interop_client.api.tenants import find_interop_tenant, list_interop_tenants
from kimono_interop_client.models import (
    Actor,
    ActorsResponse,
    ApplicationAuthState,
    Cloud,
    CloudCreate,
    CloudResponse,
    CloudsResponse,
    Ingestion,
    IngestionResponse,
    IngestionsResponse,
    Integration,
    IntegrationCreate,
    IntegrationResponse,
    IntegrationsResponse,
    IntegrationUpdate,
    IntegrationVersion,
    IntegrationVersionResponse,
    IntegrationVersionsResponse,
    IntegrationVersionUpdate,
    Paging,
    ReleaseState,
    Rollover,
    RolloverMetadata,
    RolloverRequest,
    RolloverResponse,
    RolloverSort,
    RolloversResponse,
    RolloverStatus,
    RolloverType,
    Schedule,
    ScheduleCreate,
    ScheduleResponse,
    SchedulesResponse,
    ScheduleUpdate,
    ScopingCourse,
    ScopingCourseResponse,
    ScopingCoursesCreateResponse,
    ScopingCoursesRequest,
    ScopingCoursesResponse,
    ScopingSchool,
    ScopingSchoolResponse,
    ScopingSchoolsCreateResponse,
    ScopingSchoolsRequest,
    ScopingSchoolsResponse,
    StringMap,
    TenantApplication,
    TenantApplicationResponse,
    TenantApplicationUpdate,
    TenantInfo,
    TenantInfoResponse,
    TenantInfosResponse,
    TenantState,
    TenantStateResponse,
)
from kimono_interop_client.types import UNSET, File, Response, Unset

from kimono_interop import _validation as check
from kimono_interop.cache import AsyncTTLCache
from kimono_interop.errors import InteropError
from kimono_interop.pagination import AsyncPager, PageResult

ResourceId = UUID | str | Unset
"""An id: a UUID, its string form, or a model's ``id`` field (UNSET raises ValueError)."""

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
M = TypeVar("M")

Endpoint = Callable[..., Awaitable[Response[Any]]]


class _ListEnvelope(Protocol[T_co]):
    """What every generated list response has: ``data`` and an optional ``paging``."""

    @property
    def data(self) -> Sequence[T_co]: ...

    @property
    def paging(self) -> Paging | Unset: ...


class _ItemModel(Protocol):
    """A generated model that can be built from a mapping."""

    @classmethod
    def from_dict(cls: type[M], src_dict: Mapping[str, Any]) -> M: ...


def _next_url(paging: Paging | Unset) -> tuple[bool, str | None]:
    """(whether the server sent paging.next at all, the next link)."""
    if isinstance(paging, Unset) or isinstance(paging.next_, Unset):
        return False, None
    return True, paging.next_


def _unset_if_none(value: T | None) -> T | Unset:
    return UNSET if value is None else value


def _aware(name: str, value: object) -> dt.datetime:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")
    return value


class Caller:
    """Calls generated endpoint functions with one client's settings and unwraps envelopes."""

    def __init__(self, api: AuthenticatedClient) -> None:
        self._api = api

    async def send(self, endpoint: Endpoint, **kwargs: Any) -> Response[Any]:
        """Call `endpoint` (a generated ``asyncio_detailed``); error statuses have raised."""
        return await endpoint(client=self._api, **kwargs)

    async def parsed(self, endpoint: Endpoint, expected: type[M], **kwargs: Any) -> M:
        """The parsed body, which must be of type `expected`."""
        response = await self.send(endpoint, **kwargs)
        if not isinstance(response.parsed, expected):
            raise InteropError(
                f"unexpected response {int(response.status_code)} from {endpoint.__module__}: "
                f"expected {expected.__name__}"
            )
        return response.parsed

    def pager(
        self,
        endpoint: Endpoint,
        envelope: type[_ListEnvelope[T]],
        *,
        page_size: int | None,
        prefetch: int,
        keep: Callable[[T], bool] | None = None,
        **filters: Any,
    ) -> AsyncPager[T]:
        """An AsyncPager over a list endpoint; `filters` go out with every page."""

        async def fetch(page: int, size: int | None) -> PageResult[T]:
            body = await self.parsed(
                endpoint, envelope, page=page, page_size=_unset_if_none(size), **filters
            )
            present, next_url = _next_url(body.paging)
            return PageResult(items=list(body.data), paging_present=present, next_url=next_url)

        return AsyncPager(fetch, page_size=page_size, prefetch=prefetch, keep=keep)


class _Namespace:
    """Base of every namespace: holds the caller of the client it belongs to."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller


class Actors(_Namespace):
    """``/actors``: actors installed in Interop Clouds."""

    def list(self, *, page_size: int | None = None, prefetch: int = 1) -> AsyncPager[Actor]:
        """Every actor visible to you, with its credentials."""
        return self._caller.pager(
            list_actors.asyncio_detailed, ActorsResponse, page_size=page_size, prefetch=prefetch
        )


class Clouds(_Namespace):
    """``/clouds``: Interop Clouds."""

    def list(self, *, page_size: int | None = None, prefetch: int = 1) -> AsyncPager[Cloud]:
        """Every cloud of the accounts visible to you."""
        return self._caller.pager(
            list_clouds.asyncio_detailed, CloudsResponse, page_size=page_size, prefetch=prefetch
        )

    def search(
        self,
        *,
        name: str | None = None,
        userdata: str | None = None,
        generation: int | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
    ) -> AsyncPager[Cloud]:
        """Clouds matching every filter given."""
        if generation is not None and (
            isinstance(generation, bool) or not isinstance(generation, int)
        ):
            raise ValueError(f"generation must be an int, got {generation!r}")
        return self._caller.pager(
            search_clouds.asyncio_detailed,
            CloudsResponse,
            page_size=page_size,
            prefetch=prefetch,
            name=_unset_if_none(name),
            userdata=_unset_if_none(userdata),
            generation=_unset_if_none(generation),
        )

    async def get(self, id: ResourceId) -> Cloud:
        """The cloud with this id."""
        body = await self._caller.parsed(
            find_cloud.asyncio_detailed, CloudResponse, id=check.as_uuid("id", id)
        )
        return body.data

    async def create(
        self, *, name: str, userdata: str | None = None, generation: int | None = None
    ) -> Cloud:
        """Create a cloud."""
        body = CloudCreate(
            name=check.as_text("name", name),
            userdata=_unset_if_none(userdata),
            generation=_unset_if_none(generation),
        )
        created = await self._caller.parsed(create_cloud.asyncio_detailed, CloudResponse, body=body)
        return created.data

    async def delete(self, id: ResourceId) -> None:
        """Delete the cloud with this id."""
        await self._caller.send(delete_cloud.asyncio_detailed, id=check.as_uuid("id", id))

    def actors(
        self,
        id: ResourceId,
        *,
        include_credentials: bool = False,
        page_size: int | None = None,
        prefetch: int = 1,
    ) -> AsyncPager[Actor]:
        """The actors of one cloud; their credentials only with `include_credentials`."""
        return self._caller.pager(
            list_actors_by_cloud.asyncio_detailed,
            ActorsResponse,
            page_size=page_size,
            prefetch=prefetch,
            id=check.as_uuid("id", id),
            include_credentials=check.as_bool("include_credentials", include_credentials),
        )


class IntegrationVersions(_Namespace):
    """``/integrations/{id}/versions``: versions and their XML blueprints."""

    def list(
        self, integration_id: ResourceId, *, page_size: int | None = None, prefetch: int = 1
    ) -> AsyncPager[IntegrationVersion]:
        """Every version of one integration."""
        return self._caller.pager(
            list_integration_versions.asyncio_detailed,
            IntegrationVersionsResponse,
            page_size=page_size,
            prefetch=prefetch,
            id=check.as_uuid("integration_id", integration_id),
        )

    async def create(
        self, integration_id: ResourceId, blueprint: check.Blueprint
    ) -> IntegrationVersion:
        """Create a version from an XML blueprint (text, bytes or a file path)."""
        body = await self._caller.parsed(
            create_integration_version.asyncio_detailed,
            IntegrationVersionResponse,
            id=check.as_uuid("integration_id", integration_id),
            body=_xml_file(blueprint),
        )
        return body.data

    async def update(
        self,
        integration_id: ResourceId,
        version: str,
        *,
        title: str | None = None,
        release_state: ReleaseState | str | None = None,
    ) -> None:
        """Change a version's title or release state."""
        body = IntegrationVersionUpdate(
            title=_unset_if_none(title),
            release_state=UNSET
            if release_state is None
            else check.as_enum("release_state", release_state, ReleaseState),
        )
        await self._caller.send(
            update_integration_version.asyncio_detailed,
            id=check.as_uuid("integration_id", integration_id),
            version=check.as_text("version", version),
            body=body,
        )

    async def delete(self, integration_id: ResourceId, version: str) -> None:
        """Delete a version."""
        await self._caller.send(
            delete_integration_version.asyncio_detailed,
            id=check.as_uuid("integration_id", integration_id),
            version=check.as_text("version", version),
        )

    async def put_blueprint(
        self, integration_id: ResourceId, version: str, blueprint: check.Blueprint
    ) -> IntegrationVersion:
        """Replace a version's XML blueprint."""
        body = await self._caller.parsed(
            update_integration_blueprint.asyncio_detailed,
            IntegrationVersionResponse,
            id=check.as_uuid("integration_id", integration_id),
            version=check.as_text("version", version),
            body=_xml_file(blueprint),
        )
        return body.data


def _xml_file(blueprint: object) -> File:
    return File(payload=io.BytesIO(check.as_blueprint(blueprint)), mime_type="application/xml")


class Integrations(_Namespace):
    """``/integrations``: integrations, with ``.versions``."""

    def __init__(self, caller: Caller) -> None:
        super().__init__(caller)
        self.versions = IntegrationVersions(caller)

    def list(
        self, *, name: str | None = None, page_size: int | None = None, prefetch: int = 1
    ) -> AsyncPager[Integration]:
        """Every integration, or those with this name."""
        return self._caller.pager(
            list_integrations.asyncio_detailed,
            IntegrationsResponse,
            page_size=page_size,
            prefetch=prefetch,
            name=_unset_if_none(name),
        )

    async def get(self, id: ResourceId) -> Integration:
        """The integration with this id."""
        body = await self._caller.parsed(
            find_integration.asyncio_detailed, IntegrationResponse, id=check.as_uuid("id", id)
        )
        return body.data

    async def create(
        self, *, name: str, title: str | None = None, version: str | None = None
    ) -> Integration:
        """Create an integration."""
        body = IntegrationCreate(
            name=check.as_text("name", name),
            title=_unset_if_none(title),
            version=_unset_if_none(version),
        )
        created = await self._caller.parsed(
            create_integration.asyncio_detailed, IntegrationResponse, body=body
        )
        return created.data

    async def update(
        self,
        id: ResourceId,
        *,
        name: str | None = None,
        title: str | None = None,
        version: str | None = None,
    ) -> None:
        """Change an integration's name, title or version."""
        body = IntegrationUpdate(
            name=UNSET if name is None else check.as_text("name", name),
            title=_unset_if_none(title),
            version=_unset_if_none(version),
        )
        await self._caller.send(
            update_integration.asyncio_detailed, id=check.as_uuid("id", id), body=body
        )

    async def delete(self, id: ResourceId) -> None:
        """Delete an integration."""
        await self._caller.send(delete_integration.asyncio_detailed, id=check.as_uuid("id", id))


class Tenants(_Namespace):
    """``/tenants``: your licensed and authorized integration tenants."""

    def list(
        self,
        *,
        accounts: Iterable[UUID | str] | None = None,
        integrations: Iterable[str] | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
    ) -> AsyncPager[TenantInfo]:
        """Every tenant with its actor credentials, optionally of some accounts or integrations.

        Some servers ignore the `integrations` filter, so it is applied again here (by
        integration id or name).
        """
        account_ids = None if accounts is None else _uuid_list("accounts", accounts)
        wanted = None if integrations is None else _text_list("integrations", integrations)
        return self._caller.pager(
            list_interop_tenants.asyncio_detailed,
            TenantInfosResponse,
            page_size=page_size,
            prefetch=prefetch,
            keep=None if wanted is None else _of_integrations(wanted),
            accounts=_unset_if_none(account_ids),
            integrations=_unset_if_none(wanted),
        )

    async def get(self, id: ResourceId) -> TenantInfo:
        """The tenant with this id, with its actor credentials."""
        body = await self._caller.parsed(
            find_interop_tenant.asyncio_detailed, TenantInfoResponse, id=check.as_uuid("id", id)
        )
        return body.data


def _uuid_list(name: str, values: Iterable[UUID | str]) -> list[UUID]:
    if isinstance(values, str | bytes):
        raise ValueError(f"{name} must be a list of UUIDs, not a single {type(values).__name__}")
    ids = [check.as_uuid(name, value) for value in values]
    if not ids:
        raise ValueError(f"{name} must not be empty (omit it to list every tenant)")
    return ids


def _text_list(name: str, values: Iterable[str]) -> list[str]:
    if isinstance(values, str | bytes):
        raise ValueError(f"{name} must be a list of str, not a single {type(values).__name__}")
    texts = [check.as_text(name, value) for value in values]
    if not texts:
        raise ValueError(f"{name} must not be empty (omit it to list every tenant)")
    return texts


def _of_integrations(wanted: list[str]) -> Callable[[TenantInfo], bool]:
    wanted_set = set(wanted)

    def keep(tenant: TenantInfo) -> bool:
        integration = tenant.integration
        if isinstance(integration, Unset):
            return False
        keys = (integration.id, integration.name)
        return any(not isinstance(key, Unset) and str(key) in wanted_set for key in keys)

    return keep


class TenantApplicationNamespace(_Namespace):
    """``/tenant/application``, cached in memory per tenant as the docs ask."""

    def __init__(
        self, caller: Caller, cache: AsyncTTLCache[str, TenantApplication], identity: str
    ) -> None:
        super().__init__(caller)
        self._cache = cache
        self._identity = identity

    async def get(self, *, refresh: bool = False) -> TenantApplication:
        """The tenant's application, from the cache unless stale or `refresh` is set."""
        return await self._cache.get(self._identity, self._fetch, refresh=refresh)

    async def _fetch(self) -> TenantApplication:
        body = await self._caller.parsed(
            get_tenant_application.asyncio_detailed, TenantApplicationResponse
        )
        return body.data

    async def update(
        self,
        *,
        auth_message: str | None = None,
        auth_props_pending: Mapping[str, str] | None = None,
        auth_state_pending: ApplicationAuthState | str | None = None,
    ) -> None:
        """Report the outcome of the auth setup (only while auth_state_pending is 'updating')."""
        body = TenantApplicationUpdate(
            auth_message=_unset_if_none(auth_message),
            auth_props_pending=UNSET
            if auth_props_pending is None
            else _string_map(auth_props_pending),
            auth_state_pending=UNSET
            if auth_state_pending is None
            else check.as_enum("auth_state_pending", auth_state_pending, ApplicationAuthState),
        )
        try:
            await self._caller.send(update_tenant_application.asyncio_detailed, body=body)
        finally:
            self.invalidate()

    def invalidate(self) -> None:
        """Drop this tenant's cached application."""
        self._cache.invalidate(self._identity)


def _string_map(values: Mapping[str, str]) -> StringMap:
    for key, value in values.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise ValueError(f"auth_props_pending must map str to str, got key {key!r}")
    string_map = StringMap()
    string_map.additional_properties = dict(values)
    return string_map


class _ScopingItemsResponse(Protocol[T_co]):
    @property
    def data(self) -> Sequence[T_co] | T_co: ...


ScopingItemT = TypeVar("ScopingItemT", ScopingSchool, ScopingCourse)


class _ScopingItems(_Namespace, Generic[ScopingItemT]):
    """The six scoping operations, for schools or for courses."""

    _model: type[ScopingItemT]
    _list: Endpoint
    _list_response: type[_ListEnvelope[ScopingItemT]]
    _find: Endpoint
    _update: Endpoint
    _single_response: type[Any]
    _create: Endpoint
    _create_request: Callable[..., Any]
    _create_response: type[Any]
    _delete_one: Endpoint
    _delete_all: Endpoint

    def list(self, *, page_size: int | None = None, prefetch: int = 1) -> AsyncPager[ScopingItemT]:
        """Every item scoping this tenant."""
        return self._caller.pager(
            self._list, self._list_response, page_size=page_size, prefetch=prefetch
        )

    async def get(self, id: ResourceId) -> ScopingItemT:
        """The item with this id."""
        body = await self._caller.parsed(
            self._find, self._single_response, id=check.as_uuid("id", id)
        )
        data: ScopingItemT = body.data
        return data

    async def create(
        self, items: Sequence[ScopingItemT | Mapping[str, Any]], *, replace: bool = True
    ) -> builtins.list[ScopingItemT]:
        """Create items: replacing every existing one (`replace=True`) or appending."""
        models = self._models(items)
        body = await self._caller.parsed(
            self._create,
            self._create_response,
            body=self._create_request(data=models),
            replace=check.as_bool("replace", replace),
        )
        created: builtins.list[ScopingItemT] | ScopingItemT = body.data
        return list(created) if isinstance(created, list) else [created]

    async def update(self, id: ResourceId, item: ScopingItemT | Mapping[str, Any]) -> ScopingItemT:
        """Replace the item with this id."""
        body = await self._caller.parsed(
            self._update,
            self._single_response,
            id=check.as_uuid("id", id),
            body=self._as_model("item", item),
        )
        data: ScopingItemT = body.data
        return data

    async def delete(self, id: ResourceId) -> None:
        """Delete the item with this id."""
        await self._caller.send(self._delete_one, id=check.as_uuid("id", id))

    async def clear(self) -> None:
        """Delete every item."""
        await self._caller.send(self._delete_all)

    def _models(
        self, items: Sequence[ScopingItemT | Mapping[str, Any]]
    ) -> builtins.list[ScopingItemT]:
        if isinstance(items, str | bytes | Mapping) or not isinstance(items, Sequence):
            raise ValueError(f"items must be a list of {self._model.__name__}, got {items!r}")
        return [self._as_model(f"items[{index}]", item) for index, item in enumerate(items)]

    def _as_model(self, name: str, item: object) -> ScopingItemT:
        if isinstance(item, self._model):
            return item
        if isinstance(item, Mapping):
            return self._model.from_dict(item)
        raise ValueError(f"{name} must be a {self._model.__name__} or a mapping, got {item!r}")


class ScopingSchools(_ScopingItems[ScopingSchool]):
    """``/tenant/scoping/schools``: schools that scope the tenant's repository."""

    _model = ScopingSchool
    _list = staticmethod(list_scoping_schools.asyncio_detailed)
    _list_response = ScopingSchoolsResponse
    _find = staticmethod(find_scoping_school.asyncio_detailed)
    _update = staticmethod(update_scoping_school.asyncio_detailed)
    _single_response = ScopingSchoolResponse
    _create = staticmethod(create_scoping_schools.asyncio_detailed)
    _create_request = ScopingSchoolsRequest
    _create_response = ScopingSchoolsCreateResponse
    _delete_one = staticmethod(delete_scoping_school.asyncio_detailed)
    _delete_all = staticmethod(delete_scoping_schools.asyncio_detailed)


class ScopingCourses(_ScopingItems[ScopingCourse]):
    """``/tenant/scoping/courses``: courses that scope the tenant's repository."""

    _model = ScopingCourse
    _list = staticmethod(list_scoping_courses.asyncio_detailed)
    _list_response = ScopingCoursesResponse
    _find = staticmethod(find_scoping_course.asyncio_detailed)
    _update = staticmethod(update_scoping_course.asyncio_detailed)
    _single_response = ScopingCourseResponse
    _create = staticmethod(create_scoping_courses.asyncio_detailed)
    _create_request = ScopingCoursesRequest
    _create_response = ScopingCoursesCreateResponse
    _delete_one = staticmethod(delete_scoping_course.asyncio_detailed)
    _delete_all = staticmethod(delete_scoping_courses.asyncio_detailed)


class Scoping:
    """``/tenant/scoping``: ``.schools`` and ``.courses``."""

    def __init__(self, caller: Caller) -> None:
        self.schools = ScopingSchools(caller)
        self.courses = ScopingCourses(caller)


class Rollovers(_Namespace):
    """``/tenant/rollovers``: the tenant's school-year rollovers."""

    def list(
        self,
        *,
        sort: RolloverSort | str | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
    ) -> AsyncPager[Rollover]:
        """Every rollover, sorted by a field (prefix '-' for descending) when `sort` is given."""
        return self._caller.pager(
            list_rollovers.asyncio_detailed,
            RolloversResponse,
            page_size=page_size,
            prefetch=prefetch,
            sort=UNSET if sort is None else check.as_sort(sort, RolloverSort),
        )

    async def count(self) -> int:
        """How many rollovers the tenant has."""
        return await self._caller.parsed(count_rollovers.asyncio_detailed, int)

    async def get(self, id: ResourceId) -> Rollover:
        """The rollover with this id."""
        body = await self._caller.parsed(
            find_rollover.asyncio_detailed, RolloverResponse, id=check.as_uuid("id", id)
        )
        return body.data

    async def create(
        self,
        *,
        start_date: dt.datetime,
        end_date: dt.datetime,
        name: str | None = None,
        type: RolloverType | str | None = None,
        status: RolloverStatus | str | None = None,
        cloud_id: UUID | str | None = None,
        actor_id: UUID | str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Rollover:
        """Create a rollover; a ConflictError when it overlaps another."""
        body = _rollover_request(
            start_date, end_date, name, type, status, cloud_id, actor_id, metadata
        )
        created = await self._caller.parsed(
            create_rollover.asyncio_detailed, RolloverResponse, body=body
        )
        return created.data

    async def update(
        self,
        id: ResourceId,
        *,
        start_date: dt.datetime,
        end_date: dt.datetime,
        name: str | None = None,
        type: RolloverType | str | None = None,
        status: RolloverStatus | str | None = None,
        cloud_id: UUID | str | None = None,
        actor_id: UUID | str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Rollover:
        """Replace the rollover with this id; a ConflictError when it overlaps another."""
        body = _rollover_request(
            start_date, end_date, name, type, status, cloud_id, actor_id, metadata
        )
        updated = await self._caller.parsed(
            update_rollover.asyncio_detailed,
            RolloverResponse,
            id=check.as_uuid("id", id),
            body=body,
        )
        return updated.data

    async def delete(self, id: ResourceId) -> None:
        """Delete a rollover; a ConflictError when it is active."""
        await self._caller.send(delete_rollover.asyncio_detailed, id=check.as_uuid("id", id))


def _rollover_request(
    start_date: object,
    end_date: object,
    name: str | None,
    type_: RolloverType | str | None,
    status: RolloverStatus | str | None,
    cloud_id: UUID | str | None,
    actor_id: UUID | str | None,
    metadata: Mapping[str, Any] | None,
) -> RolloverRequest:
    start = _aware("start_date", start_date)
    end = _aware("end_date", end_date)
    if end <= start:
        raise ValueError(
            f"end_date ({end.isoformat()}) must be after start_date ({start.isoformat()})"
        )
    return RolloverRequest(
        start_date=start,
        end_date=end,
        name=_unset_if_none(name),
        type_=UNSET if type_ is None else check.as_enum("type", type_, RolloverType),
        status=UNSET if status is None else check.as_enum("status", status, RolloverStatus),
        cloud_id=UNSET if cloud_id is None else check.as_uuid("cloud_id", cloud_id),
        actor_id=UNSET if actor_id is None else check.as_uuid("actor_id", actor_id),
        metadata=UNSET if metadata is None else RolloverMetadata.from_dict(dict(metadata)),
    )


class Schedules(_Namespace):
    """``/tenant/schedules``: the tenant's collection schedules."""

    def list(self, *, page_size: int | None = None, prefetch: int = 1) -> AsyncPager[Schedule]:
        """Every schedule of the tenant."""
        return self._caller.pager(
            list_schedules.asyncio_detailed,
            SchedulesResponse,
            page_size=page_size,
            prefetch=prefetch,
        )

    async def count(self) -> int:
        """How many schedules the tenant has."""
        return await self._caller.parsed(count_schedules.asyncio_detailed, int)

    async def get(self, id: ResourceId) -> Schedule:
        """The schedule with this id."""
        body = await self._caller.parsed(
            find_schedule.asyncio_detailed, ScheduleResponse, id=check.as_uuid("id", id)
        )
        return body.data

    async def create(self, *, hour: int) -> Schedule:
        """Create a daily collection schedule at `hour` (0-23, UTC)."""
        body = ScheduleCreate(hour=check.as_hour(hour))
        created = await self._caller.parsed(
            create_schedule.asyncio_detailed, ScheduleResponse, body=body
        )
        return created.data

    async def update(self, id: ResourceId, *, enabled: bool) -> None:
        """Pause or resume a schedule (the only change the API allows)."""
        body = ScheduleUpdate(enabled=check.as_bool("enabled", enabled))
        await self._caller.send(
            update_schedule.asyncio_detailed, id=check.as_uuid("id", id), body=body
        )

    async def run(self, id: ResourceId) -> None:
        """Queue a run now; ConflictError when paused or an ingestion is pending."""
        await self._caller.send(run_schedule.asyncio_detailed, id=check.as_uuid("id", id))

    async def delete(self, id: ResourceId) -> None:
        """Delete a schedule."""
        await self._caller.send(delete_schedule.asyncio_detailed, id=check.as_uuid("id", id))


class Tenant(_Namespace):
    """``/tenant``: the tenant of the actor credentials in use."""

    def __init__(
        self, caller: Caller, cache: AsyncTTLCache[str, TenantApplication], identity: str
    ) -> None:
        super().__init__(caller)
        self.application = TenantApplicationNamespace(caller, cache, identity)
        self.scoping = Scoping(caller)
        self.rollovers = Rollovers(caller)
        self.schedules = Schedules(caller)

    async def get(self) -> TenantInfo:
        """This tenant's TenantInfo."""
        body = await self._caller.parsed(get_tenant.asyncio_detailed, TenantInfoResponse)
        return body.data

    async def state(self) -> TenantState:
        """This tenant's state (rollover, setup and synchronization flags)."""
        body = await self._caller.parsed(get_tenant_state.asyncio_detailed, TenantStateResponse)
        return body.data


class Ingestions(_Namespace):
    """``/ingestions``: data ingestions."""

    def list(self, *, page_size: int | None = None, prefetch: int = 1) -> AsyncPager[Ingestion]:
        """Every ingestion visible to the credentials in use."""
        return self._caller.pager(
            list_ingestions.asyncio_detailed,
            IngestionsResponse,
            page_size=page_size,
            prefetch=prefetch,
        )

    async def count(self) -> int:
        """How many ingestions `list()` would give."""
        return await self._caller.parsed(count_ingestions.asyncio_detailed, int)

    async def get(self, id: ResourceId) -> Ingestion:
        """The ingestion with this id."""
        body = await self._caller.parsed(
            find_ingestion.asyncio_detailed, IngestionResponse, id=check.as_uuid("id", id)
        )
        return body.data
