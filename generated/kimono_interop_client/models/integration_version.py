from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.release_state import ReleaseState
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_datetime,
    parse_enum,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="IntegrationVersion")


@_attrs_define
class IntegrationVersion:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: str
    account_id: UUID | Unset = UNSET
    integration_id: UUID | Unset = UNSET
    title: str | Unset = UNSET
    release_state: ReleaseState | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        integration_id: str | Unset = UNSET
        if not isinstance(self.integration_id, Unset):
            integration_id = str(self.integration_id)

        title = self.title

        release_state: str | Unset = UNSET
        if not isinstance(self.release_state, Unset):
            release_state = self.release_state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if integration_id is not UNSET:
            field_dict["integration_id"] = integration_id
        if title is not UNSET:
            field_dict["title"] = title
        if release_state is not UNSET:
            field_dict["release_state"] = release_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 4
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("created_at", UNSET)
        created_at = parse_datetime(_v, "created_at")

        _v = d.get("updated_at", UNSET)
        updated_at = parse_datetime(_v, "updated_at")

        _v = d.get("version", UNSET)
        version = _v if type(_v) is str else parse_str(_v, "version")

        _v = d.get("account_id", UNSET)
        if _v is UNSET:
            account_id = UNSET
        else:
            _n += 1
            account_id = UNSET if _v is None else parse_uuid(_v, "account_id")

        _v = d.get("integration_id", UNSET)
        if _v is UNSET:
            integration_id = UNSET
        else:
            _n += 1
            integration_id = UNSET if _v is None else parse_uuid(_v, "integration_id")

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

        integration_version = object.__new__(cls)
        integration_version.id = id
        integration_version.created_at = created_at
        integration_version.updated_at = updated_at
        integration_version.version = version
        integration_version.account_id = account_id
        integration_version.integration_id = integration_id
        integration_version.title = title
        integration_version.release_state = release_state
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        integration_version.additional_properties = extra
        return integration_version

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
        "id",
        "created_at",
        "updated_at",
        "version",
        "account_id",
        "integration_id",
        "title",
        "release_state",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
