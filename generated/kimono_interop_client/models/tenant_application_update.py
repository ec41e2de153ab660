from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_auth_state_update import ApplicationAuthStateUpdate
from ..types import (
    UNSET,
    Unset,
    mask_secret,
    mask_secret_keys,
    parse_enum,
    parse_model,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="TenantApplicationUpdate")


@_attrs_define
class TenantApplicationUpdate:
    """The only fields that may change, and only while `auth_state_pending` is `updating`; `auth_state_pending` may only be
    set to `confirmed` or `error`.

    """

    auth_message: str | Unset = UNSET
    auth_props_pending: StringMap | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    auth_state_pending: ApplicationAuthStateUpdate | Unset = UNSET
    """ The values `auth_state_pending` may be set to: the docs say it "can only be set to 'confirmed'/'error'". """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
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
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("auth_message", UNSET)
        if _v is UNSET:
            auth_message = UNSET
        else:
            _n += 1
            auth_message = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "auth_message"))

        _v = d.get("auth_props_pending", UNSET)
        if _v is UNSET:
            auth_props_pending = UNSET
        else:
            _n += 1
            auth_props_pending = UNSET if _v is None else parse_model(_v, StringMap.from_dict, "auth_props_pending")

        _v = d.get("auth_state_pending", UNSET)
        if _v is UNSET:
            auth_state_pending = UNSET
        else:
            _n += 1
            auth_state_pending = (
                UNSET if _v is None else parse_enum(_v, ApplicationAuthStateUpdate, "auth_state_pending")
            )

        tenant_application_update = object.__new__(cls)
        tenant_application_update.auth_message = auth_message
        tenant_application_update.auth_props_pending = auth_props_pending
        tenant_application_update.auth_state_pending = auth_state_pending
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        tenant_application_update.additional_properties = extra
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


_FIELDS: frozenset[str] = frozenset(
    (
        "auth_message",
        "auth_props_pending",
        "auth_state_pending",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.string_map import StringMap  # noqa: E402
