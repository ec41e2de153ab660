"""``/clouds``: Interop Clouds, and the actors installed in each."""

from __future__ import annotations

from kimono_interop_client.api.clouds import (
    create_cloud,
    delete_cloud,
    find_cloud,
    list_actors_by_cloud,
    list_clouds,
    search_clouds,
)
from kimono_interop_client.models import Actor, Cloud, CloudCreate
from kimono_interop_client.types import UNSET

from kimono_interop import _validation as check
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId


class Clouds(Resource):
    """``/clouds``: Interop Clouds."""

    def list(
        self, *, page_size: int | None = None, prefetch: int = 1, start: int | PageLink = 0
    ) -> AsyncPager[Cloud]:
        """Every cloud of the accounts visible to you."""
        return self._pager(
            lambda page, size: list_clouds.build_request(page=page, page_size=size),
            list_clouds.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    def search(
        self,
        *,
        name: str | None = None,
        userdata: str | None = None,
        generation: int | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
    ) -> AsyncPager[Cloud]:
        """Clouds matching every filter given (exact name, userdata, generation)."""
        name_ = check.as_optional_text("name", name)
        userdata_ = None if userdata is None else check.as_str("userdata", userdata)
        generation_ = check.as_optional_int("generation", generation)
        return self._pager(
            lambda page, size: search_clouds.build_request(
                name=UNSET if name_ is None else name_,
                userdata=UNSET if userdata_ is None else userdata_,
                generation=UNSET if generation_ is None else generation_,
                page=page,
                page_size=size,
            ),
            search_clouds.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def get(self, id: ResourceId) -> Cloud:
        """The cloud with this id."""
        args = find_cloud.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_cloud.parse_response)).data

    async def create(
        self, *, name: str, userdata: str | None = None, generation: int | None = None
    ) -> Cloud:
        """Create a cloud."""
        body = CloudCreate(
            name=check.as_text("name", name),
            userdata=UNSET if userdata is None else check.as_str("userdata", userdata),
            generation=UNSET if generation is None else check.as_int("generation", generation),
        )
        args = create_cloud.build_request(body=body)
        return (await self._pipeline.call(args, create_cloud.parse_response)).data

    async def delete(self, id: ResourceId) -> None:
        """Delete the cloud with this id (a ConflictError while tenants use it)."""
        args = delete_cloud.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, delete_cloud.parse_response)

    def actors(
        self,
        id: ResourceId,
        *,
        include_credentials: bool = False,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
    ) -> AsyncPager[Actor]:
        """The actors of one cloud; their credentials only with `include_credentials`."""
        cloud_id = check.as_uuid("id", id)
        credentials = check.as_bool("include_credentials", include_credentials)
        return self._pager(
            lambda page, size: list_actors_by_cloud.build_request(
                id=cloud_id, include_credentials=credentials, page=page, page_size=size
            ),
            list_actors_by_cloud.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )
