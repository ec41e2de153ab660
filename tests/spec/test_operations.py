"""Every operation of both reference pages is in the spec, with its method, path and parameters.

The expected table is this test's own, written from the reference pages; it does not read them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import yaml

from tests.conftest import SPEC_PATH

P = "/v2/interop"
PAGED = {"page": "integer", "page_size": "integer"}

# (method, path, operationId, tag, {parameter: schema type}) for all 51 operations.
OPERATIONS: list[tuple[str, str, str, str, dict[str, str]]] = [
    ("get", "/actors", "listActors", "actors", PAGED),
    ("get", "/clouds", "listClouds", "clouds", PAGED),
    ("post", "/clouds", "createCloud", "clouds", {}),
    ("get", "/clouds/search", "searchClouds", "clouds",
     {"generation": "integer", "userdata": "string", "name": "string", **PAGED}),
    ("get", "/clouds/{id}", "findCloud", "clouds", {"id": "string"}),
    ("delete", "/clouds/{id}", "deleteCloud", "clouds", {"id": "string"}),
    ("get", "/clouds/{id}/actors", "listActorsByCloud", "clouds",
     {"id": "string", "include_credentials": "boolean", **PAGED}),
    ("get", "/integrations", "listIntegrations", "integrations", {"name": "string", **PAGED}),
    ("post", "/integrations", "createIntegration", "integrations", {}),
    ("get", "/integrations/{id}", "findIntegration", "integrations", {"id": "string"}),
    ("patch", "/integrations/{id}", "updateIntegration", "integrations", {"id": "string"}),
    ("delete", "/integrations/{id}", "deleteIntegration", "integrations", {"id": "string"}),
    ("get", "/integrations/{id}/versions", "listIntegrationVersions", "integrations",
     {"id": "string", **PAGED}),
    ("post", "/integrations/{id}/versions", "createIntegrationVersion", "integrations",
     {"id": "string"}),
    ("patch", "/integrations/{id}/versions/{version}", "updateIntegrationVersion", "integrations",
     {"id": "string", "version": "string"}),
    ("delete", "/integrations/{id}/versions/{version}", "deleteIntegrationVersion",
     "integrations", {"id": "string", "version": "string"}),
    ("put", "/integrations/{id}/versions/{version}/blueprint", "updateIntegrationBlueprint",
     "integrations", {"id": "string", "version": "string"}),
    ("get", "/tenants", "listInteropTenants", "tenants",
     {"accounts": "array", "integrations": "array", **PAGED}),
    ("get", "/tenants/{id}", "findInteropTenant", "tenants", {"id": "string"}),
    ("get", "/tenant", "getTenant", "tenant", {}),
    ("get", "/tenant/state", "getTenantState", "tenant", {}),
    ("get", "/tenant/scoping/schools", "listScopingSchools", "scoping", PAGED),
    ("post", "/tenant/scoping/schools", "createScopingSchools", "scoping", {"replace": "boolean"}),
    ("delete", "/tenant/scoping/schools", "deleteScopingSchools", "scoping", {}),
    ("get", "/tenant/scoping/schools/{id}", "findScopingSchool", "scoping", {"id": "string"}),
    ("put", "/tenant/scoping/schools/{id}", "updateScopingSchool", "scoping", {"id": "string"}),
    ("delete", "/tenant/scoping/schools/{id}", "deleteScopingSchool", "scoping", {"id": "string"}),
    ("get", "/tenant/scoping/courses", "listScopingCourses", "scoping", PAGED),
    ("post", "/tenant/scoping/courses", "createScopingCourses", "scoping", {"replace": "boolean"}),
    ("delete", "/tenant/scoping/courses", "deleteScopingCourses", "scoping", {}),
    ("get", "/tenant/scoping/courses/{id}", "findScopingCourse", "scoping", {"id": "string"}),
    ("put", "/tenant/scoping/courses/{id}", "updateScopingCourse", "scoping", {"id": "string"}),
    ("delete", "/tenant/scoping/courses/{id}", "deleteScopingCourse", "scoping", {"id": "string"}),
    ("get", "/tenant/application", "getTenantApplication", "application", {}),
    ("patch", "/tenant/application", "updateTenantApplication", "application", {}),
    ("get", "/tenant/rollovers", "listRollovers", "rollovers", {"sort": "string", **PAGED}),
    ("post", "/tenant/rollovers", "createRollover", "rollovers", {}),
    ("get", "/tenant/rollovers/count", "countRollovers", "rollovers", {}),
    ("get", "/tenant/rollovers/{id}", "findRollover", "rollovers", {"id": "string"}),
    ("put", "/tenant/rollovers/{id}", "updateRollover", "rollovers", {"id": "string"}),
    ("delete", "/tenant/rollovers/{id}", "deleteRollover", "rollovers", {"id": "string"}),
    ("get", "/tenant/schedules", "listSchedules", "schedules", PAGED),
    ("post", "/tenant/schedules", "createSchedule", "schedules", {}),
    ("get", "/tenant/schedules/count", "countSchedules", "schedules", {}),
    ("get", "/tenant/schedules/{id}", "findSchedule", "schedules", {"id": "string"}),
    ("patch", "/tenant/schedules/{id}", "updateSchedule", "schedules", {"id": "string"}),
    ("delete", "/tenant/schedules/{id}", "deleteSchedule", "schedules", {"id": "string"}),
    ("post", "/tenant/schedules/{id}/run", "runSchedule", "schedules", {"id": "string"}),
    ("get", "/ingestions", "listIngestions", "ingestions", PAGED),
    ("get", "/ingestions/count", "countIngestions", "ingestions", {}),
    ("get", "/ingestions/{id}", "findIngestion", "ingestions", {"id": "string"}),
]  # fmt: skip

NEWER_DOC_ONLY = {
    "deleteCloud", "deleteIntegration", "deleteScopingSchools", "deleteScopingSchool",
    "deleteScopingCourses", "deleteScopingCourse",
}  # fmt: skip

METHODS = ("get", "post", "put", "patch", "delete")


@cache
def spec() -> dict[str, Any]:
    """The parsed spec."""
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return loaded


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local $ref."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations() -> dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """operationId -> (method, path, operation, path item)."""
    found = {}
    for path, item in spec()["paths"].items():
        for method in METHODS:
            if method in item:
                found[item[method]["operationId"]] = (method, path, item[method], item)
    return found


def parameters(operation: dict[str, Any], item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every parameter of an operation, path-level ones included, by name."""
    merged = [resolve(p) for p in item.get("parameters", []) + operation.get("parameters", [])]
    return {p["name"]: p for p in merged}


def test_the_table_has_45_plus_6_operations() -> None:
    assert len(OPERATIONS) == 51
    assert len({row[2] for row in OPERATIONS}) == 51
    assert {row[2] for row in OPERATIONS} >= NEWER_DOC_ONLY


def test_spec_has_exactly_the_documented_operations() -> None:
    assert set(operations()) == {row[2] for row in OPERATIONS}


@pytest.mark.parametrize(("method", "path", "operation_id", "tag", "params"), OPERATIONS)
def test_operation_method_path_tag_and_parameters(
    method: str, path: str, operation_id: str, tag: str, params: dict[str, str]
) -> None:
    found_method, found_path, operation, item = operations()[operation_id]
    assert (found_method, found_path) == (method, P + path)
    assert operation["tags"] == [tag]
    found = parameters(operation, item)
    assert {name: resolve(p["schema"])["type"] for name, p in found.items()} == params
    for name in ("page", "page_size"):
        if name in found:
            assert found[name]["in"] == "query"
    for name in {"id", "version"} & set(found):
        assert found[name]["in"] == "path"
        assert found[name]["required"] is True


def test_every_path_is_under_v2_interop() -> None:
    assert all(path.startswith(P + "/") or path == P for path in spec()["paths"])


def test_tenant_filters_are_comma_separated_lists() -> None:
    _, _, operation, item = operations()["listInteropTenants"]
    found = parameters(operation, item)
    for name in ("accounts", "integrations"):
        assert found[name]["style"] == "form"
        assert found[name]["explode"] is False
        assert found[name]["schema"]["type"] == "array"
    assert found["accounts"]["schema"]["items"]["format"] == "uuid"


@pytest.mark.parametrize("operation_id", [row[2] for row in OPERATIONS])
def test_security_is_declared_on_every_operation(operation_id: str) -> None:
    operation = operations()[operation_id][2]
    schemes = {name for requirement in operation["security"] for name in requirement}
    assert schemes == {"actorOAuth2", "apiKey", "ltiJwt"}


def test_security_schemes() -> None:
    schemes = spec()["components"]["securitySchemes"]
    token_url = schemes["actorOAuth2"]["flows"]["clientCredentials"]["tokenUrl"]
    assert token_url == "https://api.us2.kimonocloud.com/oauth/token"
    assert schemes["apiKey"] == {**schemes["apiKey"], "type": "http", "scheme": "basic"}
    assert (schemes["ltiJwt"]["scheme"], schemes["ltiJwt"]["bearerFormat"]) == ("bearer", "JWT")


@pytest.mark.parametrize("operation_id", [row[2] for row in OPERATIONS])
def test_every_error_response_is_an_error_type(operation_id: str) -> None:
    responses = operations()[operation_id][2]["responses"]
    errors = {code: resolve(r) for code, r in responses.items() if code[0] in "45"}
    assert {"401", "403", "429", "5XX"} <= set(errors)
    for response in errors.values():
        schema = response["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorType"}


@pytest.mark.parametrize("operation_id", ["countRollovers", "countSchedules", "countIngestions"])
def test_counts_are_bare_integers(operation_id: str) -> None:
    response = operations()[operation_id][2]["responses"]["200"]
    assert resolve(response["content"]["application/json"]["schema"])["type"] == "integer"


@pytest.mark.parametrize("operation_id", ["createIntegrationVersion", "updateIntegrationBlueprint"])
def test_blueprints_are_xml_bodies(operation_id: str) -> None:
    body = resolve(operations()[operation_id][2]["requestBody"])
    assert list(body["content"]) == ["application/xml"]


def test_list_envelope_has_data_and_optional_paging_next() -> None:
    envelope = resolve({"$ref": "#/components/schemas/CloudsResponse"})
    parts = [resolve(part) for part in envelope["allOf"]]
    assert any("data" in part.get("required", []) for part in parts)
    paging = resolve(parts[0]["properties"]["paging"])
    assert paging["properties"]["next"]["type"] == ["string", "null"]


def test_newer_doc_fields_exist() -> None:
    schemas = spec()["components"]["schemas"]
    assert schemas["TenantApplication"]["properties"]["validate_tasks"]["type"] == "boolean"
    ingestion_own = schemas["Ingestion"]["allOf"][1]["properties"]
    detail = resolve(ingestion_own["mass_change_details"]["items"])
    assert set(detail["properties"]) == {
        "objectType", "objectSubtype", "objectCount", "adds", "updates", "deletes"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("schema", "values"),
    [
        ("ReleaseState", {"unspecified", "development", "beta", "released", "deprecated"}),
        ("ActorType", {"connector", "integration", "repository", "application"}),
        ("IngestionType", {"unspecified", "collection", "bulk_load", "event_bundle",
                           "bulk_attr_change", "mirror"}),
        ("IngestionState", {"unspecified", "preparing", "scheduled", "executing", "success",
                            "failed", "cancelled", "timeout"}),
        ("ApplicationAuthState", {"unspecified", "updating", "confirmed", "error"}),
        ("RolloverType", {"new_year"}),
        ("RolloverFailureReason", {"alreadyInRolloverMode"}),
    ],
)  # fmt: skip
def test_enums_list_every_known_value(schema: str, values: set[str]) -> None:
    assert values <= set(spec()["components"]["schemas"][schema]["enum"])


def test_resources_compose_the_base_resource() -> None:
    schemas = spec()["components"]["schemas"]
    for name in ("Actor", "Cloud", "Integration", "IntegrationVersion"):
        assert schemas[name]["allOf"][0] == {"$ref": "#/components/schemas/BaseAccountResource"}
    for name in ("ScopingSchool", "ScopingCourse", "Rollover", "Schedule", "Ingestion"):
        assert schemas[name]["allOf"][0] == {"$ref": "#/components/schemas/BaseTenantResource"}
