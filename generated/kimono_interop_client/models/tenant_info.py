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

T = TypeVar("T", bound="TenantInfo")


@_attrs_define
class TenantInfo:
    """A licensed and authorized integration tenant, with its actor's credentials."""

    id: UUID
    name: str
    actor_id: UUID
    account: AccountRef | Unset = UNSET
    cloud: CloudRef | Unset = UNSET
    integration: IntegrationRef | Unset = UNSET
    license_: License | Unset = UNSET
    status: IntegrationStatus | Unset = UNSET
    sis_status: IntegrationStatus | Unset = UNSET
    auth: ActorAuth | Unset = UNSET
    """ An actor's credentials. `client_secret` is a secret. """
    app_auth: AppAuth | Unset = UNSET
    """ The tenant application's own credentials toward the third-party system. Every field but `scheme` is a secret
    or may be one. """
    lti_developer_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        id = str(self.id)

        name = self.name

        actor_id = str(self.actor_id)

        account: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account, Unset):
            account = self.account.to_dict()

        cloud: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cloud, Unset):
            cloud = self.cloud.to_dict()

        integration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.integration, Unset):
            integration = self.integration.to_dict()

        license_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.license_, Unset):
            license_ = self.license_.to_dict()

        status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.to_dict()

        sis_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sis_status, Unset):
            sis_status = self.sis_status.to_dict()

        auth: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth, Unset):
            auth = self.auth.to_dict()

        app_auth: dict[str, Any] | Unset = UNSET
        if not isinstance(self.app_auth, Unset):
            app_auth = self.app_auth.to_dict()

        lti_developer_id = self.lti_developer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "actor_id": actor_id,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account
        if cloud is not UNSET:
            field_dict["cloud"] = cloud
        if integration is not UNSET:
            field_dict["integration"] = integration
        if license_ is not UNSET:
            field_dict["license"] = license_
        if status is not UNSET:
            field_dict["status"] = status
        if sis_status is not UNSET:
            field_dict["sis_status"] = sis_status
        if auth is not UNSET:
            field_dict["auth"] = auth
        if app_auth is not UNSET:
            field_dict["app_auth"] = app_auth
        if lti_developer_id is not UNSET:
            field_dict["lti_developer_id"] = lti_developer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 3
        _v = d.get("id", UNSET)
        id = parse_uuid(_v, "id")

        _v = d.get("name", UNSET)
        name = _v if type(_v) is str else parse_str(_v, "name")

        _v = d.get("actor_id", UNSET)
        actor_id = parse_uuid(_v, "actor_id")

        _v = d.get("account", UNSET)
        if _v is UNSET:
            account = UNSET
        else:
            _n += 1
            account = UNSET if _v is None else parse_model(_v, AccountRef.from_dict, "account")

        _v = d.get("cloud", UNSET)
        if _v is UNSET:
            cloud = UNSET
        else:
            _n += 1
            cloud = UNSET if _v is None else parse_model(_v, CloudRef.from_dict, "cloud")

        _v = d.get("integration", UNSET)
        if _v is UNSET:
            integration = UNSET
        else:
            _n += 1
            integration = UNSET if _v is None else parse_model(_v, IntegrationRef.from_dict, "integration")

        _v = d.get("license", UNSET)
        if _v is UNSET:
            license_ = UNSET
        else:
            _n += 1
            license_ = UNSET if _v is None else parse_model(_v, License.from_dict, "license")

        _v = d.get("status", UNSET)
        if _v is UNSET:
            status = UNSET
        else:
            _n += 1
            status = UNSET if _v is None else parse_model(_v, IntegrationStatus.from_dict, "status")

        _v = d.get("sis_status", UNSET)
        if _v is UNSET:
            sis_status = UNSET
        else:
            _n += 1
            sis_status = UNSET if _v is None else parse_model(_v, IntegrationStatus.from_dict, "sis_status")

        _v = d.get("auth", UNSET)
        if _v is UNSET:
            auth = UNSET
        else:
            _n += 1
            auth = UNSET if _v is None else parse_model(_v, ActorAuth.from_dict, "auth")

        _v = d.get("app_auth", UNSET)
        if _v is UNSET:
            app_auth = UNSET
        else:
            _n += 1
            app_auth = UNSET if _v is None else parse_model(_v, AppAuth.from_dict, "app_auth")

        _v = d.get("lti_developer_id", UNSET)
        if _v is UNSET:
            lti_developer_id = UNSET
        else:
            _n += 1
            lti_developer_id = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "lti_developer_id"))

        tenant_info = object.__new__(cls)
        tenant_info.id = id
        tenant_info.name = name
        tenant_info.actor_id = actor_id
        tenant_info.account = account
        tenant_info.cloud = cloud
        tenant_info.integration = integration
        tenant_info.license_ = license_
        tenant_info.status = status
        tenant_info.sis_status = sis_status
        tenant_info.auth = auth
        tenant_info.app_auth = app_auth
        tenant_info.lti_developer_id = lti_developer_id
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        tenant_info.additional_properties = extra
        return tenant_info

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
        "actor_id",
        "account",
        "cloud",
        "integration",
        "license",
        "status",
        "sis_status",
        "auth",
        "app_auth",
        "lti_developer_id",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""


# Imported after the class: models that refer to each other resolve at run time without cycles.
from ..models.account_ref import AccountRef  # noqa: E402
from ..models.actor_auth import ActorAuth  # noqa: E402
from ..models.app_auth import AppAuth  # noqa: E402
from ..models.cloud_ref import CloudRef  # noqa: E402
from ..models.integration_ref import IntegrationRef  # noqa: E402
from ..models.integration_status import IntegrationStatus  # noqa: E402
from ..models.license_ import License  # noqa: E402
