"""``/integrations``: integrations, their versions, and each version's XML blueprint."""

from __future__ import annotations

import io

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
from kimono_interop_client.models import (
    Integration,
    IntegrationCreate,
    IntegrationUpdate,
    IntegrationVersion,
    IntegrationVersionUpdate,
    ReleaseState,
)
from kimono_interop_client.types import UNSET, File

from kimono_interop import _validation as check
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop._pipeline import Pipeline
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId


class IntegrationVersions(Resource):
    """``/integrations/{id}/versions``: versions and their XML blueprints."""

    def list(
        self,
        integration_id: ResourceId,
        *,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
    ) -> AsyncPager[IntegrationVersion]:
        """Every version of one integration."""
        id_ = check.as_uuid("integration_id", integration_id)
        return self._pager(
            lambda page, size: list_integration_versions.build_request(
                id=id_, page=page, page_size=size
            ),
            list_integration_versions.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def create(
        self, integration_id: ResourceId, blueprint: check.Blueprint
    ) -> IntegrationVersion:
        """Create a version from an XML blueprint (its text, bytes or a file path)."""
        args = create_integration_version.build_request(
            id=check.as_uuid("integration_id", integration_id), body=_xml(blueprint)
        )
        return (await self._pipeline.call(args, create_integration_version.parse_response)).data

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
            title=UNSET if title is None else check.as_str("title", title),
            release_state=UNSET
            if release_state is None
            else check.as_enum("release_state", release_state, ReleaseState),
        )
        args = update_integration_version.build_request(
            id=check.as_uuid("integration_id", integration_id),
            version=check.as_text("version", version),
            body=body,
        )
        await self._pipeline.call(args, update_integration_version.parse_response)

    async def delete(self, integration_id: ResourceId, version: str) -> None:
        """Delete a version."""
        args = delete_integration_version.build_request(
            id=check.as_uuid("integration_id", integration_id),
            version=check.as_text("version", version),
        )
        await self._pipeline.call(args, delete_integration_version.parse_response)

    async def put_blueprint(
        self, integration_id: ResourceId, version: str, blueprint: check.Blueprint
    ) -> IntegrationVersion:
        """Replace a version's XML blueprint."""
        args = update_integration_blueprint.build_request(
            id=check.as_uuid("integration_id", integration_id),
            version=check.as_text("version", version),
            body=_xml(blueprint),
        )
        return (await self._pipeline.call(args, update_integration_blueprint.parse_response)).data


def _xml(blueprint: object) -> File:
    return File(payload=io.BytesIO(check.as_blueprint(blueprint)), mime_type="application/xml")


class Integrations(Resource):
    """``/integrations``: integrations, with ``.versions``."""

    def __init__(self, pipeline: Pipeline) -> None:
        super().__init__(pipeline)
        self.versions = IntegrationVersions(pipeline)

    def list(
        self,
        *,
        name: str | None = None,
        page_size: int | None = None,
        prefetch: int = 1,
        start: int | PageLink = 0,
    ) -> AsyncPager[Integration]:
        """Every integration, or the one with this name."""
        name_ = check.as_optional_text("name", name)
        return self._pager(
            lambda page, size: list_integrations.build_request(
                name=UNSET if name_ is None else name_, page=page, page_size=size
            ),
            list_integrations.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def get(self, id: ResourceId) -> Integration:
        """The integration with this id."""
        args = find_integration.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_integration.parse_response)).data

    async def create(
        self, *, name: str, title: str | None = None, version: str | None = None
    ) -> Integration:
        """Create an integration (a ConflictError when the name is taken)."""
        body = IntegrationCreate(
            name=check.as_text("name", name),
            title=UNSET if title is None else check.as_str("title", title),
            version=UNSET if version is None else check.as_text("version", version),
        )
        args = create_integration.build_request(body=body)
        return (await self._pipeline.call(args, create_integration.parse_response)).data

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
            title=UNSET if title is None else check.as_str("title", title),
            version=UNSET if version is None else check.as_text("version", version),
        )
        args = update_integration.build_request(id=check.as_uuid("id", id), body=body)
        await self._pipeline.call(args, update_integration.parse_response)

    async def delete(self, id: ResourceId) -> None:
        """Delete an integration (a ConflictError while it has tenants)."""
        args = delete_integration.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, delete_integration.parse_response)
