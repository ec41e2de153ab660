from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_object import OpenObject


T = TypeVar("T", bound="RolloverMetadata")


@_attrs_define
class RolloverMetadata:
    """Nested objects whose shape the docs do not show; kept open."""

    created: None | OpenObject | Unset = UNSET
    updated: None | OpenObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.open_object import OpenObject  # noqa: PLC0415

        created: dict[str, Any] | None | Unset
        if isinstance(self.created, Unset):
            created = UNSET
        elif isinstance(self.created, OpenObject):
            created = self.created.to_dict()
        else:
            created = self.created

        updated: dict[str, Any] | None | Unset
        if isinstance(self.updated, Unset):
            updated = UNSET
        elif isinstance(self.updated, OpenObject):
            updated = self.updated.to_dict()
        else:
            updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_object import OpenObject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_created(data: object) -> None | OpenObject | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_type_0 = OpenObject.from_dict(data)

                return created_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenObject | Unset, data)

        created = _parse_created(d.pop("created", UNSET))

        def _parse_updated(data: object) -> None | OpenObject | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                updated_type_0 = OpenObject.from_dict(data)

                return updated_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenObject | Unset, data)

        updated = _parse_updated(d.pop("updated", UNSET))

        rollover_metadata = cls(
            created=created,
            updated=updated,
        )

        rollover_metadata.additional_properties = d
        return rollover_metadata

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
