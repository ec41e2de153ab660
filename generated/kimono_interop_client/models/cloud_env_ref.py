from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    mask_secret_keys,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="CloudEnvRef")


@_attrs_define
class CloudEnvRef:
    id: UUID
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 2
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        cloud_env_ref = object.__new__(cls)
        cloud_env_ref.id = id
        cloud_env_ref.name = name
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        cloud_env_ref.additional_properties = extra
        return cloud_env_ref

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
        "id",
        "name",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
