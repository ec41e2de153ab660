from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_error_code import TokenErrorCode
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_enum,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="TokenError")


@_attrs_define
class TokenError:
    """A token request's error (RFC 6749 section 5.2)."""

    error: TokenErrorCode
    """ The error codes of RFC 6749 section 5.2. """
    error_description: str | Unset = UNSET
    error_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        error = self.error.value

        error_description = self.error_description

        error_uri = self.error_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if error_uri is not UNSET:
            field_dict["error_uri"] = error_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("error", UNSET)
        error = parse_enum(_v, TokenErrorCode, "error")

        _v = d.get("error_description", UNSET)
        if _v is UNSET:
            error_description = UNSET
        else:
            _n += 1
            error_description = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "error_description"))

        _v = d.get("error_uri", UNSET)
        if _v is UNSET:
            error_uri = UNSET
        else:
            _n += 1
            error_uri = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "error_uri"))

        token_error = object.__new__(cls)
        token_error.error = error
        token_error.error_description = error_description
        token_error.error_uri = error_uri
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        token_error.additional_properties = extra
        return token_error

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
        "error",
        "error_description",
        "error_uri",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
