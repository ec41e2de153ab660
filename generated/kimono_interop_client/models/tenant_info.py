from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_ref import AccountRef
    from ..models.actor_auth import ActorAuth
    from ..models.app_auth import AppAuth
    from ..models.cloud_ref import CloudRef
    from ..models.integration_ref import IntegrationRef
    from ..models.integration_status import IntegrationStatus
    from ..models.license_ import License


T = TypeVar("T", bound="TenantInfo")


@_attrs_define
class TenantInfo:
    """A licensed and authorized integration tenant, with its actor's credentials."""

    id: UUID
    name: str | Unset = UNSET
    actor_id: UUID | Unset = UNSET
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
    lti_developer_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        actor_id: str | Unset = UNSET
        if not isinstance(self.actor_id, Unset):
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

        lti_developer_id: None | str | Unset
        if isinstance(self.lti_developer_id, Unset):
            lti_developer_id = UNSET
        else:
            lti_developer_id = self.lti_developer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
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
        from ..models.account_ref import AccountRef  # noqa: PLC0415
        from ..models.actor_auth import ActorAuth  # noqa: PLC0415
        from ..models.app_auth import AppAuth  # noqa: PLC0415
        from ..models.cloud_ref import CloudRef  # noqa: PLC0415
        from ..models.integration_ref import IntegrationRef  # noqa: PLC0415
        from ..models.integration_status import IntegrationStatus  # noqa: PLC0415
        from ..models.license_ import License  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name", UNSET)

        _actor_id = d.pop("actor_id", UNSET)
        actor_id: UUID | Unset
        if isinstance(_actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = UUID(_actor_id)

        _account = d.pop("account", UNSET)
        account: AccountRef | Unset
        if isinstance(_account, Unset):
            account = UNSET
        else:
            account = AccountRef.from_dict(_account)

        _cloud = d.pop("cloud", UNSET)
        cloud: CloudRef | Unset
        if isinstance(_cloud, Unset):
            cloud = UNSET
        else:
            cloud = CloudRef.from_dict(_cloud)

        _integration = d.pop("integration", UNSET)
        integration: IntegrationRef | Unset
        if isinstance(_integration, Unset):
            integration = UNSET
        else:
            integration = IntegrationRef.from_dict(_integration)

        _license_ = d.pop("license", UNSET)
        license_: License | Unset
        if isinstance(_license_, Unset):
            license_ = UNSET
        else:
            license_ = License.from_dict(_license_)

        _status = d.pop("status", UNSET)
        status: IntegrationStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = IntegrationStatus.from_dict(_status)

        _sis_status = d.pop("sis_status", UNSET)
        sis_status: IntegrationStatus | Unset
        if isinstance(_sis_status, Unset):
            sis_status = UNSET
        else:
            sis_status = IntegrationStatus.from_dict(_sis_status)

        _auth = d.pop("auth", UNSET)
        auth: ActorAuth | Unset
        if isinstance(_auth, Unset):
            auth = UNSET
        else:
            auth = ActorAuth.from_dict(_auth)

        _app_auth = d.pop("app_auth", UNSET)
        app_auth: AppAuth | Unset
        if isinstance(_app_auth, Unset):
            app_auth = UNSET
        else:
            app_auth = AppAuth.from_dict(_app_auth)

        def _parse_lti_developer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lti_developer_id = _parse_lti_developer_id(d.pop("lti_developer_id", UNSET))

        tenant_info = cls(
            id=id,
            name=name,
            actor_id=actor_id,
            account=account,
            cloud=cloud,
            integration=integration,
            license_=license_,
            status=status,
            sis_status=sis_status,
            auth=auth,
            app_auth=app_auth,
            lti_developer_id=lti_developer_id,
        )

        tenant_info.additional_properties = d
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
