from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_auth import ActorAuth


T = TypeVar("T", bound="Actor")


@_attrs_define
class Actor:
    id: UUID | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    account_id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    type_: ActorType | Unset = UNSET
    connector_type: None | str | Unset = UNSET
    cloud_id: UUID | Unset = UNSET
    auth: ActorAuth | Unset = UNSET
    """ An actor's credentials. `client_secret` is a secret. """
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

        name = self.name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        connector_type: None | str | Unset
        if isinstance(self.connector_type, Unset):
            connector_type = UNSET
        else:
            connector_type = self.connector_type

        cloud_id: str | Unset = UNSET
        if not isinstance(self.cloud_id, Unset):
            cloud_id = str(self.cloud_id)

        auth: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth, Unset):
            auth = self.auth.to_dict()

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
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if connector_type is not UNSET:
            field_dict["connector_type"] = connector_type
        if cloud_id is not UNSET:
            field_dict["cloud_id"] = cloud_id
        if auth is not UNSET:
            field_dict["auth"] = auth

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_auth import ActorAuth  # noqa: PLC0415

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

        name = d.pop("name", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: ActorType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = ActorType(_type_)

        def _parse_connector_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connector_type = _parse_connector_type(d.pop("connector_type", UNSET))

        _cloud_id = d.pop("cloud_id", UNSET)
        cloud_id: UUID | Unset
        if isinstance(_cloud_id, Unset):
            cloud_id = UNSET
        else:
            cloud_id = UUID(_cloud_id)

        _auth = d.pop("auth", UNSET)
        auth: ActorAuth | Unset
        if isinstance(_auth, Unset):
            auth = UNSET
        else:
            auth = ActorAuth.from_dict(_auth)

        actor = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            account_id=account_id,
            name=name,
            type_=type_,
            connector_type=connector_type,
            cloud_id=cloud_id,
            auth=auth,
        )

        actor.additional_properties = d
        return actor

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
