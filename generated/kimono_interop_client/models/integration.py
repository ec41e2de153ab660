from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_datetime,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="Integration")


@_attrs_define
class Integration:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str
    account_id: UUID | Unset = UNSET
    title: str | Unset = UNSET
    version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name = self.name

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "name": name,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if title is not UNSET:
            field_dict["title"] = title
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 4
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("created_at", UNSET)
        created_at = parse_datetime(_v, "created_at")

        _v = d.get("updated_at", UNSET)
        updated_at = parse_datetime(_v, "updated_at")

        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("account_id", UNSET)
        if _v is UNSET:
            account_id = UNSET
        else:
            _n += 1
            account_id = UNSET if _v is None else parse_uuid(_v, "account_id")

        _v = d.get("title", UNSET)
        if _v is UNSET:
            title = UNSET
        else:
            _n += 1
            title = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "title"))

        _v = d.get("version", UNSET)
        if _v is UNSET:
            version = UNSET
        else:
            _n += 1
            version = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "version"))

        integration = object.__new__(cls)
        integration.id = id
        integration.created_at = created_at
        integration.updated_at = updated_at
        integration.name = name
        integration.account_id = account_id
        integration.title = title
        integration.version = version
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        integration.additional_properties = extra
        return integration

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
        "created_at",
        "updated_at",
        "name",
        "account_id",
        "title",
        "version",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
