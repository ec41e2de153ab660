"""``/tenant/scoping``: the schools and courses that scope the tenant's repository."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs
from kimono_interop_client.api.scoping import (
    create_scoping_courses,
    create_scoping_schools,
    delete_scoping_course,
    delete_scoping_courses,
    delete_scoping_school,
    delete_scoping_schools,
    find_scoping_course,
    find_scoping_school,
    list_scoping_courses,
    list_scoping_schools,
    update_scoping_course,
    update_scoping_school,
)
from kimono_interop_client.models import (
    ScopingCourse,
    ScopingCourseInput,
    ScopingCoursesRequest,
    ScopingSchool,
    ScopingSchoolInput,
    ScopingSchoolsRequest,
)

from kimono_interop import _validation as check
from kimono_interop._exceptions import InvalidArgumentError, shorten
from kimono_interop._pagination import AsyncPager, PageLink
from kimono_interop._pipeline import Pipeline
from kimono_interop.resources._base import Resource
from kimono_interop.resources._ids import ResourceId

Input = TypeVar("Input", ScopingSchoolInput, ScopingCourseInput)

SchoolItem = ScopingSchoolInput | ScopingSchool | Mapping[str, Any]
"""A school to send: an input model, a school read before (its writable fields), or a mapping."""
CourseItem = ScopingCourseInput | ScopingCourse | Mapping[str, Any]
"""A course to send: an input model, a course read before (its writable fields), or a mapping."""


def _as_list(created: builtins.list[Any] | Any) -> builtins.list[Any]:
    return list(created) if isinstance(created, list) else [created]


def _input(name: str, item: object, model: type[Input], read: type[Any]) -> Input:
    if isinstance(item, read):
        writable = {field.name for field in attrs.fields(model)} - {"additional_properties"}
        item = {key: value for key, value in item.to_dict().items() if key in writable}
    return check.as_model(name, item, model, model.from_dict)


def _inputs(items: object, model: type[Input], read: type[Any]) -> builtins.list[Input]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Sequence):
        raise InvalidArgumentError(
            f"items must be a list of {read.__name__} (or mappings), got {shorten(items)}"
        )
    return [_input(f"items[{i}]", item, model, read) for i, item in enumerate(items)]


class Schools(Resource):
    """``/tenant/scoping/schools``."""

    def list(
        self, *, page_size: int | None = None, prefetch: int = 1, start: int | PageLink = 0
    ) -> AsyncPager[ScopingSchool]:
        """Every school scoping this tenant."""
        return self._pager(
            lambda page, size: list_scoping_schools.build_request(page=page, page_size=size),
            list_scoping_schools.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def get(self, id: ResourceId) -> ScopingSchool:
        """The school with this id."""
        args = find_scoping_school.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_scoping_school.parse_response)).data

    async def create(
        self, items: Sequence[SchoolItem], *, replace: bool = True
    ) -> builtins.list[ScopingSchool]:
        """Add schools: replacing every existing one (`replace=True`) or appending."""
        models = _inputs(items, ScopingSchoolInput, ScopingSchool)
        args = create_scoping_schools.build_request(
            body=ScopingSchoolsRequest(data=models), replace=check.as_bool("replace", replace)
        )
        created = await self._pipeline.call(args, create_scoping_schools.parse_response)
        return _as_list(created.data)

    async def update(self, id: ResourceId, item: SchoolItem) -> ScopingSchool:
        """Replace the school with this id."""
        args = update_scoping_school.build_request(
            id=check.as_uuid("id", id),
            body=_input("item", item, ScopingSchoolInput, ScopingSchool),
        )
        return (await self._pipeline.call(args, update_scoping_school.parse_response)).data

    async def delete(self, id: ResourceId) -> None:
        """Delete the school with this id."""
        args = delete_scoping_school.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, delete_scoping_school.parse_response)

    async def clear(self) -> None:
        """Delete every school."""
        await self._pipeline.call(
            delete_scoping_schools.build_request(), delete_scoping_schools.parse_response
        )


class Courses(Resource):
    """``/tenant/scoping/courses``."""

    def list(
        self, *, page_size: int | None = None, prefetch: int = 1, start: int | PageLink = 0
    ) -> AsyncPager[ScopingCourse]:
        """Every course scoping this tenant."""
        return self._pager(
            lambda page, size: list_scoping_courses.build_request(page=page, page_size=size),
            list_scoping_courses.parse_response,
            page_size=page_size,
            prefetch=prefetch,
            start=start,
        )

    async def get(self, id: ResourceId) -> ScopingCourse:
        """The course with this id."""
        args = find_scoping_course.build_request(id=check.as_uuid("id", id))
        return (await self._pipeline.call(args, find_scoping_course.parse_response)).data

    async def create(
        self, items: Sequence[CourseItem], *, replace: bool = True
    ) -> builtins.list[ScopingCourse]:
        """Add courses: replacing every existing one (`replace=True`) or appending."""
        models = _inputs(items, ScopingCourseInput, ScopingCourse)
        args = create_scoping_courses.build_request(
            body=ScopingCoursesRequest(data=models), replace=check.as_bool("replace", replace)
        )
        created = await self._pipeline.call(args, create_scoping_courses.parse_response)
        return _as_list(created.data)

    async def update(self, id: ResourceId, item: CourseItem) -> ScopingCourse:
        """Replace the course with this id."""
        args = update_scoping_course.build_request(
            id=check.as_uuid("id", id),
            body=_input("item", item, ScopingCourseInput, ScopingCourse),
        )
        return (await self._pipeline.call(args, update_scoping_course.parse_response)).data

    async def delete(self, id: ResourceId) -> None:
        """Delete the course with this id."""
        args = delete_scoping_course.build_request(id=check.as_uuid("id", id))
        await self._pipeline.call(args, delete_scoping_course.parse_response)

    async def clear(self) -> None:
        """Delete every course."""
        await self._pipeline.call(
            delete_scoping_courses.build_request(), delete_scoping_courses.parse_response
        )


class Scoping:
    """``/tenant/scoping``: ``.schools`` and ``.courses``."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.schools = Schools(pipeline)
        self.courses = Courses(pipeline)
