"""``/tenant/schedules``: the tenant's collection schedules."""

from __future__ import annotations

from kimono_interop_client.api.schedules import (
    count_schedules,
    create_schedule,
    delete_schedule,
    find_schedule,
    list_schedules,
    run_schedule,
    update_schedule,
)
from kimono_interop_client.models import Schedule, ScheduleCreate, ScheduleUpdate

from kimono_interop import _validation as check
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId


class Schedules(Resource):
    """``/tenant/schedules``: collection schedules, paused, resumed and run on demand."""

    def list(
        self, *, page_size: int | None = None, prefetch: int = 1, start: int | PageLink = 0
    ) -> AsyncPager[Schedule]:
        """Every schedule of the tenant."""
        return self._pager(
            lambda page, size: list_schedules.build_request(page=page, page_size=size),
            list_schedules.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def count(self) -> int:
        """How many schedules the tenant has."""
        return await self._pipeline.call(
            count_schedules.build_request(), count_schedules.parse_response
        )

    async def get(self, id: ResourceId) -> Schedule:
        """The schedule with this id."""
        args = find_schedule.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_schedule.parse_response)).data

    async def create(self, *, hour: int) -> Schedule:
        """Create a daily collection schedule at `hour` (0-23, UTC)."""
        args = create_schedule.build_request(body=ScheduleCreate(hour=check.as_hour(hour)))
        return (await self._pipeline.call(args, create_schedule.parse_response)).data

    async def update(self, id: ResourceId, *, enabled: bool) -> None:
        """Pause or resume a schedule (the only change the API allows)."""
        args = update_schedule.build_request(
            id=check.as_uuid("id", id),
            body=ScheduleUpdate(enabled=check.as_bool("enabled", enabled)),
        )
        await self._pipeline.call(args, update_schedule.parse_response)

    async def run(self, id: ResourceId) -> None:
        """Queue a run now; a ConflictError when paused or an ingestion is pending."""
        args = run_schedule.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, run_schedule.parse_response)

    async def delete(self, id: ResourceId) -> None:
        """Delete a schedule."""
        args = delete_schedule.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, delete_schedule.parse_response)
