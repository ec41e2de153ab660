from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TenantState")


@_attrs_define
class TenantState:
    rollover_mode_enabled: bool | Unset = UNSET
    synchronization_suspended: bool | Unset = UNSET
    setup_mode_enabled: bool | Unset = UNSET
    mass_change_pending: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rollover_mode_enabled = self.rollover_mode_enabled

        synchronization_suspended = self.synchronization_suspended

        setup_mode_enabled = self.setup_mode_enabled

        mass_change_pending = self.mass_change_pending

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if rollover_mode_enabled is not UNSET:
            field_dict["rollover_mode_enabled"] = rollover_mode_enabled
        if synchronization_suspended is not UNSET:
            field_dict["synchronization_suspended"] = synchronization_suspended
        if setup_mode_enabled is not UNSET:
            field_dict["setup_mode_enabled"] = setup_mode_enabled
        if mass_change_pending is not UNSET:
            field_dict["mass_change_pending"] = mass_change_pending

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rollover_mode_enabled = d.pop("rollover_mode_enabled", UNSET)

        synchronization_suspended = d.pop("synchronization_suspended", UNSET)

        setup_mode_enabled = d.pop("setup_mode_enabled", UNSET)

        mass_change_pending = d.pop("mass_change_pending", UNSET)

        tenant_state = cls(
            rollover_mode_enabled=rollover_mode_enabled,
            synchronization_suspended=synchronization_suspended,
            setup_mode_enabled=setup_mode_enabled,
            mass_change_pending=mass_change_pending,
        )

        tenant_state.additional_properties = d
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
