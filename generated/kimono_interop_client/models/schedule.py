from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schedule_type import ScheduleType
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_bool,
    parse_datetime,
    parse_enum,
    parse_int,
    parse_model,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="Schedule")


@_attrs_define
class Schedule:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    account_id: UUID
    tenant_id: UUID
    type_: ScheduleType
    """ Known values: `unspecified` (the docs' example) and `collection` (the docs: "only creating collection
    schedules is possible"). Only collection schedules can be created or run on demand. """
    enabled: bool
    hour: int
    last_executed_at: datetime.datetime | Unset = UNSET
    days: str | Unset = UNSET
    metadata: OpenObject | Unset = UNSET
    """ An object whose shape the docs do not show; every field is kept. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        account_id = str(self.account_id)

        tenant_id = str(self.tenant_id)

        type_ = self.type_.value

        enabled = self.enabled

        hour = self.hour

        last_executed_at: str | Unset = UNSET
        if not isinstance(self.last_executed_at, Unset):
            last_executed_at = self.last_executed_at.isoformat()

        days = self.days

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "account_id": account_id,
                "tenant_id": tenant_id,
                "type": type_,
                "enabled": enabled,
                "hour": hour,
            }
        )
        if last_executed_at is not UNSET:
            field_dict["last_executed_at"] = last_executed_at
        if days is not UNSET:
            field_dict["days"] = days
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 8
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

        _v = d.get("type", UNSET)
        type_ = parse_enum(_v, ScheduleType, "type")

        _v = d.get("enabled", UNSET)
        enabled = _v if type(_v) is bool else parse_bool(_v, "enabled")

        _v = d.get("hour", UNSET)
        hour = _v if type(_v) is int else parse_int(_v, "hour")

        _v = d.get("last_executed_at", UNSET)
        if _v is UNSET:
            last_executed_at = UNSET
        else:
            _n += 1
            last_executed_at = UNSET if _v is None else parse_datetime(_v, "last_executed_at")

        _v = d.get("days", UNSET)
        if _v is UNSET:
            days = UNSET
        else:
            _n += 1
            days = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "days"))

        _v = d.get("metadata", UNSET)
        if _v is UNSET:
            metadata = UNSET
        else:
            _n += 1
            metadata = UNSET if _v is None else parse_model(_v, OpenObject.from_dict, "metadata")

        schedule = object.__new__(cls)
        schedule.id = id
        schedule.created_at = created_at
        schedule.updated_at = updated_at
        schedule.account_id = account_id
        schedule.tenant_id = tenant_id
        schedule.type_ = type_
        schedule.enabled = enabled
        schedule.hour = hour
        schedule.last_executed_at = last_executed_at
        schedule.days = days
        schedule.metadata = metadata
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        schedule.additional_properties = extra
        return schedule

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
        "type",
        "enabled",
        "hour",
        "last_executed_at",
        "days",
        "metadata",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.open_object import OpenObject  # noqa: E402
