"""``/tenant/rollovers``: the tenant's school-year rollovers.

The service derives a rollover's ``name``, ``start_date`` and ``end_date``; a request sends its
``type``, ``status``, ``cloud_id`` and, optionally, ``actor_id`` and ``metadata``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from kimono_interop_client.api.rollovers import (
    count_rollovers,
    create_rollover,
    delete_rollover,
    find_rollover,
    list_rollovers,
    update_rollover,
)
from kimono_interop_client.models import Rollover, RolloverMetadata, RolloverRequest
from kimono_interop_client.types import UNSET

from kimono_interop import _validation as check
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId


class Rollovers(Resource):
    """``/tenant/rollovers``: list, count, get, create, update and delete rollovers."""

    def list(
        self,
        *,
        sort: str | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
    ) -> AsyncPager[Rollover]:
        """Every rollover, sorted by a field (prefix '-' for descending) when `sort` is given."""
        sort_ = None if sort is None else check.as_sort(sort)
        return self._pager(
            lambda page, size: list_rollovers.build_request(
                sort=UNSET if sort_ is None else sort_, page=page, page_size=size
            ),
            list_rollovers.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def count(self) -> int:
        """How many rollovers the tenant has."""
        return await self._pipeline.call(
            count_rollovers.build_request(), count_rollovers.parse_response
        )

    async def get(self, id: ResourceId) -> Rollover:
        """The rollover with this id."""
        args = find_rollover.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_rollover.parse_response)).data

    async def create(
        self,
        *,
        type: str,
        status: str,
        cloud_id: UUID | str,
        actor_id: UUID | str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Rollover:
        """Create a rollover (``type="new_year"``, ``status="upcoming"``: the docs' values).

        The service derives its name and dates; a ConflictError when it overlaps another.
        """
        body = _request(type, status, cloud_id, actor_id, metadata)
        args = create_rollover.build_request(body=body)
        return (await self._pipeline.call(args, create_rollover.parse_response)).data

    async def update(
        self,
        id: ResourceId,
        *,
        type: str,
        status: str,
        cloud_id: UUID | str,
        actor_id: UUID | str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Rollover:
        """Replace the rollover with this id; a ConflictError when it would overlap another."""
        body = _request(type, status, cloud_id, actor_id, metadata)
        args = update_rollover.build_request(id=check.as_uuid("id", id), body=body)
        return (await self._pipeline.call(args, update_rollover.parse_response)).data

    async def delete(self, id: ResourceId) -> None:
        """Delete a rollover; a ConflictError when it is active."""
        args = delete_rollover.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, delete_rollover.parse_response)


def _request(
    type_: object, status: object, cloud_id: object, actor_id: object, metadata: object
) -> RolloverRequest:
    return RolloverRequest(
        type_=check.as_text("type", type_),
        status=check.as_text("status", status),
        cloud_id=check.as_uuid("cloud_id", cloud_id),
        actor_id=UNSET if actor_id is None else check.as_uuid("actor_id", actor_id),
        metadata=UNSET
        if metadata is None
        else check.as_model("metadata", metadata, RolloverMetadata, RolloverMetadata.from_dict),
    )
