"""Contains all the data models used in inputs/outputs"""

from .account_ref import AccountRef
from .actor import Actor
from .actor_auth import ActorAuth
from .actor_type import ActorType
from .actors_response import ActorsResponse
from .app_auth import AppAuth
from .app_auth_scheme import AppAuthScheme
from .application_auth_state import ApplicationAuthState
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
from .rollover_sort import RolloverSort
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
from .scoping_course_response import ScopingCourseResponse
from .scoping_courses_create_response import ScopingCoursesCreateResponse
from .scoping_courses_request import ScopingCoursesRequest
from .scoping_courses_response import ScopingCoursesResponse
from .scoping_school import ScopingSchool
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

__all__ = (
    "AccountRef",
    "Actor",
    "ActorAuth",
    "ActorsResponse",
    "ActorType",
    "AppAuth",
    "AppAuthScheme",
    "ApplicationAuthState",
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
    "RolloverSort",
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
    "ScopingCourseResponse",
    "ScopingCoursesCreateResponse",
    "ScopingCoursesRequest",
    "ScopingCoursesResponse",
    "ScopingSchool",
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
)
