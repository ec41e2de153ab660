"""``/tenant/scoping/schools`` and ``/tenant/scoping/courses``: the tenant's Scoping Schools and
Courses. A bulk create replaces them all (``replace=true``, the default) or appends; a failing
item changes nothing. Every item needs a ``name``; its own id (``school_id``, ``course_id``) is
made up when not sent; an optional text sent as null is cleared (left out)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from kimono_interop.sandbox.errors import bad_request
from kimono_interop.sandbox.handlers._common import new_tenant_resource, owned, touch
from kimono_interop.sandbox.http import Call, no_content, single
from kimono_interop.sandbox.parsing import bool_field, text_field, uuid_field
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.world import Json


@dataclass(frozen=True)
class Scoping:
    """The handlers of one scoping collection: schools or courses."""

    kind: str
    id_fields: tuple[str, ...]
    """UUID members; the first is the item's own id, made up when not sent."""
    text_fields: tuple[str, ...]
    """Optional text members (null clears them)."""

    def items(self, call: Call) -> dict[str, Json]:
        world = call.state.world
        table = world.schools if self.kind == "school" else world.courses
        return table[call.tenant_id]

    def build(self, call: Call, raw: Any, where: str, *, keep: Json | None = None) -> Json:
        """An item from `raw` (a ScopingSchoolInput or ScopingCourseInput), over `keep`."""
        prefix = f"{where}." if where else ""
        if not isinstance(raw, dict):
            raise bad_request(f"{where or 'the body'} must be an object, got {shorten(raw)}")
        if "name" not in raw:
            raise bad_request(f"{prefix}name is required")
        item = keep if keep is not None else new_tenant_resource(call)
        item["name"] = text_field(raw, "name", required=True)
        for name in ("account_id", "tenant_id"):  # the caller's: checked, then ignored
            uuid_field(raw, name)
        for index, name in enumerate(self.id_fields):
            if name in raw:
                item[name] = uuid_field(raw, name)
            elif index == 0 and name not in item:
                item[name] = call.state.new_id()
        for name in self.text_fields:
            if name in raw:
                value = text_field(raw, name, nullable=True)
                if value is None:
                    item.pop(name, None)
                else:
                    item[name] = value
        selected = bool_field(raw, "selected")
        item["selected"] = selected if selected is not None else item.get("selected", True)
        touch(item, call)
        return item

    async def list(self, call: Call) -> Response:
        """listScopingSchools / listScopingCourses."""
        return call.page(list(self.items(call).values()))

    async def create(self, call: Call) -> Response:
        """createScopingSchools / createScopingCourses: the created items, in order."""
        replace = call.query_bool("replace", default=True)
        body = call.json_object()
        data = body.get("data")
        if not isinstance(data, list):
            raise bad_request(f"data must be a list of {self.kind}s, got {shorten(data)}")
        built = [self.build(call, raw, f"data[{n}]") for n, raw in enumerate(data)]
        items = self.items(call)
        if replace:
            items.clear()
        for item in built:
            items[item["id"]] = item
        return single(built)

    async def clear(self, call: Call) -> Response:
        """deleteScopingSchools / deleteScopingCourses: all of them."""
        self.items(call).clear()
        return no_content()

    def one(self, call: Call) -> Json:
        return owned(call, self.items(call), f"scoping {self.kind}")

    async def find(self, call: Call) -> Response:
        """findScopingSchool / findScopingCourse."""
        return single(self.one(call))

    async def update(self, call: Call) -> Response:
        """updateScopingSchool / updateScopingCourse: the members sent (``name`` required)."""
        item = self.one(call)
        changed = self.build(call, call.json_object(), "", keep=copy.deepcopy(item))
        item.clear()
        item.update(changed)
        return single(item)

    async def delete(self, call: Call) -> Response:
        """deleteScopingSchool / deleteScopingCourse."""
        del self.items(call)[self.one(call)["id"]]
        return no_content()


SCHOOLS = Scoping("school", ("school_id",), ("school_ref_id", "local_id", "keywords"))
COURSES = Scoping(
    "course", ("course_id", "school_id"), ("course_ref_id", "school_ref_id", "local_id", "keywords")
)
