from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret,
    mask_secret_keys,
    parse_int,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """An access token (RFC 6749 section 5.1)."""

    access_token: str = _attrs_field(repr=mask_secret)
    """ Sent as `Authorization: Bearer <access_token>` on the tenant's calls. """
    token_type: str | Unset = UNSET
    """ `bearer` (case-insensitive) """
    expires_in: int | Unset = UNSET
    """ Seconds the token lives. Not documented by Kimono; use it when present. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
            }
        )
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("access_token", UNSET)
        access_token = _v if type(_v) is str else parse_str(_v, "access_token")

        _v = d.get("token_type", UNSET)
        if _v is UNSET:
            token_type = UNSET
        else:
            _n += 1
            token_type = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "token_type"))

        _v = d.get("expires_in", UNSET)
        if _v is UNSET:
            expires_in = UNSET
        else:
            _n += 1
            expires_in = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "expires_in"))

        token_response = object.__new__(cls)
        token_response.access_token = access_token
        token_response.token_type = token_type
        token_response.expires_in = expires_in
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        token_response.additional_properties = extra
        return token_response

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
        "access_token",
        "token_type",
        "expires_in",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
