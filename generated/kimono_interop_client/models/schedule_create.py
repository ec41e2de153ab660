from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    UNSET,
    parse_int,
    require_object,
)

T = TypeVar("T", bound="ScheduleCreate")


@_attrs_define
class ScheduleCreate:
    """Only `hour` is expected; any other field is refused with 400."""

    hour: int
    """ Hour of the day, in UTC """

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        hour = self.hour

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hour": hour,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("hour", UNSET)
        hour = _v if type(_v) is int else parse_int(_v, "hour")

        schedule_create = object.__new__(cls)
        schedule_create.hour = hour
        return schedule_create


_FIELDS: frozenset[str] = frozenset(("hour",))
"""The JSON names of the fields this model declares (the others are additional properties)."""
