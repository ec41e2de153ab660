"""``/tenants``: your licensed and authorized integration tenants (developer API key)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from uuid import UUID

from kimono_interop_client.api.tenants import find_interop_tenant, list_interop_tenants
from kimono_interop_client.models import TenantInfo
from kimono_interop_client.types import UNSET, Unset

from kimono_interop import _validation as check
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId


class Tenants(Resource):
    """``/tenants``: your tenants, each with its actor credentials."""

    def list(
        self,
        *,
        accounts: Iterable[UUID | str] | None = None,
        integrations: Iterable[str] | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
    ) -> AsyncPager[TenantInfo]:
        """Every tenant, or those of some accounts or integrations (by id or name).

        Some servers ignore the `integrations` filter, so it is applied again here.
        """
        account_ids = None if accounts is None else check.as_uuid_list("accounts", accounts)
        wanted = None if integrations is None else check.as_text_list("integrations", integrations)
        return self._pager(
            lambda page, size: list_interop_tenants.build_request(
                accounts=UNSET if account_ids is None else account_ids,
                integrations=UNSET if wanted is None else wanted,
                page=page,
                page_size=size,
            ),
            list_interop_tenants.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
            keep=None if wanted is None else _of_integrations(wanted),
        )

    async def get(self, id: ResourceId) -> TenantInfo:
        """The tenant with this id, with its actor credentials."""
        args = find_interop_tenant.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_interop_tenant.parse_response)).data


def _of_integrations(wanted: list[str]) -> Callable[[TenantInfo], bool]:
    wanted_set = set(wanted)

    def keep(tenant: TenantInfo) -> bool:
        integration = tenant.integration
        if isinstance(integration, Unset) or integration is None:
            return False
        keys = (integration.id, integration.name)
        return any(not isinstance(key, Unset) and str(key) in wanted_set for key in keys)

    return keep
