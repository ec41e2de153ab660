"""The route table: the 51 operations of the Interop API v2, each routed to its handler in
:mod:`kimono_interop.sandbox.handlers`.

`OPERATIONS` lists them as (method, path, operation id, who may call, handler). Developer
operations need the API key; tenant operations need a tenant actor's credentials and act on
that actor's tenant; ingestions answer both (a developer sees every tenant's).
"""

from __future__ import annotations

from dataclasses import dataclass

from kimono_interop.sandbox.handlers import actors, clouds, ingestions, integrations, tenants
from kimono_interop.sandbox.handlers import tenant as me
from kimono_interop.sandbox.handlers._common import Handler
from kimono_interop.sandbox.handlers.tenant import application, rollovers, schedules
from kimono_interop.sandbox.handlers.tenant.scoping import COURSES, SCHOOLS
from kimono_interop.sandbox.state import ACTOR, DEVELOPER

__all__ = ["ACTOR", "ANYONE", "DEVELOPER", "OPERATIONS", "Operation"]

ANYONE = "anyone"
"""The audience of operations either kind of credentials may call."""


@dataclass(frozen=True)
class Operation:
    """One route: method, path template, operation id, who may call it, and its handler."""

    method: str
    path: str
    operation_id: str
    audience: str
    handler: Handler


V2 = "/v2/interop"
_S, _C = f"{V2}/tenant/scoping/schools", f"{V2}/tenant/scoping/courses"
_R, _H = f"{V2}/tenant/rollovers", f"{V2}/tenant/schedules"

OPERATIONS: tuple[Operation, ...] = (
    Operation("GET", f"{V2}/actors", "listActors", DEVELOPER, actors.list_actors),
    Operation("GET", f"{V2}/clouds", "listClouds", DEVELOPER, clouds.list_clouds),
    Operation("POST", f"{V2}/clouds", "createCloud", DEVELOPER, clouds.create_cloud),
    Operation("GET", f"{V2}/clouds/search", "searchClouds", DEVELOPER, clouds.search_clouds),
    Operation("GET", f"{V2}/clouds/{{id}}", "findCloud", DEVELOPER, clouds.find_cloud),
    Operation("DELETE", f"{V2}/clouds/{{id}}", "deleteCloud", DEVELOPER, clouds.delete_cloud),
    Operation("GET", f"{V2}/clouds/{{id}}/actors", "listActorsByCloud", DEVELOPER, clouds.list_actors_by_cloud),
    Operation("GET", f"{V2}/integrations", "listIntegrations", DEVELOPER, integrations.list_integrations),
    Operation("POST", f"{V2}/integrations", "createIntegration", DEVELOPER, integrations.create_integration),
    Operation("GET", f"{V2}/integrations/{{id}}", "findIntegration", DEVELOPER, integrations.find_integration),
    Operation("PATCH", f"{V2}/integrations/{{id}}", "updateIntegration", DEVELOPER, integrations.update_integration),
    Operation("DELETE", f"{V2}/integrations/{{id}}", "deleteIntegration", DEVELOPER, integrations.delete_integration),
    Operation("GET", f"{V2}/integrations/{{id}}/versions", "listIntegrationVersions", DEVELOPER, integrations.list_integration_versions),
    Operation("POST", f"{V2}/integrations/{{id}}/versions", "createIntegrationVersion", DEVELOPER, integrations.create_integration_version),
    Operation("PATCH", f"{V2}/integrations/{{id}}/versions/{{version}}", "updateIntegrationVersion", DEVELOPER, integrations.update_integration_version),
    Operation("DELETE", f"{V2}/integrations/{{id}}/versions/{{version}}", "deleteIntegrationVersion", DEVELOPER, integrations.delete_integration_version),
    Operation("PUT", f"{V2}/integrations/{{id}}/versions/{{version}}/blueprint", "updateIntegrationBlueprint", DEVELOPER, integrations.update_integration_blueprint),
    Operation("GET", f"{V2}/tenants", "listInteropTenants", DEVELOPER, tenants.list_tenants),
    Operation("GET", f"{V2}/tenants/{{id}}", "findInteropTenant", DEVELOPER, tenants.find_tenant),
    Operation("GET", f"{V2}/tenant", "getTenant", ACTOR, me.get_tenant),
    Operation("GET", f"{V2}/tenant/state", "getTenantState", ACTOR, me.get_tenant_state),
    Operation("GET", _S, "listScopingSchools", ACTOR, SCHOOLS.list),
    Operation("POST", _S, "createScopingSchools", ACTOR, SCHOOLS.create),
    Operation("DELETE", _S, "deleteScopingSchools", ACTOR, SCHOOLS.clear),
    Operation("GET", f"{_S}/{{id}}", "findScopingSchool", ACTOR, SCHOOLS.find),
    Operation("PUT", f"{_S}/{{id}}", "updateScopingSchool", ACTOR, SCHOOLS.update),
    Operation("DELETE", f"{_S}/{{id}}", "deleteScopingSchool", ACTOR, SCHOOLS.delete),
    Operation("GET", _C, "listScopingCourses", ACTOR, COURSES.list),
    Operation("POST", _C, "createScopingCourses", ACTOR, COURSES.create),
    Operation("DELETE", _C, "deleteScopingCourses", ACTOR, COURSES.clear),
    Operation("GET", f"{_C}/{{id}}", "findScopingCourse", ACTOR, COURSES.find),
    Operation("PUT", f"{_C}/{{id}}", "updateScopingCourse", ACTOR, COURSES.update),
    Operation("DELETE", f"{_C}/{{id}}", "deleteScopingCourse", ACTOR, COURSES.delete),
    Operation("GET", f"{V2}/tenant/application", "getTenantApplication", ACTOR, application.get_application),
    Operation("PATCH", f"{V2}/tenant/application", "updateTenantApplication", ACTOR, application.update_application),
    Operation("GET", _R, "listRollovers", ACTOR, rollovers.list_rollovers),
    Operation("POST", _R, "createRollover", ACTOR, rollovers.create_rollover),
    Operation("GET", f"{_R}/count", "countRollovers", ACTOR, rollovers.count_rollovers),
    Operation("GET", f"{_R}/{{id}}", "findRollover", ACTOR, rollovers.find_rollover),
    Operation("PUT", f"{_R}/{{id}}", "updateRollover", ACTOR, rollovers.update_rollover),
    Operation("DELETE", f"{_R}/{{id}}", "deleteRollover", ACTOR, rollovers.delete_rollover),
    Operation("GET", _H, "listSchedules", ACTOR, schedules.list_schedules),
    Operation("POST", _H, "createSchedule", ACTOR, schedules.create_schedule),
    Operation("GET", f"{_H}/count", "countSchedules", ACTOR, schedules.count_schedules),
    Operation("GET", f"{_H}/{{id}}", "findSchedule", ACTOR, schedules.find_schedule),
    Operation("PATCH", f"{_H}/{{id}}", "updateSchedule", ACTOR, schedules.update_schedule),
    Operation("DELETE", f"{_H}/{{id}}", "deleteSchedule", ACTOR, schedules.delete_schedule),
    Operation("POST", f"{_H}/{{id}}/run", "runSchedule", ACTOR, schedules.run_schedule),
    Operation("GET", f"{V2}/ingestions", "listIngestions", ANYONE, ingestions.list_ingestions),
    Operation("GET", f"{V2}/ingestions/count", "countIngestions", ANYONE, ingestions.count_ingestions),
    Operation("GET", f"{V2}/ingestions/{{id}}", "findIngestion", ANYONE, ingestions.find_ingestion),
)  # fmt: skip
