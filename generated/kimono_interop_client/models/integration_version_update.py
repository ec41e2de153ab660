from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.release_state import ReleaseState
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_enum,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="IntegrationVersionUpdate")


@_attrs_define
class IntegrationVersionUpdate:
    """The fields to change; those not sent keep their value."""

    version: str | Unset = UNSET
    """ A new name for the version; not empty, not another version's name. """
    title: str | Unset = UNSET
    release_state: ReleaseState | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        version = self.version

        title = self.title

        release_state: str | Unset = UNSET
        if not isinstance(self.release_state, Unset):
            release_state = self.release_state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if version is not UNSET:
            field_dict["version"] = version
        if title is not UNSET:
            field_dict["title"] = title
        if release_state is not UNSET:
            field_dict["release_state"] = release_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 0
        _v = d.get("version", UNSET)
        if _v is UNSET:
            version = UNSET
        else:
            _n += 1
            version = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "version"))

        _v = d.get("title", UNSET)
        if _v is UNSET:
            title = UNSET
        else:
            _n += 1
            title = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "title"))

        _v = d.get("release_state", UNSET)
        if _v is UNSET:
            release_state = UNSET
        else:
            _n += 1
            release_state = UNSET if _v is None else parse_enum(_v, ReleaseState, "release_state")

        integration_version_update = object.__new__(cls)
        integration_version_update.version = version
        integration_version_update.title = title
        integration_version_update.release_state = release_state
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        integration_version_update.additional_properties = extra
        return integration_version_update

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
        "version",
        "title",
        "release_state",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
