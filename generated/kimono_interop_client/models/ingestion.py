from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ingestion_state import IngestionState
from ..models.ingestion_type import IngestionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ingestion_metadata import IngestionMetadata
    from ..models.mass_change_detail import MassChangeDetail


T = TypeVar("T", bound="Ingestion")


@_attrs_define
class Ingestion:
    id: UUID | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    account_id: UUID | Unset = UNSET
    tenant_id: UUID | Unset = UNSET
    type_: IngestionType | Unset = UNSET
    state: IngestionState | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    external_import_ids: list[str] | Unset = UNSET
    has_pending_task: bool | Unset = UNSET
    mass_change_details: list[MassChangeDetail] | Unset = UNSET
    metadata: IngestionMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        tenant_id: str | Unset = UNSET
        if not isinstance(self.tenant_id, Unset):
            tenant_id = str(self.tenant_id)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

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
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if state is not UNSET:
            field_dict["state"] = state
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
        from ..models.ingestion_metadata import IngestionMetadata  # noqa: PLC0415
        from ..models.mass_change_detail import MassChangeDetail  # noqa: PLC0415

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _account_id = d.pop("account_id", UNSET)
        account_id: UUID | Unset
        if isinstance(_account_id, Unset):
            account_id = UNSET
        else:
            account_id = UUID(_account_id)

        _tenant_id = d.pop("tenant_id", UNSET)
        tenant_id: UUID | Unset
        if isinstance(_tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = UUID(_tenant_id)

        _type_ = d.pop("type", UNSET)
        type_: IngestionType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = IngestionType(_type_)

        _state = d.pop("state", UNSET)
        state: IngestionState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = IngestionState(_state)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        external_import_ids = cast(list[str], d.pop("external_import_ids", UNSET))

        has_pending_task = d.pop("has_pending_task", UNSET)

        _mass_change_details = d.pop("mass_change_details", UNSET)
        mass_change_details: list[MassChangeDetail] | Unset = UNSET
        if _mass_change_details is not UNSET:
            mass_change_details = []
            for mass_change_details_item_data in _mass_change_details:
                mass_change_details_item = MassChangeDetail.from_dict(mass_change_details_item_data)

                mass_change_details.append(mass_change_details_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: IngestionMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = IngestionMetadata.from_dict(_metadata)

        ingestion = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            account_id=account_id,
            tenant_id=tenant_id,
            type_=type_,
            state=state,
            started_at=started_at,
            external_import_ids=external_import_ids,
            has_pending_task=has_pending_task,
            mass_change_details=mass_change_details,
            metadata=metadata,
        )

        ingestion.additional_properties = d
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
