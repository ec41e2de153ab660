from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rollover_failure_reason import RolloverFailureReason
from ..models.rollover_status import RolloverStatus
from ..models.rollover_type import RolloverType
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_datetime,
    parse_enum,
    parse_int,
    parse_model,
    parse_str,
    parse_union,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="Rollover")


@_attrs_define
class Rollover:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    account_id: UUID
    tenant_id: UUID
    name: str
    """ Derived by the service. """
    type_: RolloverType | str
    """ The rollover's type. Known values: `new_year` (the only one the docs show). """
    start_date: datetime.datetime
    """ Derived by the service. """
    end_date: datetime.datetime
    """ Derived by the service. """
    status: RolloverStatus | str
    """ The rollover's status. Known values: `upcoming` (the docs' example) and `active` (the docs' 409 for deleting
    an active rollover). Also listed: `completed` (guessed: not in the docs), `failed` (guessed: not in the docs)
    and `cancelled` (guessed: not in the docs). """
    metadata: RolloverMetadata | Unset = UNSET
    """ Nested objects whose shape the docs do not show; kept open. """
    status_change_failure_count: int | Unset = UNSET
    failure_reason: RolloverFailureReason | Unset = UNSET
    """ Known values: `alreadyInRolloverMode` (the only one the docs show). """
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

        type_: str
        if isinstance(self.type_, RolloverType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        status: str
        if isinstance(self.status, RolloverStatus):
            status = self.status.value
        else:
            status = self.status

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        status_change_failure_count = self.status_change_failure_count

        failure_reason: str | Unset = UNSET
        if not isinstance(self.failure_reason, Unset):
            failure_reason = self.failure_reason.value

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
                "type": type_,
                "start_date": start_date,
                "end_date": end_date,
                "status": status,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if status_change_failure_count is not UNSET:
            field_dict["status_change_failure_count"] = status_change_failure_count
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 10
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

        _v = d.get("type", UNSET)
        type_ = parse_union(_v, "type", (lambda _v, _p: parse_enum(_v, RolloverType, _p)), parse_str)

        _v = d.get("start_date", UNSET)
        start_date = parse_datetime(_v, "start_date")

        _v = d.get("end_date", UNSET)
        end_date = parse_datetime(_v, "end_date")

        _v = d.get("status", UNSET)
        status = parse_union(_v, "status", (lambda _v, _p: parse_enum(_v, RolloverStatus, _p)), parse_str)

        _v = d.get("metadata", UNSET)
        if _v is UNSET:
            metadata = UNSET
        else:
            _n += 1
            metadata = UNSET if _v is None else parse_model(_v, RolloverMetadata.from_dict, "metadata")

        _v = d.get("status_change_failure_count", UNSET)
        if _v is UNSET:
            status_change_failure_count = UNSET
        else:
            _n += 1
            status_change_failure_count = (
                UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "status_change_failure_count"))
            )

        _v = d.get("failure_reason", UNSET)
        if _v is UNSET:
            failure_reason = UNSET
        else:
            _n += 1
            failure_reason = UNSET if _v is None else parse_enum(_v, RolloverFailureReason, "failure_reason")

        rollover = object.__new__(cls)
        rollover.id = id
        rollover.created_at = created_at
        rollover.updated_at = updated_at
        rollover.account_id = account_id
        rollover.tenant_id = tenant_id
        rollover.name = name
        rollover.type_ = type_
        rollover.start_date = start_date
        rollover.end_date = end_date
        rollover.status = status
        rollover.metadata = metadata
        rollover.status_change_failure_count = status_change_failure_count
        rollover.failure_reason = failure_reason
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        rollover.additional_properties = extra
        return rollover

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
        "type",
        "start_date",
        "end_date",
        "status",
        "metadata",
        "status_change_failure_count",
        "failure_reason",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.rollover_metadata import RolloverMetadata  # noqa: E402
