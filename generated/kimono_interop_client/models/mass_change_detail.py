from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_int,
    require_object,
)

T = TypeVar("T", bound="MassChangeDetail")


@_attrs_define
class MassChangeDetail:
    """Counts of one object type's changes in a mass change (November 2025 docs)."""

    object_type: int | Unset = UNSET
    object_subtype: int | Unset = UNSET
    object_count: int | Unset = UNSET
    adds: int | Unset = UNSET
    updates: int | Unset = UNSET
    deletes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        object_type = self.object_type

        object_subtype = self.object_subtype

        object_count = self.object_count

        adds = self.adds

        updates = self.updates

        deletes = self.deletes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if object_subtype is not UNSET:
            field_dict["objectSubtype"] = object_subtype
        if object_count is not UNSET:
            field_dict["objectCount"] = object_count
        if adds is not UNSET:
            field_dict["adds"] = adds
        if updates is not UNSET:
            field_dict["updates"] = updates
        if deletes is not UNSET:
            field_dict["deletes"] = deletes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("objectType", UNSET)
        if _v is UNSET:
            object_type = UNSET
        else:
            _n += 1
            object_type = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "objectType"))

        _v = d.get("objectSubtype", UNSET)
        if _v is UNSET:
            object_subtype = UNSET
        else:
            _n += 1
            object_subtype = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "objectSubtype"))

        _v = d.get("objectCount", UNSET)
        if _v is UNSET:
            object_count = UNSET
        else:
            _n += 1
            object_count = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "objectCount"))

        _v = d.get("adds", UNSET)
        if _v is UNSET:
            adds = UNSET
        else:
            _n += 1
            adds = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "adds"))

        _v = d.get("updates", UNSET)
        if _v is UNSET:
            updates = UNSET
        else:
            _n += 1
            updates = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "updates"))

        _v = d.get("deletes", UNSET)
        if _v is UNSET:
            deletes = UNSET
        else:
            _n += 1
            deletes = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "deletes"))

        mass_change_detail = object.__new__(cls)
        mass_change_detail.object_type = object_type
        mass_change_detail.object_subtype = object_subtype
        mass_change_detail.object_count = object_count
        mass_change_detail.adds = adds
        mass_change_detail.updates = updates
        mass_change_detail.deletes = deletes
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        mass_change_detail.additional_properties = extra
        return mass_change_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_FIELDS: frozenset[str] = frozenset(
    (
        "objectType",
        "objectSubtype",
        "objectCount",
        "adds",
        "updates",
        "deletes",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
