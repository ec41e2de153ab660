from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_model,
    require_object,
)

T = TypeVar("T", bound="RolloverMetadata")


@_attrs_define
class RolloverMetadata:
    """Nested objects whose shape the docs do not show; kept open."""

    created: None | OpenObject | Unset = UNSET
    updated: None | OpenObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
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
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("created", UNSET)
        if _v is UNSET:
            created = UNSET
        else:
            _n += 1
            created = None if _v is None else parse_model(_v, OpenObject.from_dict, "created")

        _v = d.get("updated", UNSET)
        if _v is UNSET:
            updated = UNSET
        else:
            _n += 1
            updated = None if _v is None else parse_model(_v, OpenObject.from_dict, "updated")

        rollover_metadata = object.__new__(cls)
        rollover_metadata.created = created
        rollover_metadata.updated = updated
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        rollover_metadata.additional_properties = extra
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


_FIELDS: frozenset[str] = frozenset(
    (
        "created",
        "updated",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.open_object import OpenObject  # noqa: E402
