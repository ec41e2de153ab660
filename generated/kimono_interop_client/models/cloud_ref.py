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
        d = require_object(src_dict)
        _v = d.pop("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.pop("name", UNSET)
        name = parse_str(_v, "name")

        _v = d.pop("generation", UNSET)
        generation = UNSET if _v is UNSET or _v is None else parse_int(_v, "generation")

        _v = d.pop("env", UNSET)
        env = UNSET if _v is UNSET or _v is None else parse_model(_v, CloudEnvRef.from_dict, "env")

        cloud_ref = cls(
            id=id,
            name=name,
            generation=generation,
            env=env,
        )
        cloud_ref.additional_properties = d
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


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.cloud_env_ref import CloudEnvRef  # noqa: E402
