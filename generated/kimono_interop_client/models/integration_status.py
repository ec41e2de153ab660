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

T = TypeVar("T", bound="IntegrationStatus")


@_attrs_define
class IntegrationStatus:
    op_state: str | Unset = UNSET
    setup_state: str | Unset = UNSET
    last_sync_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        op_state = self.op_state

        setup_state = self.setup_state

        last_sync_at: str | Unset = UNSET
        if not isinstance(self.last_sync_at, Unset):
            last_sync_at = self.last_sync_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if op_state is not UNSET:
            field_dict["op_state"] = op_state
        if setup_state is not UNSET:
            field_dict["setup_state"] = setup_state
        if last_sync_at is not UNSET:
            field_dict["last_sync_at"] = last_sync_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("op_state", UNSET)
        if _v is UNSET:
            op_state = UNSET
        else:
            _n += 1
            op_state = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "op_state"))

        _v = d.get("setup_state", UNSET)
        if _v is UNSET:
            setup_state = UNSET
        else:
            _n += 1
            setup_state = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "setup_state"))

        _v = d.get("last_sync_at", UNSET)
        if _v is UNSET:
            last_sync_at = UNSET
        else:
            _n += 1
            last_sync_at = UNSET if _v is None else parse_datetime(_v, "last_sync_at")

        integration_status = object.__new__(cls)
        integration_status.op_state = op_state
        integration_status.setup_state = setup_state
        integration_status.last_sync_at = last_sync_at
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        integration_status.additional_properties = extra
        return integration_status

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
        "op_state",
        "setup_state",
        "last_sync_at",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
