from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    mask_secret_keys,
    parse_bool,
    require_object,
)

T = TypeVar("T", bound="TenantState")


@_attrs_define
class TenantState:
    rollover_mode_enabled: bool
    synchronization_suspended: bool
    setup_mode_enabled: bool
    mass_change_pending: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        rollover_mode_enabled = self.rollover_mode_enabled

        synchronization_suspended = self.synchronization_suspended

        setup_mode_enabled = self.setup_mode_enabled

        mass_change_pending = self.mass_change_pending

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rollover_mode_enabled": rollover_mode_enabled,
                "synchronization_suspended": synchronization_suspended,
                "setup_mode_enabled": setup_mode_enabled,
                "mass_change_pending": mass_change_pending,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 4
        _v = d.get("rollover_mode_enabled", UNSET)
        rollover_mode_enabled = _v if type(_v) is bool else parse_bool(_v, "rollover_mode_enabled")

        _v = d.get("synchronization_suspended", UNSET)
        synchronization_suspended = _v if type(_v) is bool else parse_bool(_v, "synchronization_suspended")

        _v = d.get("setup_mode_enabled", UNSET)
        setup_mode_enabled = _v if type(_v) is bool else parse_bool(_v, "setup_mode_enabled")

        _v = d.get("mass_change_pending", UNSET)
        mass_change_pending = _v if type(_v) is bool else parse_bool(_v, "mass_change_pending")

        tenant_state = object.__new__(cls)
        tenant_state.rollover_mode_enabled = rollover_mode_enabled
        tenant_state.synchronization_suspended = synchronization_suspended
        tenant_state.setup_mode_enabled = setup_mode_enabled
        tenant_state.mass_change_pending = mass_change_pending
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        tenant_state.additional_properties = extra
        return tenant_state

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
        "rollover_mode_enabled",
        "synchronization_suspended",
        "setup_mode_enabled",
        "mass_change_pending",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
