from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_auth_state import ApplicationAuthState
from ..types import UNSET, Unset, mask_secret

if TYPE_CHECKING:
    from ..models.string_map import StringMap


T = TypeVar("T", bound="TenantApplicationUpdate")


@_attrs_define
class TenantApplicationUpdate:
    """The only fields that may change, and only while `auth_state_pending` is `updating`; `auth_state_pending` may only be
    set to `confirmed` or `error`.

    """

    auth_message: str | Unset = UNSET
    auth_props_pending: StringMap | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    auth_state_pending: ApplicationAuthState | Unset = UNSET
    """ The docs name `updating`, `confirmed` and `error`, and show `unspecified`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_message = self.auth_message

        auth_props_pending: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_props_pending, Unset):
            auth_props_pending = self.auth_props_pending.to_dict()

        auth_state_pending: str | Unset = UNSET
        if not isinstance(self.auth_state_pending, Unset):
            auth_state_pending = self.auth_state_pending.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auth_message is not UNSET:
            field_dict["auth_message"] = auth_message
        if auth_props_pending is not UNSET:
            field_dict["auth_props_pending"] = auth_props_pending
        if auth_state_pending is not UNSET:
            field_dict["auth_state_pending"] = auth_state_pending

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.string_map import StringMap  # noqa: PLC0415

        d = dict(src_dict)
        auth_message = d.pop("auth_message", UNSET)

        _auth_props_pending = d.pop("auth_props_pending", UNSET)
        auth_props_pending: StringMap | Unset
        if isinstance(_auth_props_pending, Unset):
            auth_props_pending = UNSET
        else:
            auth_props_pending = StringMap.from_dict(_auth_props_pending)

        _auth_state_pending = d.pop("auth_state_pending", UNSET)
        auth_state_pending: ApplicationAuthState | Unset
        if isinstance(_auth_state_pending, Unset):
            auth_state_pending = UNSET
        else:
            auth_state_pending = ApplicationAuthState(_auth_state_pending)

        tenant_application_update = cls(
            auth_message=auth_message,
            auth_props_pending=auth_props_pending,
            auth_state_pending=auth_state_pending,
        )

        tenant_application_update.additional_properties = d
        return tenant_application_update

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
