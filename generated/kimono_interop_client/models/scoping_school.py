from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_bool,
    parse_datetime,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="ScopingSchool")


@_attrs_define
class ScopingSchool:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    account_id: UUID
    tenant_id: UUID
    name: str
    school_id: UUID | Unset = UNSET
    school_ref_id: str | Unset = UNSET
    local_id: str | Unset = UNSET
    keywords: str | Unset = UNSET
    selected: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        account_id = str(self.account_id)

        tenant_id = str(self.tenant_id)

        name = self.name

        school_id: str | Unset = UNSET
        if not isinstance(self.school_id, Unset):
            school_id = str(self.school_id)

        school_ref_id = self.school_ref_id

        local_id = self.local_id

        keywords = self.keywords

        selected = self.selected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "account_id": account_id,
                "tenant_id": tenant_id,
                "name": name,
            }
        )
        if school_id is not UNSET:
            field_dict["school_id"] = school_id
        if school_ref_id is not UNSET:
            field_dict["school_ref_id"] = school_ref_id
        if local_id is not UNSET:
            field_dict["local_id"] = local_id
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if selected is not UNSET:
            field_dict["selected"] = selected

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 6
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("created_at", UNSET)
        created_at = parse_datetime(_v, "created_at")

        _v = d.get("updated_at", UNSET)
        updated_at = parse_datetime(_v, "updated_at")

        _v = d.get("account_id", UNSET)
        account_id = parse_uuid(_v, "account_id")

        _v = d.get("tenant_id", UNSET)
        tenant_id = parse_uuid(_v, "tenant_id")

        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("school_id", UNSET)
        if _v is UNSET:
            school_id = UNSET
        else:
            _n += 1
            school_id = UNSET if _v is None else parse_uuid(_v, "school_id")

        _v = d.get("school_ref_id", UNSET)
        if _v is UNSET:
            school_ref_id = UNSET
        else:
            _n += 1
            school_ref_id = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "school_ref_id"))

        _v = d.get("local_id", UNSET)
        if _v is UNSET:
            local_id = UNSET
        else:
            _n += 1
            local_id = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "local_id"))

        _v = d.get("keywords", UNSET)
        if _v is UNSET:
            keywords = UNSET
        else:
            _n += 1
            keywords = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "keywords"))

        _v = d.get("selected", UNSET)
        if _v is UNSET:
            selected = UNSET
        else:
            _n += 1
            selected = UNSET if _v is None else (_v if type(_v) is bool else parse_bool(_v, "selected"))

        scoping_school = object.__new__(cls)
        scoping_school.id = id
        scoping_school.created_at = created_at
        scoping_school.updated_at = updated_at
        scoping_school.account_id = account_id
        scoping_school.tenant_id = tenant_id
        scoping_school.name = name
        scoping_school.school_id = school_id
        scoping_school.school_ref_id = school_ref_id
        scoping_school.local_id = local_id
        scoping_school.keywords = keywords
        scoping_school.selected = selected
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        scoping_school.additional_properties = extra
        return scoping_school

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
        "account_id",
        "tenant_id",
        "name",
        "school_id",
        "school_ref_id",
        "local_id",
        "keywords",
        "selected",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
