"""``/integrations``: Integrations (unique names), their versions and XML blueprints.

A blueprint is sent raw as ``application/xml`` (``text/xml`` and ``application/...+xml`` are
taken too; anything else is 415); its root, ``Blueprint`` or ``IntegrationBlueprint``, names the
version in ``version`` and may give a ``title``. A value not set (an Integration's title or
version, a version's title) is a member left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from starlette.responses import Response

from kimono_interop.sandbox.errors import ApiError, bad_request, conflict, not_found
from kimono_interop.sandbox.handlers._common import developer_account, new_resource, touch
from kimono_interop.sandbox.http import Call, no_content, single
from kimono_interop.sandbox.parsing import enum_field, media_type, text_field
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.world import Json, without_none

RELEASE_STATES = ("unspecified", "development", "beta", "released", "deprecated")
BLUEPRINT_ROOTS = ("Blueprint", "IntegrationBlueprint")


def integration_of(call: Call) -> Json:
    """The Integration the path's id names, or 404."""
    key = call.path_uuid()
    integration = call.state.world.integrations.get(key)
    if integration is None:
        raise not_found("integration", key)
    return integration


def version_of(call: Call) -> tuple[Json, Json]:
    """(the Integration, its version the path names), or 404."""
    integration = integration_of(call)
    version = str(call.request.path_params["version"])
    entry = call.state.world.versions[integration["id"]].get(version)
    if entry is None:
        raise ApiError(
            404, "not_found", f"{shorten(integration['name'])} has no version {shorten(version)}"
        )
    return integration, entry


async def list_integrations(call: Call) -> Response:
    """listIntegrations: every Integration, or only the one ``name`` names."""
    name = call.query("name")
    found = [i for i in call.state.world.integrations.values() if name is None or i["name"] == name]
    return call.page(found)


async def create_integration(call: Call) -> Response:
    """createIntegration: from ``name`` (not empty, unique: 409), ``title`` and ``version``."""
    body = call.json_object()
    name = text_field(body, "name", required=True)
    title, version = text_field(body, "title"), text_field(body, "version")
    if any(i["name"] == name for i in call.state.world.integrations.values()):
        raise conflict(f"an integration named {shorten(name)} already exists")
    integration = new_resource(call, account_id=developer_account(call)) | without_none(
        {"name": name, "title": title, "version": version}
    )
    call.state.world.integrations[integration["id"]] = integration
    call.state.world.versions[integration["id"]] = {}
    return single(integration)


async def find_integration(call: Call) -> Response:
    """findIntegration."""
    return single(integration_of(call))


async def update_integration(call: Call) -> Response:
    """updateIntegration: the ``name``, ``title`` and ``version`` sent; a taken name is 409."""
    integration = integration_of(call)
    body = call.json_object()
    changes = {name: text_field(body, name) for name in ("title", "version")}
    changes["name"] = text_field(body, "name", required="name" in body)
    taken = {i["name"] for i in call.state.world.integrations.values() if i is not integration}
    if changes["name"] in taken:
        raise conflict(f"an integration named {shorten(changes['name'])} already exists")
    integration.update(without_none(changes))
    touch(integration, call)
    return no_content()


async def delete_integration(call: Call) -> Response:
    """deleteIntegration: with its versions and blueprints; 409 while it has tenants."""
    integration = integration_of(call)
    world = call.state.world
    if any(t["integration"]["id"] == integration["id"] for t in world.tenants.values()):
        raise conflict(f"integration {shorten(integration['name'])} still has tenants")
    del world.integrations[integration["id"]]
    for version in world.versions.pop(integration["id"], {}):
        world.blueprints.pop((integration["id"], version), None)
    return no_content()


async def list_integration_versions(call: Call) -> Response:
    """listIntegrationVersions."""
    integration = integration_of(call)
    return call.page(list(call.state.world.versions[integration["id"]].values()))


def is_xml_media_type(content_type: str) -> bool:
    """``application/xml``, ``text/xml`` or ``application/...+xml`` (RFC 7303)."""
    media = media_type(content_type)
    return media in ("application/xml", "text/xml") or (
        media.startswith("application/") and media.endswith("+xml")
    )


def parse_blueprint(call: Call) -> tuple[str, str | None, str | None]:
    """(the XML text, its version attribute, its title attribute); 415 when not sent as XML,
    400 when malformed."""
    content_type = call.request.headers.get("content-type", "")
    if not is_xml_media_type(content_type):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"a blueprint is application/xml, got {shorten(content_type)}",
        )
    try:
        text = call.body.decode("utf-8")
        root = ET.fromstring(text)  # noqa: S314 - the sandbox parses its own test input
    except (UnicodeDecodeError, ET.ParseError) as exc:
        raise bad_request(f"the blueprint is not well-formed XML: {exc}") from None
    if root.tag not in BLUEPRINT_ROOTS:
        raise bad_request(
            f"the blueprint's root must be <Blueprint> or <IntegrationBlueprint>, got <{root.tag}>"
        )
    return text, root.get("version"), root.get("title")


async def create_integration_version(call: Call) -> Response:
    """createIntegrationVersion: the blueprint's ``version`` names it (409 when taken)."""
    integration = integration_of(call)
    text, version, title = parse_blueprint(call)
    if not version:
        raise bad_request("the blueprint's root has no version attribute")
    versions = call.state.world.versions[integration["id"]]
    if version in versions:
        raise conflict(
            f"version {shorten(version)} of {shorten(integration['name'])} already exists"
        )
    entry = new_resource(call, account_id=integration["account_id"]) | without_none(
        {
            "integration_id": integration["id"],
            "version": version,
            "title": title,
            "release_state": "development",
        }
    )
    versions[version] = entry
    call.state.world.blueprints[(integration["id"], version)] = text
    return single(entry)


async def update_integration_version(call: Call) -> Response:
    """updateIntegrationVersion: ``title``, ``release_state``, or a new ``version`` (409 when
    the Integration has it already)."""
    integration, entry = version_of(call)
    body = call.json_object()
    release_state = enum_field(body, "release_state", RELEASE_STATES)
    title = text_field(body, "title")
    renamed = text_field(body, "version", required="version" in body)
    versions = call.state.world.versions[integration["id"]]
    if renamed is not None and renamed != entry["version"]:
        if renamed in versions:
            raise conflict(f"version {shorten(renamed)} already exists")
        blueprint = call.state.world.blueprints.pop((integration["id"], entry["version"]))
        del versions[entry["version"]]
        entry["version"] = renamed
        versions[renamed] = entry
        call.state.world.blueprints[(integration["id"], renamed)] = blueprint
    entry.update(without_none({"release_state": release_state, "title": title}))
    touch(entry, call)
    return no_content()


async def delete_integration_version(call: Call) -> Response:
    """deleteIntegrationVersion: with its blueprint."""
    integration, entry = version_of(call)
    del call.state.world.versions[integration["id"]][entry["version"]]
    call.state.world.blueprints.pop((integration["id"], entry["version"]), None)
    return no_content()


async def update_integration_blueprint(call: Call) -> Response:
    """updateIntegrationBlueprint: a root ``version`` must be the path's (400); a ``title``
    becomes the version's."""
    integration, entry = version_of(call)
    text, version, title = parse_blueprint(call)
    if version is not None and version != entry["version"]:
        raise bad_request(
            f"the blueprint says version {shorten(version)}, the path {shorten(entry['version'])}"
        )
    call.state.world.blueprints[(integration["id"], entry["version"])] = text
    if title is not None:
        entry["title"] = title
    touch(entry, call)
    return single(entry)
