from __future__ import annotations

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
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="ScopingCourseInput")


@_attrs_define
class ScopingCourseInput:
    """A Scoping Course as a request sends it (create items and update body). Only `name` is required."""

    name: str
    account_id: UUID | Unset = UNSET
    """ In the docs' request example. The account is the one of the credentials in use: it may be left out. """
    tenant_id: UUID | Unset = UNSET
    """ In the docs' request example. The tenant is the one of the credentials in use: it may be left out. """
    course_id: UUID | Unset = UNSET
    course_ref_id: None | str | Unset = UNSET
    school_id: UUID | Unset = UNSET
    school_ref_id: None | str | Unset = UNSET
    local_id: None | str | Unset = UNSET
    keywords: None | str | Unset = UNSET
    selected: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        name = self.name

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        tenant_id: str | Unset = UNSET
        if not isinstance(self.tenant_id, Unset):
            tenant_id = str(self.tenant_id)

        course_id: str | Unset = UNSET
        if not isinstance(self.course_id, Unset):
            course_id = str(self.course_id)

        course_ref_id: None | str | Unset
        if isinstance(self.course_ref_id, Unset):
            course_ref_id = UNSET
        else:
            course_ref_id = self.course_ref_id

        school_id: str | Unset = UNSET
        if not isinstance(self.school_id, Unset):
            school_id = str(self.school_id)

        school_ref_id: None | str | Unset
        if isinstance(self.school_ref_id, Unset):
            school_ref_id = UNSET
        else:
            school_ref_id = self.school_ref_id

        local_id: None | str | Unset
        if isinstance(self.local_id, Unset):
            local_id = UNSET
        else:
            local_id = self.local_id

        keywords: None | str | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        else:
            keywords = self.keywords

        selected = self.selected

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id
        if course_id is not UNSET:
            field_dict["course_id"] = course_id
        if course_ref_id is not UNSET:
            field_dict["course_ref_id"] = course_ref_id
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
        _n = 1
        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("account_id", UNSET)
        if _v is UNSET:
            account_id = UNSET
        else:
            _n += 1
            account_id = UNSET if _v is None else parse_uuid(_v, "account_id")

        _v = d.get("tenant_id", UNSET)
        if _v is UNSET:
            tenant_id = UNSET
        else:
            _n += 1
            tenant_id = UNSET if _v is None else parse_uuid(_v, "tenant_id")

        _v = d.get("course_id", UNSET)
        if _v is UNSET:
            course_id = UNSET
        else:
            _n += 1
            course_id = UNSET if _v is None else parse_uuid(_v, "course_id")

        _v = d.get("course_ref_id", UNSET)
        if _v is UNSET:
            course_ref_id = UNSET
        else:
            _n += 1
            course_ref_id = None if _v is None else (_v if type(_v) is str else parse_str(_v, "course_ref_id"))

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
            school_ref_id = None if _v is None else (_v if type(_v) is str else parse_str(_v, "school_ref_id"))

        _v = d.get("local_id", UNSET)
        if _v is UNSET:
            local_id = UNSET
        else:
            _n += 1
            local_id = None if _v is None else (_v if type(_v) is str else parse_str(_v, "local_id"))

        _v = d.get("keywords", UNSET)
        if _v is UNSET:
            keywords = UNSET
        else:
            _n += 1
            keywords = None if _v is None else (_v if type(_v) is str else parse_str(_v, "keywords"))

        _v = d.get("selected", UNSET)
        if _v is UNSET:
            selected = UNSET
        else:
            _n += 1
            selected = UNSET if _v is None else (_v if type(_v) is bool else parse_bool(_v, "selected"))

        scoping_course_input = object.__new__(cls)
        scoping_course_input.name = name
        scoping_course_input.account_id = account_id
        scoping_course_input.tenant_id = tenant_id
        scoping_course_input.course_id = course_id
        scoping_course_input.course_ref_id = course_ref_id
        scoping_course_input.school_id = school_id
        scoping_course_input.school_ref_id = school_ref_id
        scoping_course_input.local_id = local_id
        scoping_course_input.keywords = keywords
        scoping_course_input.selected = selected
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        scoping_course_input.additional_properties = extra
        return scoping_course_input

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
        "name",
        "account_id",
        "tenant_id",
        "course_id",
        "course_ref_id",
        "school_id",
        "school_ref_id",
        "local_id",
        "keywords",
        "selected",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
