"""Every response example of the Interop API's reference docs, copied as literal data.

Source: the API's two rendered reference pages, "Interop API" on Kimono's developer docs, as
rendered in July 2025 (OAuth2 bearer auth) and in November 2025 ("LTI JWT" bearer auth). Each
entry is the response example one operation shows below its request block (``GET /v2/interop/...
HTTP/1.1``) and its response title ("Clouds response" and the like; some create and update
operations show the example without a title): the JSON, or the bare integer of a count endpoint,
exactly as the page shows it. The docs' ``null``s (``"data": [null, {...}]`` is how their renderer
shows ``allOf: [BaseResource, {...}]``), their ``"text"`` and ``"password"`` placeholders and their
timestamps are kept as they are; request bodies are left out.

July 2025 shows 45 operations, 37 with a response example and 8 with "No content"; November 2025
shows 51 (adding ``DELETE`` for clouds, integrations and the scoping schools and courses, bulk and
single), 37 with a response example and 14 with "No content". The two pages' examples differ only
in their timestamps, ``validate_tasks`` (tenant application) and ``mass_change_details``
(ingestions), both added in November 2025.

The data is copied here so that tests never read anything outside the repository: a user's clone
has no copy of the pages. Operation ids and path templates are the spec's
(``openapi/interop-v2.yaml``); the docs' paths are already its templates.
"""

from __future__ import annotations

from typing import Final, NamedTuple, TypeAlias

JSON: TypeAlias = bool | int | float | str | list["JSON"] | dict[str, "JSON"] | None
"""A parsed JSON value."""

JULY_2025: Final = "2025-07"
"""The reference page rendered in July 2025 (OAuth2 bearer auth)."""
NOVEMBER_2025: Final = "2025-11"
"""The reference page rendered in November 2025 ("LTI JWT" bearer auth); where the two differ,
this one stands."""
PAGES: Final = (JULY_2025, NOVEMBER_2025)


class DocExample(NamedTuple):
    """One operation's response example on one page."""

    page: str
    """`JULY_2025` or `NOVEMBER_2025`."""
    method: str
    path_template: str
    operation_id: str
    example: JSON
    """The example's JSON as the page shows it (a bare integer for the count endpoints)."""


class DocNoContent(NamedTuple):
    """An operation whose response the page shows as "No content" (a 204 without a body)."""

    page: str
    method: str
    path_template: str
    operation_id: str


DOC_EXAMPLES: Final[tuple[DocExample, ...]] = (
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/actors",
        "listActors",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "type": "connector",
                    "connector_type": "text",
                    "auth": {
                        "type": "text",
                        "client_id": "text",
                        "client_secret": "password",
                        "updated_at": "2025-07-04T16:18:06.444Z",
                    },
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/clouds",
        "listClouds",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "userdata": "text",
                    "generation": 1,
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/clouds",
        "createCloud",
        {
            "data": {
                "name": "text",
                "userdata": "text",
                "generation": 1,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/clouds/search",
        "searchClouds",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "userdata": "text",
                    "generation": 1,
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/clouds/{id}",
        "findCloud",
        {
            "data": {
                "name": "text",
                "userdata": "text",
                "generation": 1,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/clouds/{id}/actors",
        "listActorsByCloud",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "type": "connector",
                    "connector_type": "text",
                    "auth": {
                        "type": "text",
                        "client_id": "text",
                        "client_secret": "password",
                        "updated_at": "2025-07-04T16:18:06.444Z",
                    },
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/integrations",
        "listIntegrations",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "title": "text",
                    "version": "text",
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/integrations",
        "createIntegration",
        {
            "data": {
                "name": "text",
                "title": "text",
                "version": "text",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/integrations/{id}/versions",
        "listIntegrationVersions",
        {
            "data": [
                None,
                {
                    "version": "text",
                    "title": "text",
                    "release_state": "unspecified",
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/integrations/{id}/versions",
        "createIntegrationVersion",
        {
            "data": {
                "version": "text",
                "title": "text",
                "release_state": "unspecified",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "PUT",
        "/v2/interop/integrations/{id}/versions/{version}/blueprint",
        "updateIntegrationBlueprint",
        {
            "data": {
                "version": "text",
                "title": "text",
                "release_state": "unspecified",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/integrations/{id}",
        "findIntegration",
        {
            "data": {
                "name": "text",
                "title": "text",
                "version": "text",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenants",
        "listInteropTenants",
        {
            "data": [
                {
                    "id": "123e4567-e89b-12d3-a456-426614174000",
                    "name": "text",
                    "actor_id": "123e4567-e89b-12d3-a456-426614174000",
                    "account": None,
                    "cloud": None,
                    "integration": None,
                    "auth": {
                        "type": "text",
                        "client_id": "text",
                        "client_secret": "password",
                        "updated_at": "2025-07-04T16:18:06.444Z",
                    },
                    "app_auth": {
                        "scheme": "oauth2",
                        "token": "text",
                        "refresh_token": "text",
                        "client_id": "text",
                        "client_secret": "text",
                        "username": "text",
                        "password": "text",
                        "api_key": "text",
                    },
                    "lti_developer_id": "text",
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenants/{id}",
        "findInteropTenant",
        {
            "data": {
                "id": "123e4567-e89b-12d3-a456-426614174000",
                "name": "text",
                "actor_id": "123e4567-e89b-12d3-a456-426614174000",
                "account": None,
                "cloud": None,
                "integration": None,
                "auth": {
                    "type": "text",
                    "client_id": "text",
                    "client_secret": "password",
                    "updated_at": "2025-07-04T16:18:06.444Z",
                },
                "app_auth": {
                    "scheme": "oauth2",
                    "token": "text",
                    "refresh_token": "text",
                    "client_id": "text",
                    "client_secret": "text",
                    "username": "text",
                    "password": "text",
                    "api_key": "text",
                },
                "lti_developer_id": "text",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant",
        "getTenant",
        {
            "data": {
                "id": "123e4567-e89b-12d3-a456-426614174000",
                "name": "text",
                "actor_id": "123e4567-e89b-12d3-a456-426614174000",
                "account": None,
                "cloud": None,
                "integration": None,
                "auth": {
                    "type": "text",
                    "client_id": "text",
                    "client_secret": "password",
                    "updated_at": "2025-07-04T16:18:06.444Z",
                },
                "app_auth": {
                    "scheme": "oauth2",
                    "token": "text",
                    "refresh_token": "text",
                    "client_id": "text",
                    "client_secret": "text",
                    "username": "text",
                    "password": "text",
                    "api_key": "text",
                },
                "lti_developer_id": "text",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/state",
        "getTenantState",
        {
            "data": {
                "rollover_mode_enabled": True,
                "synchronization_suspended": True,
                "setup_mode_enabled": True,
                "mass_change_pending": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/scoping/schools",
        "listScopingSchools",
        {
            "data": [
                {
                    "account_id": "123e4567-e89b-12d3-a456-426614174000",
                    "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                    "school_id": "123e4567-e89b-12d3-a456-426614174000",
                    "school_ref_id": "text",
                    "name": "text",
                    "local_id": "text",
                    "keywords": "text",
                    "selected": True,
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/tenant/scoping/schools",
        "createScopingSchools",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/scoping/schools/{id}",
        "findScopingSchool",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "PUT",
        "/v2/interop/tenant/scoping/schools/{id}",
        "updateScopingSchool",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/scoping/courses",
        "listScopingCourses",
        {
            "data": [
                {
                    "account_id": "123e4567-e89b-12d3-a456-426614174000",
                    "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                    "course_id": "123e4567-e89b-12d3-a456-426614174000",
                    "course_ref_id": "text",
                    "school_id": "123e4567-e89b-12d3-a456-426614174000",
                    "school_ref_id": "text",
                    "name": "text",
                    "local_id": "text",
                    "keywords": "text",
                    "selected": True,
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/tenant/scoping/courses",
        "createScopingCourses",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_ref_id": "text",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/scoping/courses/{id}",
        "findScopingCourse",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_ref_id": "text",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "PUT",
        "/v2/interop/tenant/scoping/courses/{id}",
        "updateScopingCourse",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_ref_id": "text",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/application",
        "getTenantApplication",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "deliver_tasks": True,
                "auth_type": "unspecified",
                "auth_state": "unspecified",
                "options": {
                    "ANY_ADDITIONAL_PROPERTY": "text",
                },
                "auth_props": {
                    "ANY_ADDITIONAL_PROPERTY": "text",
                },
                "auth_session_id_pending": "123e4567-e89b-12d3-a456-426614174000",
                "auth_message": "text",
                "auth_props_pending": {
                    "ANY_ADDITIONAL_PROPERTY": "text",
                },
                "auth_state_pending": "unspecified",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/rollovers",
        "listRollovers",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "type": "new_year",
                    "start_date": "2025-07-04T16:18:06.444Z",
                    "end_date": "2025-07-04T16:18:06.444Z",
                    "metadata": {
                        "created": None,
                        "updated": None,
                    },
                    "status": "upcoming",
                    "status_change_failure_count": 1,
                    "failure_reason": "alreadyInRolloverMode",
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/tenant/rollovers",
        "createRollover",
        {
            "data": {
                "name": "text",
                "type": "new_year",
                "start_date": "2025-07-04T16:18:06.444Z",
                "end_date": "2025-07-04T16:18:06.444Z",
                "metadata": {
                    "created": None,
                    "updated": None,
                },
                "status": "upcoming",
                "status_change_failure_count": 1,
                "failure_reason": "alreadyInRolloverMode",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/rollovers/count",
        "countRollovers",
        1,
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/rollovers/{id}",
        "findRollover",
        {
            "data": {
                "name": "text",
                "type": "new_year",
                "start_date": "2025-07-04T16:18:06.444Z",
                "end_date": "2025-07-04T16:18:06.444Z",
                "metadata": {
                    "created": None,
                    "updated": None,
                },
                "status": "upcoming",
                "status_change_failure_count": 1,
                "failure_reason": "alreadyInRolloverMode",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "PUT",
        "/v2/interop/tenant/rollovers/{id}",
        "updateRollover",
        {
            "data": {
                "name": "text",
                "type": "new_year",
                "start_date": "2025-07-04T16:18:06.444Z",
                "end_date": "2025-07-04T16:18:06.444Z",
                "metadata": {
                    "created": None,
                    "updated": None,
                },
                "status": "upcoming",
                "status_change_failure_count": 1,
                "failure_reason": "alreadyInRolloverMode",
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/schedules",
        "listSchedules",
        {
            "data": [
                None,
                {
                    "type": "unspecified",
                    "last_executed_at": "2025-07-04T16:18:06.444Z",
                    "enabled": True,
                    "hour": 1,
                    "days": "text",
                    "metadata": None,
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "POST",
        "/v2/interop/tenant/schedules",
        "createSchedule",
        {
            "data": {
                "type": "unspecified",
                "last_executed_at": "2025-07-04T16:18:06.444Z",
                "enabled": True,
                "hour": 1,
                "days": "text",
                "metadata": None,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/schedules/count",
        "countSchedules",
        1,
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/tenant/schedules/{id}",
        "findSchedule",
        {
            "data": {
                "type": "unspecified",
                "last_executed_at": "2025-07-04T16:18:06.444Z",
                "enabled": True,
                "hour": 1,
                "days": "text",
                "metadata": None,
            },
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/ingestions",
        "listIngestions",
        {
            "data": [
                None,
                {
                    "type": "unspecified",
                    "state": "unspecified",
                    "started_at": "2025-07-04T16:18:06.444Z",
                    "external_import_ids": [
                        "text",
                    ],
                    "has_pending_task": True,
                    "metadata": {
                        "scheduled": None,
                    },
                },
            ],
        },
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/ingestions/count",
        "countIngestions",
        1,
    ),
    DocExample(
        JULY_2025,
        "GET",
        "/v2/interop/ingestions/{id}",
        "findIngestion",
        {
            "data": {
                "type": "unspecified",
                "state": "unspecified",
                "started_at": "2025-07-04T16:18:06.444Z",
                "external_import_ids": [
                    "text",
                ],
                "has_pending_task": True,
                "metadata": {
                    "scheduled": None,
                },
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/actors",
        "listActors",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "type": "connector",
                    "connector_type": "text",
                    "auth": {
                        "type": "text",
                        "client_id": "text",
                        "client_secret": "password",
                        "updated_at": "2025-11-16T12:17:04.959Z",
                    },
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/clouds",
        "listClouds",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "userdata": "text",
                    "generation": 1,
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/clouds",
        "createCloud",
        {
            "data": {
                "name": "text",
                "userdata": "text",
                "generation": 1,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/clouds/search",
        "searchClouds",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "userdata": "text",
                    "generation": 1,
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/clouds/{id}",
        "findCloud",
        {
            "data": {
                "name": "text",
                "userdata": "text",
                "generation": 1,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/clouds/{id}/actors",
        "listActorsByCloud",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "type": "connector",
                    "connector_type": "text",
                    "auth": {
                        "type": "text",
                        "client_id": "text",
                        "client_secret": "password",
                        "updated_at": "2025-11-16T12:17:04.959Z",
                    },
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/integrations",
        "listIntegrations",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "title": "text",
                    "version": "text",
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/integrations",
        "createIntegration",
        {
            "data": {
                "name": "text",
                "title": "text",
                "version": "text",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/integrations/{id}/versions",
        "listIntegrationVersions",
        {
            "data": [
                None,
                {
                    "version": "text",
                    "title": "text",
                    "release_state": "unspecified",
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/integrations/{id}/versions",
        "createIntegrationVersion",
        {
            "data": {
                "version": "text",
                "title": "text",
                "release_state": "unspecified",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "PUT",
        "/v2/interop/integrations/{id}/versions/{version}/blueprint",
        "updateIntegrationBlueprint",
        {
            "data": {
                "version": "text",
                "title": "text",
                "release_state": "unspecified",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/integrations/{id}",
        "findIntegration",
        {
            "data": {
                "name": "text",
                "title": "text",
                "version": "text",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenants",
        "listInteropTenants",
        {
            "data": [
                {
                    "id": "123e4567-e89b-12d3-a456-426614174000",
                    "name": "text",
                    "actor_id": "123e4567-e89b-12d3-a456-426614174000",
                    "account": None,
                    "cloud": None,
                    "integration": None,
                    "auth": {
                        "type": "text",
                        "client_id": "text",
                        "client_secret": "password",
                        "updated_at": "2025-11-16T12:17:04.959Z",
                    },
                    "app_auth": {
                        "scheme": "oauth2",
                        "token": "text",
                        "refresh_token": "text",
                        "client_id": "text",
                        "client_secret": "text",
                        "username": "text",
                        "password": "text",
                        "api_key": "text",
                    },
                    "lti_developer_id": "text",
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenants/{id}",
        "findInteropTenant",
        {
            "data": {
                "id": "123e4567-e89b-12d3-a456-426614174000",
                "name": "text",
                "actor_id": "123e4567-e89b-12d3-a456-426614174000",
                "account": None,
                "cloud": None,
                "integration": None,
                "auth": {
                    "type": "text",
                    "client_id": "text",
                    "client_secret": "password",
                    "updated_at": "2025-11-16T12:17:04.959Z",
                },
                "app_auth": {
                    "scheme": "oauth2",
                    "token": "text",
                    "refresh_token": "text",
                    "client_id": "text",
                    "client_secret": "text",
                    "username": "text",
                    "password": "text",
                    "api_key": "text",
                },
                "lti_developer_id": "text",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant",
        "getTenant",
        {
            "data": {
                "id": "123e4567-e89b-12d3-a456-426614174000",
                "name": "text",
                "actor_id": "123e4567-e89b-12d3-a456-426614174000",
                "account": None,
                "cloud": None,
                "integration": None,
                "auth": {
                    "type": "text",
                    "client_id": "text",
                    "client_secret": "password",
                    "updated_at": "2025-11-16T12:17:04.959Z",
                },
                "app_auth": {
                    "scheme": "oauth2",
                    "token": "text",
                    "refresh_token": "text",
                    "client_id": "text",
                    "client_secret": "text",
                    "username": "text",
                    "password": "text",
                    "api_key": "text",
                },
                "lti_developer_id": "text",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/state",
        "getTenantState",
        {
            "data": {
                "rollover_mode_enabled": True,
                "synchronization_suspended": True,
                "setup_mode_enabled": True,
                "mass_change_pending": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/scoping/schools",
        "listScopingSchools",
        {
            "data": [
                {
                    "account_id": "123e4567-e89b-12d3-a456-426614174000",
                    "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                    "school_id": "123e4567-e89b-12d3-a456-426614174000",
                    "school_ref_id": "text",
                    "name": "text",
                    "local_id": "text",
                    "keywords": "text",
                    "selected": True,
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/tenant/scoping/schools",
        "createScopingSchools",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/scoping/schools/{id}",
        "findScopingSchool",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "PUT",
        "/v2/interop/tenant/scoping/schools/{id}",
        "updateScopingSchool",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/scoping/courses",
        "listScopingCourses",
        {
            "data": [
                {
                    "account_id": "123e4567-e89b-12d3-a456-426614174000",
                    "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                    "course_id": "123e4567-e89b-12d3-a456-426614174000",
                    "course_ref_id": "text",
                    "school_id": "123e4567-e89b-12d3-a456-426614174000",
                    "school_ref_id": "text",
                    "name": "text",
                    "local_id": "text",
                    "keywords": "text",
                    "selected": True,
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/tenant/scoping/courses",
        "createScopingCourses",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_ref_id": "text",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/scoping/courses/{id}",
        "findScopingCourse",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_ref_id": "text",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "PUT",
        "/v2/interop/tenant/scoping/courses/{id}",
        "updateScopingCourse",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_id": "123e4567-e89b-12d3-a456-426614174000",
                "course_ref_id": "text",
                "school_id": "123e4567-e89b-12d3-a456-426614174000",
                "school_ref_id": "text",
                "name": "text",
                "local_id": "text",
                "keywords": "text",
                "selected": True,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/application",
        "getTenantApplication",
        {
            "data": {
                "account_id": "123e4567-e89b-12d3-a456-426614174000",
                "tenant_id": "123e4567-e89b-12d3-a456-426614174000",
                "deliver_tasks": True,
                "validate_tasks": True,
                "auth_type": "unspecified",
                "auth_state": "unspecified",
                "options": {
                    "ANY_ADDITIONAL_PROPERTY": "text",
                },
                "auth_props": {
                    "ANY_ADDITIONAL_PROPERTY": "text",
                },
                "auth_session_id_pending": "123e4567-e89b-12d3-a456-426614174000",
                "auth_message": "text",
                "auth_props_pending": {
                    "ANY_ADDITIONAL_PROPERTY": "text",
                },
                "auth_state_pending": "unspecified",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/rollovers",
        "listRollovers",
        {
            "data": [
                None,
                {
                    "name": "text",
                    "type": "new_year",
                    "start_date": "2025-11-16T12:17:04.959Z",
                    "end_date": "2025-11-16T12:17:04.959Z",
                    "metadata": {
                        "created": None,
                        "updated": None,
                    },
                    "status": "upcoming",
                    "status_change_failure_count": 1,
                    "failure_reason": "alreadyInRolloverMode",
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/tenant/rollovers",
        "createRollover",
        {
            "data": {
                "name": "text",
                "type": "new_year",
                "start_date": "2025-11-16T12:17:04.959Z",
                "end_date": "2025-11-16T12:17:04.959Z",
                "metadata": {
                    "created": None,
                    "updated": None,
                },
                "status": "upcoming",
                "status_change_failure_count": 1,
                "failure_reason": "alreadyInRolloverMode",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/rollovers/count",
        "countRollovers",
        1,
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/rollovers/{id}",
        "findRollover",
        {
            "data": {
                "name": "text",
                "type": "new_year",
                "start_date": "2025-11-16T12:17:04.959Z",
                "end_date": "2025-11-16T12:17:04.959Z",
                "metadata": {
                    "created": None,
                    "updated": None,
                },
                "status": "upcoming",
                "status_change_failure_count": 1,
                "failure_reason": "alreadyInRolloverMode",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "PUT",
        "/v2/interop/tenant/rollovers/{id}",
        "updateRollover",
        {
            "data": {
                "name": "text",
                "type": "new_year",
                "start_date": "2025-11-16T12:17:04.959Z",
                "end_date": "2025-11-16T12:17:04.959Z",
                "metadata": {
                    "created": None,
                    "updated": None,
                },
                "status": "upcoming",
                "status_change_failure_count": 1,
                "failure_reason": "alreadyInRolloverMode",
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/schedules",
        "listSchedules",
        {
            "data": [
                None,
                {
                    "type": "unspecified",
                    "last_executed_at": "2025-11-16T12:17:04.959Z",
                    "enabled": True,
                    "hour": 1,
                    "days": "text",
                    "metadata": None,
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "POST",
        "/v2/interop/tenant/schedules",
        "createSchedule",
        {
            "data": {
                "type": "unspecified",
                "last_executed_at": "2025-11-16T12:17:04.959Z",
                "enabled": True,
                "hour": 1,
                "days": "text",
                "metadata": None,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/schedules/count",
        "countSchedules",
        1,
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/tenant/schedules/{id}",
        "findSchedule",
        {
            "data": {
                "type": "unspecified",
                "last_executed_at": "2025-11-16T12:17:04.959Z",
                "enabled": True,
                "hour": 1,
                "days": "text",
                "metadata": None,
            },
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/ingestions",
        "listIngestions",
        {
            "data": [
                None,
                {
                    "type": "unspecified",
                    "state": "unspecified",
                    "started_at": "2025-11-16T12:17:04.959Z",
                    "external_import_ids": [
                        "text",
                    ],
                    "has_pending_task": True,
                    "mass_change_details": [
                        {
                            "objectType": 1,
                            "objectSubtype": 1,
                            "objectCount": 1,
                            "adds": 1,
                            "updates": 1,
                            "deletes": 1,
                        },
                    ],
                    "metadata": {
                        "scheduled": None,
                    },
                },
            ],
        },
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/ingestions/count",
        "countIngestions",
        1,
    ),
    DocExample(
        NOVEMBER_2025,
        "GET",
        "/v2/interop/ingestions/{id}",
        "findIngestion",
        {
            "data": {
                "type": "unspecified",
                "state": "unspecified",
                "started_at": "2025-11-16T12:17:04.959Z",
                "external_import_ids": [
                    "text",
                ],
                "has_pending_task": True,
                "mass_change_details": [
                    {
                        "objectType": 1,
                        "objectSubtype": 1,
                        "objectCount": 1,
                        "adds": 1,
                        "updates": 1,
                        "deletes": 1,
                    },
                ],
                "metadata": {
                    "scheduled": None,
                },
            },
        },
    ),
)
"""Every response example of both pages, in page order (37 per page)."""

DOC_NO_CONTENT: Final[tuple[DocNoContent, ...]] = (
    DocNoContent(
        JULY_2025,
        "PATCH",
        "/v2/interop/integrations/{id}/versions/{version}",
        "updateIntegrationVersion",
    ),
    DocNoContent(
        JULY_2025,
        "DELETE",
        "/v2/interop/integrations/{id}/versions/{version}",
        "deleteIntegrationVersion",
    ),
    DocNoContent(JULY_2025, "PATCH", "/v2/interop/integrations/{id}", "updateIntegration"),
    DocNoContent(JULY_2025, "PATCH", "/v2/interop/tenant/application", "updateTenantApplication"),
    DocNoContent(JULY_2025, "DELETE", "/v2/interop/tenant/rollovers/{id}", "deleteRollover"),
    DocNoContent(JULY_2025, "POST", "/v2/interop/tenant/schedules/{id}/run", "runSchedule"),
    DocNoContent(JULY_2025, "PATCH", "/v2/interop/tenant/schedules/{id}", "updateSchedule"),
    DocNoContent(JULY_2025, "DELETE", "/v2/interop/tenant/schedules/{id}", "deleteSchedule"),
    DocNoContent(NOVEMBER_2025, "DELETE", "/v2/interop/clouds/{id}", "deleteCloud"),
    DocNoContent(
        NOVEMBER_2025,
        "PATCH",
        "/v2/interop/integrations/{id}/versions/{version}",
        "updateIntegrationVersion",
    ),
    DocNoContent(
        NOVEMBER_2025,
        "DELETE",
        "/v2/interop/integrations/{id}/versions/{version}",
        "deleteIntegrationVersion",
    ),
    DocNoContent(NOVEMBER_2025, "PATCH", "/v2/interop/integrations/{id}", "updateIntegration"),
    DocNoContent(NOVEMBER_2025, "DELETE", "/v2/interop/integrations/{id}", "deleteIntegration"),
    DocNoContent(
        NOVEMBER_2025, "DELETE", "/v2/interop/tenant/scoping/schools", "deleteScopingSchools"
    ),
    DocNoContent(
        NOVEMBER_2025, "DELETE", "/v2/interop/tenant/scoping/schools/{id}", "deleteScopingSchool"
    ),
    DocNoContent(
        NOVEMBER_2025, "DELETE", "/v2/interop/tenant/scoping/courses", "deleteScopingCourses"
    ),
    DocNoContent(
        NOVEMBER_2025, "DELETE", "/v2/interop/tenant/scoping/courses/{id}", "deleteScopingCourse"
    ),
    DocNoContent(
        NOVEMBER_2025, "PATCH", "/v2/interop/tenant/application", "updateTenantApplication"
    ),
    DocNoContent(NOVEMBER_2025, "DELETE", "/v2/interop/tenant/rollovers/{id}", "deleteRollover"),
    DocNoContent(NOVEMBER_2025, "POST", "/v2/interop/tenant/schedules/{id}/run", "runSchedule"),
    DocNoContent(NOVEMBER_2025, "PATCH", "/v2/interop/tenant/schedules/{id}", "updateSchedule"),
    DocNoContent(NOVEMBER_2025, "DELETE", "/v2/interop/tenant/schedules/{id}", "deleteSchedule"),
)
"""Every operation whose response either page shows as "No content", in page order."""
