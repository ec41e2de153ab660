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
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("grant_type", UNSET)
        grant_type = parse_enum(_v, TokenGrantType, "grant_type")

        _v = d.get("client_id", UNSET)
        if _v is UNSET:
            client_id = UNSET
        else:
            _n += 1
            client_id = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "client_id"))

        _v = d.get("client_secret", UNSET)
        if _v is UNSET:
            client_secret = UNSET
        else:
            _n += 1
            client_secret = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "client_secret"))

        token_request = object.__new__(cls)
        token_request.grant_type = grant_type
        token_request.client_id = client_id
        token_request.client_secret = client_secret
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        token_request.additional_properties = extra
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


_FIELDS: frozenset[str] = frozenset(
    (
        "grant_type",
        "client_id",
        "client_secret",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
