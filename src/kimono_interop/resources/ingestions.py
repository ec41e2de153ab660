"""``/ingestions``: data ingestions (a tenant's own, or every tenant's with the API key)."""

from __future__ import annotations

from kimono_interop_client.api.ingestions import count_ingestions, find_ingestion, list_ingestions
from kimono_interop_client.models import Ingestion

from kimono_interop import _validation as check
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId


class Ingestions(Resource):
    """``/ingestions``: data ingestions."""

    def list(
        self, *, page_size: int | None = None, prefetch: int = 1, start: int | PageLink = 0
    ) -> AsyncPager[Ingestion]:
        """Every ingestion visible to the credentials in use."""
        return self._pager(
            lambda page, size: list_ingestions.build_request(page=page, page_size=size),
            list_ingestions.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def count(self) -> int:
        """How many ingestions ``list()`` would give."""
        return await self._pipeline.call(
            count_ingestions.build_request(), count_ingestions.parse_response
        )

    async def get(self, id: ResourceId) -> Ingestion:
        """The ingestion with this id."""
        args = find_ingestion.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_ingestion.parse_response)).data
