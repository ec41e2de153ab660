"""``/tenant/application``: the tenant's application, cached in memory as the docs ask."""

from __future__ import annotations

from collections.abc import Mapping

from kimono_interop_client.api.application import get_tenant_application, update_tenant_application
from kimono_interop_client.models import (
    ApplicationAuthStateUpdate,
    StringMap,
    TenantApplication,
    TenantApplicationUpdate,
)
from kimono_interop_client.types import UNSET

from kimono_interop import _validation as check
from kimono_interop._cache import AsyncTTLCache
from kimono_interop._pipeline import Pipeline
from kimono_interop.resources._base import Resource


class Application(Resource):
    """``/tenant/application``: ``get()`` is served from a per-tenant in-memory cache."""

    def __init__(
        self, pipeline: Pipeline, cache: AsyncTTLCache[str, TenantApplication], identity: str
    ) -> None:
        super().__init__(pipeline)
        self._cache = cache
        self._identity = identity

    async def get(self, *, refresh: bool = False) -> TenantApplication:
        """The tenant's application, from the cache unless stale or `refresh` is set."""
        return await self._cache.get(
            self._identity, self._fetch, refresh=check.as_bool("refresh", refresh)
        )

    async def _fetch(self) -> TenantApplication:
        response = await self._pipeline.call(
            get_tenant_application.build_request(), get_tenant_application.parse_response
        )
        return response.data

    async def update(
        self,
        *,
        auth_message: str | None = None,
        auth_props_pending: Mapping[str, str] | None = None,
        auth_state_pending: ApplicationAuthStateUpdate | str | None = None,
    ) -> None:
        """Report the outcome of the auth setup (only while auth_state_pending is 'updating').

        `auth_state_pending` is ``"confirmed"`` or ``"error"``; the cached application is dropped.
        """
        body = TenantApplicationUpdate(
            auth_message=UNSET
            if auth_message is None
            else check.as_str("auth_message", auth_message),
            auth_props_pending=UNSET
            if auth_props_pending is None
            else _string_map(check.as_string_map("auth_props_pending", auth_props_pending)),
            auth_state_pending=UNSET
            if auth_state_pending is None
            else check.as_known(
                "auth_state_pending", auth_state_pending, ApplicationAuthStateUpdate
            ),
        )
        try:
            await self._pipeline.call(
                update_tenant_application.build_request(body=body),
                update_tenant_application.parse_response,
            )
        finally:
            self.invalidate()

    def invalidate(self) -> None:
        """Drop this tenant's cached application."""
        self._cache.invalidate(self._identity)


def _string_map(values: dict[str, str]) -> StringMap:
    string_map = StringMap()
    string_map.additional_properties = values
    return string_map
