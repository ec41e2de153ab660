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

T = TypeVar("T", bound="AccountRef")


@_attrs_define
class AccountRef:
    id: UUID
    name: str
    public_id: str | Unset = UNSET
    timezone: str | Unset = UNSET
    userdata: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        name = self.name

        public_id = self.public_id

        timezone = self.timezone

        userdata = self.userdata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if public_id is not UNSET:
            field_dict["public_id"] = public_id
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if userdata is not UNSET:
            field_dict["userdata"] = userdata

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

        _v = d.get("public_id", UNSET)
        if _v is UNSET:
            public_id = UNSET
        else:
            _n += 1
            public_id = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "public_id"))

        _v = d.get("timezone", UNSET)
        if _v is UNSET:
            timezone = UNSET
        else:
            _n += 1
            timezone = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "timezone"))

        _v = d.get("userdata", UNSET)
        if _v is UNSET:
            userdata = UNSET
        else:
            _n += 1
            userdata = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "userdata"))

        account_ref = object.__new__(cls)
        account_ref.id = id
        account_ref.name = name
        account_ref.public_id = public_id
        account_ref.timezone = timezone
        account_ref.userdata = userdata
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        account_ref.additional_properties = extra
        return account_ref

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
        "public_id",
        "timezone",
        "userdata",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
