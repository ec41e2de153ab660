from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.release_state import ReleaseState
from ..types import UNSET, Unset

T = TypeVar("T", bound="IntegrationVersionUpdate")


@_attrs_define
class IntegrationVersionUpdate:
    version: str | Unset = UNSET
    title: str | Unset = UNSET
    release_state: ReleaseState | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        title = d.pop("title", UNSET)

        _release_state = d.pop("release_state", UNSET)
        release_state: ReleaseState | Unset
        if isinstance(_release_state, Unset):
            release_state = UNSET
        else:
            release_state = ReleaseState(_release_state)

        integration_version_update = cls(
            version=version,
            title=title,
            release_state=release_state,
        )

        integration_version_update.additional_properties = d
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
