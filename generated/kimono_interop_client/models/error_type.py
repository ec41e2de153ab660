from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_int,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="ErrorType")


@_attrs_define
class ErrorType:
    """An error. Error responses carry it as the whole body; a single-object envelope may also carry it as `error`. Clients
    should accept both.

    """

    status: int | Unset = UNSET
    """ Transport-layer status code """
    code: str | Unset = UNSET
    """ Application-layer error code """
    message: str | Unset = UNSET
    """ Error message """
    ext_message: None | str | Unset = UNSET
    """ Extended error message """
    details: None | str | Unset = UNSET
    """ Details that may assist in diagnosing this error """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        status = self.status

        code = self.code

        message = self.message

        ext_message: None | str | Unset
        if isinstance(self.ext_message, Unset):
            ext_message = UNSET
        else:
            ext_message = self.ext_message

        details: None | str | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        else:
            details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if ext_message is not UNSET:
            field_dict["ext_message"] = ext_message
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("status", UNSET)
        if _v is UNSET:
            status = UNSET
        else:
            _n += 1
            status = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "status"))

        _v = d.get("code", UNSET)
        if _v is UNSET:
            code = UNSET
        else:
            _n += 1
            code = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "code"))

        _v = d.get("message", UNSET)
        if _v is UNSET:
            message = UNSET
        else:
            _n += 1
            message = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "message"))

        _v = d.get("ext_message", UNSET)
        if _v is UNSET:
            ext_message = UNSET
        else:
            _n += 1
            ext_message = None if _v is None else (_v if type(_v) is str else parse_str(_v, "ext_message"))

        _v = d.get("details", UNSET)
        if _v is UNSET:
            details = UNSET
        else:
            _n += 1
            details = None if _v is None else (_v if type(_v) is str else parse_str(_v, "details"))

        error_type = object.__new__(cls)
        error_type.status = status
        error_type.code = code
        error_type.message = message
        error_type.ext_message = ext_message
        error_type.details = details
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        error_type.additional_properties = extra
        return error_type

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
        "status",
        "code",
        "message",
        "ext_message",
        "details",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
