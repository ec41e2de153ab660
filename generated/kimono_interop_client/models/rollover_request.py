from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rollover_status import RolloverStatus
from ..models.rollover_type import RolloverType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rollover_metadata import RolloverMetadata


T = TypeVar("T", bound="RolloverRequest")


@_attrs_define
class RolloverRequest:
    start_date: datetime.datetime
    end_date: datetime.datetime
    name: str | Unset = UNSET
    type_: RolloverType | Unset = UNSET
    """ Known values; only `new_year` appears in the docs. """
    status: RolloverStatus | Unset = UNSET
    """ Known values: the docs show `upcoming` and speak of active rollovers; the rest are the natural lifecycle the
    service reports. """
    cloud_id: UUID | Unset = UNSET
    actor_id: UUID | Unset = UNSET
    metadata: RolloverMetadata | Unset = UNSET
    """ Nested objects whose shape the docs do not show; kept open. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_date = self.start_date.isoformat()

        end_date = self.end_date.isoformat()

        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        cloud_id: str | Unset = UNSET
        if not isinstance(self.cloud_id, Unset):
            cloud_id = str(self.cloud_id)

        actor_id: str | Unset = UNSET
        if not isinstance(self.actor_id, Unset):
            actor_id = str(self.actor_id)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_date": start_date,
                "end_date": end_date,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if cloud_id is not UNSET:
            field_dict["cloud_id"] = cloud_id
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rollover_metadata import RolloverMetadata  # noqa: PLC0415

        d = dict(src_dict)
        start_date = datetime.datetime.fromisoformat(d.pop("start_date"))

        end_date = datetime.datetime.fromisoformat(d.pop("end_date"))

        name = d.pop("name", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: RolloverType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = RolloverType(_type_)

        _status = d.pop("status", UNSET)
        status: RolloverStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RolloverStatus(_status)

        _cloud_id = d.pop("cloud_id", UNSET)
        cloud_id: UUID | Unset
        if isinstance(_cloud_id, Unset):
            cloud_id = UNSET
        else:
            cloud_id = UUID(_cloud_id)

        _actor_id = d.pop("actor_id", UNSET)
        actor_id: UUID | Unset
        if isinstance(_actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = UUID(_actor_id)

        _metadata = d.pop("metadata", UNSET)
        metadata: RolloverMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = RolloverMetadata.from_dict(_metadata)

        rollover_request = cls(
            start_date=start_date,
            end_date=end_date,
            name=name,
            type_=type_,
            status=status,
            cloud_id=cloud_id,
            actor_id=actor_id,
            metadata=metadata,
        )

        rollover_request.additional_properties = d
        return rollover_request

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
