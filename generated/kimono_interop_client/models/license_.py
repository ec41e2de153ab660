from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_datetime,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="License")


@_attrs_define
class License:
    status: str | Unset = UNSET
    valid_from: datetime.datetime | Unset = UNSET
    valid_to: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        status = self.status

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: str | Unset = UNSET
        if not isinstance(self.valid_to, Unset):
            valid_to = self.valid_to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("status", UNSET)
        if _v is UNSET:
            status = UNSET
        else:
            _n += 1
            status = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "status"))

        _v = d.get("valid_from", UNSET)
        if _v is UNSET:
            valid_from = UNSET
        else:
            _n += 1
            valid_from = UNSET if _v is None else parse_datetime(_v, "valid_from")

        _v = d.get("valid_to", UNSET)
        if _v is UNSET:
            valid_to = UNSET
        else:
            _n += 1
            valid_to = UNSET if _v is None else parse_datetime(_v, "valid_to")

        license_ = object.__new__(cls)
        license_.status = status
        license_.valid_from = valid_from
        license_.valid_to = valid_to
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        license_.additional_properties = extra
        return license_

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
        "status",
        "valid_from",
        "valid_to",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
