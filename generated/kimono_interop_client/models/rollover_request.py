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
    parse_model,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="RolloverRequest")


@_attrs_define
class RolloverRequest:
    """A rollover as createRollover and updateRollover send it. The service derives the rollover's `name`, `start_date` and
    `end_date`; a request cannot set them.

    """

    type_: str
    """ The rollover's type. Known values: `new_year` (the only one the docs show). """
    status: str
    """ The rollover's status. Known values: `upcoming` (the docs' example) and `active` (the docs' 409 for deleting
    an active rollover). Also possible: `completed` (guessed: not in the docs), `failed` (guessed: not in the docs)
    and `cancelled` (guessed: not in the docs). """
    cloud_id: UUID
    """ The Interop Cloud the rollover applies to. """
    actor_id: UUID | Unset = UNSET
    """ The actor the rollover applies to. """
    metadata: RolloverMetadata | Unset = UNSET
    """ Nested objects whose shape the docs do not show; kept open. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        type_ = self.type_

        status = self.status

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
                "type": type_,
                "status": status,
                "cloud_id": cloud_id,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 3
        _v = d.get("type", UNSET)
        type_ = _v if type(_v) is str else parse_str(_v, "type")

        _v = d.get("status", UNSET)
        status = _v if type(_v) is str else parse_str(_v, "status")

        _v = d.get("cloud_id", UNSET)
        cloud_id = parse_uuid(_v, "cloud_id")

        _v = d.get("actor_id", UNSET)
        if _v is UNSET:
            actor_id = UNSET
        else:
            _n += 1
            actor_id = UNSET if _v is None else parse_uuid(_v, "actor_id")

        _v = d.get("metadata", UNSET)
        if _v is UNSET:
            metadata = UNSET
        else:
            _n += 1
            metadata = UNSET if _v is None else parse_model(_v, RolloverMetadata.from_dict, "metadata")

        rollover_request = object.__new__(cls)
        rollover_request.type_ = type_
        rollover_request.status = status
        rollover_request.cloud_id = cloud_id
        rollover_request.actor_id = actor_id
        rollover_request.metadata = metadata
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        rollover_request.additional_properties = extra
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


_FIELDS: frozenset[str] = frozenset(
    (
        "type",
        "status",
        "cloud_id",
        "actor_id",
        "metadata",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.rollover_metadata import RolloverMetadata  # noqa: E402
