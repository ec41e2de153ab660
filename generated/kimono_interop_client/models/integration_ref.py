from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="IntegrationRef")


@_attrs_define
class IntegrationRef:
    id: UUID
    name: str
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        name = self.name

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

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

        _v = d.get("version", UNSET)
        if _v is UNSET:
            version = UNSET
        else:
            _n += 1
            version = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "version"))

        integration_ref = object.__new__(cls)
        integration_ref.id = id
        integration_ref.name = name
        integration_ref.version = version
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        integration_ref.additional_properties = extra
        return integration_ref

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
        "version",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
