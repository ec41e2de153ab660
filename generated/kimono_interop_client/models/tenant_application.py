from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_auth_state import ApplicationAuthState
from ..models.application_auth_type import ApplicationAuthType
from ..types import (
    UNSET,
    Unset,
    mask_secret,
    mask_secret_keys,
    parse_bool,
    parse_enum,
    parse_model,
    parse_str,
    parse_uuid,
    require_object,
)

T = TypeVar("T", bound="TenantApplication")


@_attrs_define
class TenantApplication:
    """The tenant application's authentication parameters (defined in the integration blueprint) and configuration options.
    `auth_props` and `auth_props_pending` may hold secrets.

    """

    account_id: UUID
    tenant_id: UUID
    deliver_tasks: bool | Unset = UNSET
    validate_tasks: bool | Unset = UNSET
    """ Added in the November 2025 docs. """
    auth_type: ApplicationAuthType | Unset = UNSET
    """ Known values: `unspecified` (the docs' example). Also listed: `none` (guessed: not in the docs), `basic`
    (guessed: not in the docs), `oauth2` (guessed: not in the docs) and `api_key` (guessed: not in the docs). """
    auth_state: ApplicationAuthState | Unset = UNSET
    """ The docs name `updating`, `confirmed` and `error`, and show `unspecified`. """
    options: StringMap | Unset = UNSET
    auth_props: StringMap | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    auth_session_id_pending: UUID | Unset = UNSET
    auth_message: str | Unset = UNSET
    auth_props_pending: StringMap | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    auth_state_pending: ApplicationAuthState | Unset = UNSET
    """ The docs name `updating`, `confirmed` and `error`, and show `unspecified`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        account_id = str(self.account_id)

        tenant_id = str(self.tenant_id)

        deliver_tasks = self.deliver_tasks

        validate_tasks = self.validate_tasks

        auth_type: str | Unset = UNSET
        if not isinstance(self.auth_type, Unset):
            auth_type = self.auth_type.value

        auth_state: str | Unset = UNSET
        if not isinstance(self.auth_state, Unset):
            auth_state = self.auth_state.value

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        auth_props: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_props, Unset):
            auth_props = self.auth_props.to_dict()

        auth_session_id_pending: str | Unset = UNSET
        if not isinstance(self.auth_session_id_pending, Unset):
            auth_session_id_pending = str(self.auth_session_id_pending)

        auth_message = self.auth_message

        auth_props_pending: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_props_pending, Unset):
            auth_props_pending = self.auth_props_pending.to_dict()

        auth_state_pending: str | Unset = UNSET
        if not isinstance(self.auth_state_pending, Unset):
            auth_state_pending = self.auth_state_pending.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account_id": account_id,
                "tenant_id": tenant_id,
            }
        )
        if deliver_tasks is not UNSET:
            field_dict["deliver_tasks"] = deliver_tasks
        if validate_tasks is not UNSET:
            field_dict["validate_tasks"] = validate_tasks
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if auth_state is not UNSET:
            field_dict["auth_state"] = auth_state
        if options is not UNSET:
            field_dict["options"] = options
        if auth_props is not UNSET:
            field_dict["auth_props"] = auth_props
        if auth_session_id_pending is not UNSET:
            field_dict["auth_session_id_pending"] = auth_session_id_pending
        if auth_message is not UNSET:
            field_dict["auth_message"] = auth_message
        if auth_props_pending is not UNSET:
            field_dict["auth_props_pending"] = auth_props_pending
        if auth_state_pending is not UNSET:
            field_dict["auth_state_pending"] = auth_state_pending

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 2
        _v = d.get("account_id", UNSET)
        account_id = parse_uuid(_v, "account_id")

        _v = d.get("tenant_id", UNSET)
        tenant_id = parse_uuid(_v, "tenant_id")

        _v = d.get("deliver_tasks", UNSET)
        if _v is UNSET:
            deliver_tasks = UNSET
        else:
            _n += 1
            deliver_tasks = UNSET if _v is None else (_v if type(_v) is bool else parse_bool(_v, "deliver_tasks"))

        _v = d.get("validate_tasks", UNSET)
        if _v is UNSET:
            validate_tasks = UNSET
        else:
            _n += 1
            validate_tasks = UNSET if _v is None else (_v if type(_v) is bool else parse_bool(_v, "validate_tasks"))

        _v = d.get("auth_type", UNSET)
        if _v is UNSET:
            auth_type = UNSET
        else:
            _n += 1
            auth_type = UNSET if _v is None else parse_enum(_v, ApplicationAuthType, "auth_type")

        _v = d.get("auth_state", UNSET)
        if _v is UNSET:
            auth_state = UNSET
        else:
            _n += 1
            auth_state = UNSET if _v is None else parse_enum(_v, ApplicationAuthState, "auth_state")

        _v = d.get("options", UNSET)
        if _v is UNSET:
            options = UNSET
        else:
            _n += 1
            options = UNSET if _v is None else parse_model(_v, StringMap.from_dict, "options")

        _v = d.get("auth_props", UNSET)
        if _v is UNSET:
            auth_props = UNSET
        else:
            _n += 1
            auth_props = UNSET if _v is None else parse_model(_v, StringMap.from_dict, "auth_props")

        _v = d.get("auth_session_id_pending", UNSET)
        if _v is UNSET:
            auth_session_id_pending = UNSET
        else:
            _n += 1
            auth_session_id_pending = UNSET if _v is None else parse_uuid(_v, "auth_session_id_pending")

        _v = d.get("auth_message", UNSET)
        if _v is UNSET:
            auth_message = UNSET
        else:
            _n += 1
            auth_message = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "auth_message"))

        _v = d.get("auth_props_pending", UNSET)
        if _v is UNSET:
            auth_props_pending = UNSET
        else:
            _n += 1
            auth_props_pending = UNSET if _v is None else parse_model(_v, StringMap.from_dict, "auth_props_pending")

        _v = d.get("auth_state_pending", UNSET)
        if _v is UNSET:
            auth_state_pending = UNSET
        else:
            _n += 1
            auth_state_pending = UNSET if _v is None else parse_enum(_v, ApplicationAuthState, "auth_state_pending")

        tenant_application = object.__new__(cls)
        tenant_application.account_id = account_id
        tenant_application.tenant_id = tenant_id
        tenant_application.deliver_tasks = deliver_tasks
        tenant_application.validate_tasks = validate_tasks
        tenant_application.auth_type = auth_type
        tenant_application.auth_state = auth_state
        tenant_application.options = options
        tenant_application.auth_props = auth_props
        tenant_application.auth_session_id_pending = auth_session_id_pending
        tenant_application.auth_message = auth_message
        tenant_application.auth_props_pending = auth_props_pending
        tenant_application.auth_state_pending = auth_state_pending
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        tenant_application.additional_properties = extra
        return tenant_application

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
        "account_id",
        "tenant_id",
        "deliver_tasks",
        "validate_tasks",
        "auth_type",
        "auth_state",
        "options",
        "auth_props",
        "auth_session_id_pending",
        "auth_message",
        "auth_props_pending",
        "auth_state_pending",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.string_map import StringMap  # noqa: E402
