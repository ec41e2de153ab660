from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ingestion_state import IngestionState
from ..models.ingestion_type import IngestionType
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_bool,
    parse_datetime,
    parse_enum,
    parse_list,
    parse_model,
    parse_model_list,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="Ingestion")


@_attrs_define
class Ingestion:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    account_id: UUID
    tenant_id: UUID
    type_: IngestionType
    state: IngestionState
    started_at: datetime.datetime | Unset = UNSET
    external_import_ids: list[str] | Unset = UNSET
    has_pending_task: bool | Unset = UNSET
    mass_change_details: list[MassChangeDetail] | Unset = UNSET
    metadata: IngestionMetadata | Unset = UNSET
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

        state = self.state.value

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        external_import_ids: list[str] | Unset = UNSET
        if not isinstance(self.external_import_ids, Unset):
            external_import_ids = self.external_import_ids

        has_pending_task = self.has_pending_task

        mass_change_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mass_change_details, Unset):
            mass_change_details = []
            for mass_change_details_item_data in self.mass_change_details:
                mass_change_details_item = mass_change_details_item_data.to_dict()
                mass_change_details.append(mass_change_details_item)

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
                "state": state,
            }
        )
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if external_import_ids is not UNSET:
            field_dict["external_import_ids"] = external_import_ids
        if has_pending_task is not UNSET:
            field_dict["has_pending_task"] = has_pending_task
        if mass_change_details is not UNSET:
            field_dict["mass_change_details"] = mass_change_details
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 7
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
        type_ = parse_enum(_v, IngestionType, "type")

        _v = d.get("state", UNSET)
        state = parse_enum(_v, IngestionState, "state")

        _v = d.get("started_at", UNSET)
        if _v is UNSET:
            started_at = UNSET
        else:
            _n += 1
            started_at = UNSET if _v is None else parse_datetime(_v, "started_at")

        _v = d.get("external_import_ids", UNSET)
        if _v is UNSET:
            external_import_ids = UNSET
        else:
            _n += 1
            external_import_ids = UNSET if _v is None else parse_list(_v, "external_import_ids", parse_str)

        _v = d.get("has_pending_task", UNSET)
        if _v is UNSET:
            has_pending_task = UNSET
        else:
            _n += 1
            has_pending_task = UNSET if _v is None else (_v if type(_v) is bool else parse_bool(_v, "has_pending_task"))

        _v = d.get("mass_change_details", UNSET)
        if _v is UNSET:
            mass_change_details = UNSET
        else:
            _n += 1
            mass_change_details = (
                UNSET if _v is None else parse_model_list(_v, MassChangeDetail.from_dict, "mass_change_details")
            )

        _v = d.get("metadata", UNSET)
        if _v is UNSET:
            metadata = UNSET
        else:
            _n += 1
            metadata = UNSET if _v is None else parse_model(_v, IngestionMetadata.from_dict, "metadata")

        ingestion = object.__new__(cls)
        ingestion.id = id
        ingestion.created_at = created_at
        ingestion.updated_at = updated_at
        ingestion.account_id = account_id
        ingestion.tenant_id = tenant_id
        ingestion.type_ = type_
        ingestion.state = state
        ingestion.started_at = started_at
        ingestion.external_import_ids = external_import_ids
        ingestion.has_pending_task = has_pending_task
        ingestion.mass_change_details = mass_change_details
        ingestion.metadata = metadata
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        ingestion.additional_properties = extra
        return ingestion

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
        "state",
        "started_at",
        "external_import_ids",
        "has_pending_task",
        "mass_change_details",
        "metadata",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.ingestion_metadata import IngestionMetadata  # noqa: E402
from ..models.mass_change_detail import MassChangeDetail  # noqa: E402
