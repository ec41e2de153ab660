"""``/tenant``: the tenant of the actor credentials in use, and everything under it."""

from __future__ import annotations

import functools

from kimono_interop_client.api.tenant import get_tenant, get_tenant_state
from kimono_interop_client.models import TenantApplication, TenantInfo, TenantState

from kimono_interop._cache import AsyncTTLCache
from kimono_interop._pipeline import Pipeline
from kimono_interop.resources._base import Resource
from kimono_interop.resources.tenant.application import Application
from kimono_interop.resources.tenant.rollovers import Rollovers
from kimono_interop.resources.tenant.schedules import Schedules
from kimono_interop.resources.tenant.scoping import Scoping


class Tenant(Resource):
    """``/tenant``: ``get()``, ``state()``, and ``application``, ``scoping``, ``rollovers``,
    ``schedules``."""

    def __init__(
        self, pipeline: Pipeline, cache: AsyncTTLCache[str, TenantApplication], identity: str
    ) -> None:
        super().__init__(pipeline)
        self._cache = cache
        self._identity = identity

    # Each namespace is built on first use: a driver serving thousands of tenants mostly touches
    # one or two of them per tenant.
    @functools.cached_property
    def application(self) -> Application:
        """``/tenant/application``: cached in memory per tenant."""
        return Application(self._pipeline, self._cache, self._identity)

    @functools.cached_property
    def scoping(self) -> Scoping:
        """``/tenant/scoping``: ``.schools`` and ``.courses``."""
        return Scoping(self._pipeline)

    @functools.cached_property
    def rollovers(self) -> Rollovers:
        """``/tenant/rollovers``."""
        return Rollovers(self._pipeline)

    @functools.cached_property
    def schedules(self) -> Schedules:
        """``/tenant/schedules``."""
        return Schedules(self._pipeline)

    async def get(self) -> TenantInfo:
        """This tenant's TenantInfo."""
        response = await self._pipeline.call(get_tenant.build_request(), get_tenant.parse_response)
        return response.data

    async def state(self) -> TenantState:
        """This tenant's state (rollover, setup and synchronization flags)."""
        response = await self._pipeline.call(
            get_tenant_state.build_request(), get_tenant_state.parse_response
        )
        return response.data
