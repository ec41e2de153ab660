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
    parse_int,
    parse_model,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="CloudRef")


@_attrs_define
class CloudRef:
    id: UUID
    name: str
    generation: int | Unset = UNSET
    env: CloudEnvRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        name = self.name

        generation = self.generation

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if generation is not UNSET:
            field_dict["generation"] = generation
        if env is not UNSET:
            field_dict["env"] = env

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 2
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("generation", UNSET)
        if _v is UNSET:
            generation = UNSET
        else:
            _n += 1
            generation = UNSET if _v is None else (_v if type(_v) is int else parse_int(_v, "generation"))

        _v = d.get("env", UNSET)
        if _v is UNSET:
            env = UNSET
        else:
            _n += 1
            env = UNSET if _v is None else parse_model(_v, CloudEnvRef.from_dict, "env")

        cloud_ref = object.__new__(cls)
        cloud_ref.id = id
        cloud_ref.name = name
        cloud_ref.generation = generation
        cloud_ref.env = env
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        cloud_ref.additional_properties = extra
        return cloud_ref

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
        "name",
        "generation",
        "env",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.cloud_env_ref import CloudEnvRef  # noqa: E402
