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

T = TypeVar("T", bound="TenantInfoResponse")


@_attrs_define
class TenantInfoResponse:
    data: TenantInfo
    """ A licensed and authorized integration tenant, with its actor's credentials. """
    error: ErrorType | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        data = self.data.to_dict()

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorType):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("data", UNSET)
        data = parse_model(_v, TenantInfo.from_dict, "data")

        _v = d.get("error", UNSET)
        if _v is UNSET:
            error = UNSET
        else:
            _n += 1
            error = None if _v is None else parse_model(_v, ErrorType.from_dict, "error")

        tenant_info_response = object.__new__(cls)
        tenant_info_response.data = data
        tenant_info_response.error = error
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        tenant_info_response.additional_properties = extra
        return tenant_info_response

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
        "data",
        "error",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.error_type import ErrorType  # noqa: E402
from ..models.tenant_info import TenantInfo  # noqa: E402
