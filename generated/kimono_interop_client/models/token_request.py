from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_grant_type import TokenGrantType
from ..types import (
    UNSET,
    Unset,
    mask_secret,
    mask_secret_keys,
    parse_enum,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """A client credentials token request, form-encoded. `client_id` and `client_secret` may be sent as HTTP Basic
    credentials instead of in the form.

    """

    grant_type: TokenGrantType
    """ The only grant the service issues tokens for (client credentials). """
    client_id: str | Unset = UNSET
    """ The actor's `auth.client_id`. """
    client_secret: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    """ The actor's `auth.client_secret`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        grant_type = self.grant_type.value

        client_id = self.client_id

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grant_type": grant_type,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = require_object(src_dict)
        _v = d.pop("grant_type", UNSET)
        grant_type = parse_enum(_v, TokenGrantType, "grant_type")

        _v = d.pop("client_id", UNSET)
        client_id = UNSET if _v is UNSET or _v is None else parse_str(_v, "client_id")

        _v = d.pop("client_secret", UNSET)
        client_secret = UNSET if _v is UNSET or _v is None else parse_str(_v, "client_secret")

        token_request = cls(
            grant_type=grant_type,
            client_id=client_id,
            client_secret=client_secret,
        )
        token_request.additional_properties = d
        return token_request

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
