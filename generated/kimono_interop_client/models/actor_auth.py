from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_auth_type import ActorAuthType
from ..types import (
    UNSET,
    Unset,
    mask_secret,
    mask_secret_keys,
    parse_datetime,
    parse_enum,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="ActorAuth")


@_attrs_define
class ActorAuth:
    """An actor's credentials. `client_secret` is a secret."""

    type_: ActorAuthType
    """ How an actor authenticates: `oauth2` (exchange client_id and client_secret for a token at /oauth/token) or
    `basic` (send them as HTTP Basic). Values are case-insensitive (`OAuth2` is `oauth2`). Clients must accept
    unknown values: they are kept as sent. """
    client_id: str
    client_secret: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        type_ = self.type_.value

        client_id = self.client_id

        client_secret = self.client_secret

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "client_id": client_id,
            }
        )
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 2
        _v = d.get("type", UNSET)
        type_ = parse_enum(_v, ActorAuthType, "type")

        _v = d.get("client_id", UNSET)
        client_id = _v if type(_v) is str else parse_str(_v, "client_id")

        _v = d.get("client_secret", UNSET)
        if _v is UNSET:
            client_secret = UNSET
        else:
            _n += 1
            client_secret = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "client_secret"))

        _v = d.get("updated_at", UNSET)
        if _v is UNSET:
            updated_at = UNSET
        else:
            _n += 1
            updated_at = UNSET if _v is None else parse_datetime(_v, "updated_at")

        actor_auth = object.__new__(cls)
        actor_auth.type_ = type_
        actor_auth.client_id = client_id
        actor_auth.client_secret = client_secret
        actor_auth.updated_at = updated_at
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        actor_auth.additional_properties = extra
        return actor_auth

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
        "type",
        "client_id",
        "client_secret",
        "updated_at",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
