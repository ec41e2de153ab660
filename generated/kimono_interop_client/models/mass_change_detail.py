from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        d = dict(src_dict)
        object_type = d.pop("objectType", UNSET)

        object_subtype = d.pop("objectSubtype", UNSET)

        object_count = d.pop("objectCount", UNSET)

        adds = d.pop("adds", UNSET)

        updates = d.pop("updates", UNSET)

        deletes = d.pop("deletes", UNSET)

        mass_change_detail = cls(
            object_type=object_type,
            object_subtype=object_subtype,
            object_count=object_count,
            adds=adds,
            updates=updates,
            deletes=deletes,
        )

        mass_change_detail.additional_properties = d
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
