from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_type import ActorType
from ..types import (
    UNSET,
    Unset,
    mask_secret_keys,
    parse_datetime,
    parse_enum,
    parse_model,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="Actor")


@_attrs_define
class Actor:
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    name: str
    type_: ActorType
    account_id: UUID | Unset = UNSET
    connector_type: str | Unset = UNSET
    """ A connector's kind (values unpublished); for connectors only. """
    cloud_id: UUID | Unset = UNSET
    auth: ActorAuth | Unset = UNSET
    """ An actor's credentials. `client_secret` is a secret. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        name = self.name

        type_ = self.type_.value

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        connector_type = self.connector_type

        cloud_id: str | Unset = UNSET
        if not isinstance(self.cloud_id, Unset):
            cloud_id = str(self.cloud_id)

        auth: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth, Unset):
            auth = self.auth.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "name": name,
                "type": type_,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if connector_type is not UNSET:
            field_dict["connector_type"] = connector_type
        if cloud_id is not UNSET:
            field_dict["cloud_id"] = cloud_id
        if auth is not UNSET:
            field_dict["auth"] = auth

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 5
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("created_at", UNSET)
        created_at = parse_datetime(_v, "created_at")

        _v = d.get("updated_at", UNSET)
        updated_at = parse_datetime(_v, "updated_at")

        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("type", UNSET)
        type_ = parse_enum(_v, ActorType, "type")

        _v = d.get("account_id", UNSET)
        if _v is UNSET:
            account_id = UNSET
        else:
            _n += 1
            account_id = UNSET if _v is None else parse_uuid(_v, "account_id")

        _v = d.get("connector_type", UNSET)
        if _v is UNSET:
            connector_type = UNSET
        else:
            _n += 1
            connector_type = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "connector_type"))

        _v = d.get("cloud_id", UNSET)
        if _v is UNSET:
            cloud_id = UNSET
        else:
            _n += 1
            cloud_id = UNSET if _v is None else parse_uuid(_v, "cloud_id")

        _v = d.get("auth", UNSET)
        if _v is UNSET:
            auth = UNSET
        else:
            _n += 1
            auth = UNSET if _v is None else parse_model(_v, ActorAuth.from_dict, "auth")

        actor = object.__new__(cls)
        actor.id = id
        actor.created_at = created_at
        actor.updated_at = updated_at
        actor.name = name
        actor.type_ = type_
        actor.account_id = account_id
        actor.connector_type = connector_type
        actor.cloud_id = cloud_id
        actor.auth = auth
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        actor.additional_properties = extra
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


_FIELDS: frozenset[str] = frozenset(
    (
        "id",
        "created_at",
        "updated_at",
        "name",
        "type",
        "account_id",
        "connector_type",
        "cloud_id",
        "auth",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.actor_auth import ActorAuth  # noqa: E402
