"""``/clouds``: Interop Clouds, searched exactly by name, userdata and generation, and the
actors installed in each (credentials only when asked for). A Cloud created without
``userdata`` (or with null) has none: the member is left out."""

from __future__ import annotations

from starlette.responses import Response

from kimono_interop.sandbox.errors import conflict, not_found
from kimono_interop.sandbox.handlers._common import developer_account, new_resource
from kimono_interop.sandbox.http import Call, no_content, single
from kimono_interop.sandbox.parsing import INT32_MAX, int_field, text_field
from kimono_interop.sandbox.world import Json, without_none


def public_cloud(cloud: Json) -> Json:
    """A Cloud as the API shows it (its environment only appears in tenants' references)."""
    return {k: v for k, v in cloud.items() if k != "env"}


def cloud_of(call: Call) -> Json:
    """The Cloud the path's id names, or 404."""
    key = call.path_uuid()
    cloud = call.state.world.clouds.get(key)
    if cloud is None:
        raise not_found("cloud", key)
    return cloud


async def list_clouds(call: Call) -> Response:
    """listClouds: every Cloud."""
    return call.page([public_cloud(c) for c in call.state.world.clouds.values()])


async def create_cloud(call: Call) -> Response:
    """createCloud: a Cloud from ``name`` (not empty), ``userdata`` and ``generation`` (>= 0,
    1 when not sent)."""
    body = call.json_object()
    name = text_field(body, "name", required=True)
    userdata = text_field(body, "userdata", nullable=True)
    generation = int_field(body, "generation", low=0, high=INT32_MAX)
    cloud = new_resource(call, account_id=developer_account(call)) | without_none(
        {
            "name": name,
            "userdata": userdata,
            "generation": 1 if generation is None else generation,
            "env": {"id": call.state.new_id(), "name": "production"},
        }
    )
    call.state.world.clouds[cloud["id"]] = cloud
    return single(public_cloud(cloud))


async def search_clouds(call: Call) -> Response:
    """searchClouds: the Clouds matching every criterion given, exactly."""
    name, userdata = call.query("name"), call.query("userdata")
    generation = call.query_int("generation", minimum=0)
    found = [
        public_cloud(c)
        for c in call.state.world.clouds.values()
        if (name is None or c["name"] == name)
        and (userdata is None or c.get("userdata") == userdata)
        and (generation is None or c.get("generation") == generation)
    ]
    return call.page(found)


async def find_cloud(call: Call) -> Response:
    """findCloud."""
    return single(public_cloud(cloud_of(call)))


async def delete_cloud(call: Call) -> Response:
    """deleteCloud: 409 while the Cloud serves tenants; its actors go with it."""
    cloud = cloud_of(call)
    world = call.state.world
    users = [t["name"] for t in world.tenants.values() if t["cloud"]["id"] == cloud["id"]]
    if users:
        raise conflict(f"cloud {cloud['id']} still serves {len(users)} tenants", details=users[0])
    del world.clouds[cloud["id"]]
    for key in [k for k, a in world.actors.items() if a.get("cloud_id") == cloud["id"]]:
        del world.actors[key]
    return no_content()


async def list_actors_by_cloud(call: Call) -> Response:
    """listActorsByCloud: the Cloud's actors, ``auth`` only with ``include_credentials=true``."""
    cloud = cloud_of(call)
    with_credentials = call.query_bool("include_credentials", default=False)
    actors = [a for a in call.state.world.actors.values() if a.get("cloud_id") == cloud["id"]]
    if not with_credentials:
        actors = [{k: v for k, v in a.items() if k != "auth"} for a in actors]
    return call.page(actors)
