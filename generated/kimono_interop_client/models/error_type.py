from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        def _parse_ext_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ext_message = _parse_ext_message(d.pop("ext_message", UNSET))

        def _parse_details(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        error_type = cls(
            status=status,
            code=code,
            message=message,
            ext_message=ext_message,
            details=details,
        )

        error_type.additional_properties = d
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
