from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import (
    UNSET,
    parse_bool,
    require_object,
)

T = TypeVar("T", bound="ScheduleUpdate")


@_attrs_define
class ScheduleUpdate:
    """Only `enabled` may be updated; any other field is refused with 400."""

    enabled: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        enabled = self.enabled

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "enabled": enabled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("enabled", UNSET)
        enabled = _v if type(_v) is bool else parse_bool(_v, "enabled")

        schedule_update = object.__new__(cls)
        schedule_update.enabled = enabled
        return schedule_update


_FIELDS: frozenset[str] = frozenset(("enabled",))
"""The JSON names of the fields this model declares (the others are additional properties)."""
