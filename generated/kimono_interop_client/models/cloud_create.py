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
    parse_str,
    require_object,
)

T = TypeVar("T", bound="CloudCreate")


@_attrs_define
class CloudCreate:
    """A new Interop Cloud, as the docs' request example sends it."""

    name: str
    """ Not empty. """
    userdata: None | str | Unset = UNSET
    """ Free text for your own use. """
    generation: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        name = self.name

        userdata: None | str | Unset
        if isinstance(self.userdata, Unset):
            userdata = UNSET
        else:
            userdata = self.userdata

        generation = self.generation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if userdata is not UNSET:
            field_dict["userdata"] = userdata
        if generation is not UNSET:
            field_dict["generation"] = generation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("userdata", UNSET)
        if _v is UNSET:
            userdata = UNSET
        else:
            _n += 1
            userdata = None if _v is None else (_v if type(_v) is str else parse_str(_v, "userdata"))

        _v = d.get("generation", UNSET)
        if _v is UNSET:
            generation = UNSET
        else:
            _n += 1
            generation = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "generation"))

        cloud_create = object.__new__(cls)
        cloud_create.name = name
        cloud_create.userdata = userdata
        cloud_create.generation = generation
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        cloud_create.additional_properties = extra
        return cloud_create

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
        "name",
        "userdata",
        "generation",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
