"""``/actors``: actors installed in Interop Clouds."""

from __future__ import annotations

from kimono_interop_client.api.actors import list_actors
from kimono_interop_client.models import Actor

from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop.resources._base import Resource


class Actors(Resource):
    """``/actors``: every actor visible to you, with its credentials."""

    def list(
        self, *, page_size: int | None = None, prefetch: int = 1, start: int | PageLink = 0
    ) -> AsyncPager[Actor]:
        """Every actor of the clouds of the accounts visible to you."""
        return self._pager(
            lambda page, size: list_actors.build_request(page=page, page_size=size),
            list_actors.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )
