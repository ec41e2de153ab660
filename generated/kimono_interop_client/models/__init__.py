"""The API's models. Each loads on first use (``from .models import Cloud`` imports only what it needs)."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_ref import AccountRef
    from .actor import Actor
    from .actor_auth import ActorAuth
    from .actor_auth_type import ActorAuthType
    from .actor_type import ActorType
    from .actors_response import ActorsResponse
    from .app_auth import AppAuth
    from .app_auth_scheme import AppAuthScheme
    from .application_auth_state import ApplicationAuthState
    from .application_auth_state_update import ApplicationAuthStateUpdate
    from .application_auth_type import ApplicationAuthType
    from .base_account_resource import BaseAccountResource
    from .base_resource import BaseResource
    from .base_tenant_resource import BaseTenantResource
    from .cloud import Cloud
    from .cloud_create import CloudCreate
    from .cloud_env_ref import CloudEnvRef
    from .cloud_ref import CloudRef
    from .cloud_response import CloudResponse
    from .clouds_response import CloudsResponse
    from .error_type import ErrorType
    from .ingestion import Ingestion
    from .ingestion_metadata import IngestionMetadata
    from .ingestion_response import IngestionResponse
    from .ingestion_state import IngestionState
    from .ingestion_type import IngestionType
    from .ingestions_response import IngestionsResponse
    from .integration import Integration
    from .integration_create import IntegrationCreate
    from .integration_ref import IntegrationRef
    from .integration_response import IntegrationResponse
    from .integration_status import IntegrationStatus
    from .integration_update import IntegrationUpdate
    from .integration_version import IntegrationVersion
    from .integration_version_response import IntegrationVersionResponse
    from .integration_version_update import IntegrationVersionUpdate
    from .integration_versions_response import IntegrationVersionsResponse
    from .integrations_response import IntegrationsResponse
    from .license_ import License
    from .mass_change_detail import MassChangeDetail
    from .open_object import OpenObject
    from .paged_data_response import PagedDataResponse
    from .paging import Paging
    from .release_state import ReleaseState
    from .rollover import Rollover
    from .rollover_failure_reason import RolloverFailureReason
    from .rollover_metadata import RolloverMetadata
    from .rollover_request import RolloverRequest
    from .rollover_response import RolloverResponse
    from .rollover_status import RolloverStatus
    from .rollover_type import RolloverType
    from .rollovers_response import RolloversResponse
    from .schedule import Schedule
    from .schedule_create import ScheduleCreate
    from .schedule_response import ScheduleResponse
    from .schedule_run import ScheduleRun
    from .schedule_type import ScheduleType
    from .schedule_update import ScheduleUpdate
    from .schedules_response import SchedulesResponse
    from .scoping_course import ScopingCourse
    from .scoping_course_input import ScopingCourseInput
    from .scoping_course_response import ScopingCourseResponse
    from .scoping_courses_create_response import ScopingCoursesCreateResponse
    from .scoping_courses_request import ScopingCoursesRequest
    from .scoping_courses_response import ScopingCoursesResponse
    from .scoping_school import ScopingSchool
    from .scoping_school_input import ScopingSchoolInput
    from .scoping_school_response import ScopingSchoolResponse
    from .scoping_schools_create_response import ScopingSchoolsCreateResponse
    from .scoping_schools_request import ScopingSchoolsRequest
    from .scoping_schools_response import ScopingSchoolsResponse
    from .single_object_response import SingleObjectResponse
    from .string_map import StringMap
    from .tenant_application import TenantApplication
    from .tenant_application_response import TenantApplicationResponse
    from .tenant_application_update import TenantApplicationUpdate
    from .tenant_info import TenantInfo
    from .tenant_info_response import TenantInfoResponse
    from .tenant_infos_response import TenantInfosResponse
    from .tenant_state import TenantState
    from .tenant_state_response import TenantStateResponse
    from .token_error import TokenError
    from .token_error_code import TokenErrorCode
    from .token_grant_type import TokenGrantType
    from .token_request import TokenRequest
    from .token_response import TokenResponse

_MODULES = {
    "AccountRef": ".account_ref",
    "Actor": ".actor",
    "ActorAuth": ".actor_auth",
    "ActorAuthType": ".actor_auth_type",
    "ActorType": ".actor_type",
    "ActorsResponse": ".actors_response",
    "AppAuth": ".app_auth",
    "AppAuthScheme": ".app_auth_scheme",
    "ApplicationAuthState": ".application_auth_state",
    "ApplicationAuthStateUpdate": ".application_auth_state_update",
    "ApplicationAuthType": ".application_auth_type",
    "BaseAccountResource": ".base_account_resource",
    "BaseResource": ".base_resource",
    "BaseTenantResource": ".base_tenant_resource",
    "Cloud": ".cloud",
    "CloudCreate": ".cloud_create",
    "CloudEnvRef": ".cloud_env_ref",
    "CloudRef": ".cloud_ref",
    "CloudResponse": ".cloud_response",
    "CloudsResponse": ".clouds_response",
    "ErrorType": ".error_type",
    "Ingestion": ".ingestion",
    "IngestionMetadata": ".ingestion_metadata",
    "IngestionResponse": ".ingestion_response",
    "IngestionState": ".ingestion_state",
    "IngestionType": ".ingestion_type",
    "IngestionsResponse": ".ingestions_response",
    "Integration": ".integration",
    "IntegrationCreate": ".integration_create",
    "IntegrationRef": ".integration_ref",
    "IntegrationResponse": ".integration_response",
    "IntegrationStatus": ".integration_status",
    "IntegrationUpdate": ".integration_update",
    "IntegrationVersion": ".integration_version",
    "IntegrationVersionResponse": ".integration_version_response",
    "IntegrationVersionUpdate": ".integration_version_update",
    "IntegrationVersionsResponse": ".integration_versions_response",
    "IntegrationsResponse": ".integrations_response",
    "License": ".license_",
    "MassChangeDetail": ".mass_change_detail",
    "OpenObject": ".open_object",
    "PagedDataResponse": ".paged_data_response",
    "Paging": ".paging",
    "ReleaseState": ".release_state",
    "Rollover": ".rollover",
    "RolloverFailureReason": ".rollover_failure_reason",
    "RolloverMetadata": ".rollover_metadata",
    "RolloverRequest": ".rollover_request",
    "RolloverResponse": ".rollover_response",
    "RolloverStatus": ".rollover_status",
    "RolloverType": ".rollover_type",
    "RolloversResponse": ".rollovers_response",
    "Schedule": ".schedule",
    "ScheduleCreate": ".schedule_create",
    "ScheduleResponse": ".schedule_response",
    "ScheduleRun": ".schedule_run",
    "ScheduleType": ".schedule_type",
    "ScheduleUpdate": ".schedule_update",
    "SchedulesResponse": ".schedules_response",
    "ScopingCourse": ".scoping_course",
    "ScopingCourseInput": ".scoping_course_input",
    "ScopingCourseResponse": ".scoping_course_response",
    "ScopingCoursesCreateResponse": ".scoping_courses_create_response",
    "ScopingCoursesRequest": ".scoping_courses_request",
    "ScopingCoursesResponse": ".scoping_courses_response",
    "ScopingSchool": ".scoping_school",
    "ScopingSchoolInput": ".scoping_school_input",
    "ScopingSchoolResponse": ".scoping_school_response",
    "ScopingSchoolsCreateResponse": ".scoping_schools_create_response",
    "ScopingSchoolsRequest": ".scoping_schools_request",
    "ScopingSchoolsResponse": ".scoping_schools_response",
    "SingleObjectResponse": ".single_object_response",
    "StringMap": ".string_map",
    "TenantApplication": ".tenant_application",
    "TenantApplicationResponse": ".tenant_application_response",
    "TenantApplicationUpdate": ".tenant_application_update",
    "TenantInfo": ".tenant_info",
    "TenantInfoResponse": ".tenant_info_response",
    "TenantInfosResponse": ".tenant_infos_response",
    "TenantState": ".tenant_state",
    "TenantStateResponse": ".tenant_state_response",
    "TokenError": ".token_error",
    "TokenErrorCode": ".token_error_code",
    "TokenGrantType": ".token_grant_type",
    "TokenRequest": ".token_request",
    "TokenResponse": ".token_response",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "AccountRef",
    "Actor",
    "ActorAuth",
    "ActorAuthType",
    "ActorsResponse",
    "ActorType",
    "AppAuth",
    "AppAuthScheme",
    "ApplicationAuthState",
    "ApplicationAuthStateUpdate",
    "ApplicationAuthType",
    "BaseAccountResource",
    "BaseResource",
    "BaseTenantResource",
    "Cloud",
    "CloudCreate",
    "CloudEnvRef",
    "CloudRef",
    "CloudResponse",
    "CloudsResponse",
    "ErrorType",
    "Ingestion",
    "IngestionMetadata",
    "IngestionResponse",
    "IngestionsResponse",
    "IngestionState",
    "IngestionType",
    "Integration",
    "IntegrationCreate",
    "IntegrationRef",
    "IntegrationResponse",
    "IntegrationsResponse",
    "IntegrationStatus",
    "IntegrationUpdate",
    "IntegrationVersion",
    "IntegrationVersionResponse",
    "IntegrationVersionsResponse",
    "IntegrationVersionUpdate",
    "License",
    "MassChangeDetail",
    "OpenObject",
    "PagedDataResponse",
    "Paging",
    "ReleaseState",
    "Rollover",
    "RolloverFailureReason",
    "RolloverMetadata",
    "RolloverRequest",
    "RolloverResponse",
    "RolloversResponse",
    "RolloverStatus",
    "RolloverType",
    "Schedule",
    "ScheduleCreate",
    "ScheduleResponse",
    "ScheduleRun",
    "SchedulesResponse",
    "ScheduleType",
    "ScheduleUpdate",
    "ScopingCourse",
    "ScopingCourseInput",
    "ScopingCourseResponse",
    "ScopingCoursesCreateResponse",
    "ScopingCoursesRequest",
    "ScopingCoursesResponse",
    "ScopingSchool",
    "ScopingSchoolInput",
    "ScopingSchoolResponse",
    "ScopingSchoolsCreateResponse",
    "ScopingSchoolsRequest",
    "ScopingSchoolsResponse",
    "SingleObjectResponse",
    "StringMap",
    "TenantApplication",
    "TenantApplicationResponse",
    "TenantApplicationUpdate",
    "TenantInfo",
    "TenantInfoResponse",
    "TenantInfosResponse",
    "TenantState",
    "TenantStateResponse",
    "TokenError",
    "TokenErrorCode",
    "TokenGrantType",
    "TokenRequest",
    "TokenResponse",
)
