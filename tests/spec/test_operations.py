"""Every operation of both reference pages is in the spec, with its method, path and parameters,
plus the OAuth2 token endpoint; and the spec's request and response rules.

The expected tables are this test's own, written from the reference pages; it does not read them.
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

# The token endpoint: outside /v2/interop, on the same host; not one of the 51.
TOKEN_PATH = "/oauth/token"
TOKEN_OPERATION = "oauthToken"

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
    assert set(operations()) == {row[2] for row in OPERATIONS} | {TOKEN_OPERATION}


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


def test_every_path_but_the_token_endpoint_is_under_v2_interop() -> None:
    others = set(spec()["paths"]) - {TOKEN_PATH}
    assert all(path.startswith(P + "/") or path == P for path in others)


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
    # Relative: resolved against the server in use, so it is the token endpoint's path.
    assert token_url == TOKEN_PATH
    assert TOKEN_PATH in spec()["paths"]
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
        ("RolloverStatus", {"upcoming", "active"}),
        ("RolloverFailureReason", {"alreadyInRolloverMode"}),
        ("ActorAuthType", {"oauth2", "basic"}),
        ("ScheduleType", {"unspecified", "collection"}),
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


# -- schema helpers ------------------------------------------------------------------------


def schema(name: str) -> dict[str, Any]:
    """A component schema by name."""
    found: dict[str, Any] = spec()["components"]["schemas"][name]
    return found


def flattened(node: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """(properties, required) of a schema with its allOf parts merged in."""
    node = resolve(node)
    properties: dict[str, dict[str, Any]] = {}
    required: set[str] = set(node.get("required", []))
    for part in node.get("allOf", []):
        more, needed = flattened(part)
        properties |= more
        required |= needed
    properties |= node.get("properties", {})
    return properties, required


def schemas_reached(node: Any, seen: set[str] | None = None) -> set[str]:
    """The names of every component schema `node` refers to, directly or not."""
    seen = set() if seen is None else seen
    if isinstance(node, list):
        for child in node:
            schemas_reached(child, seen)
    elif isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            if name not in seen:
                seen.add(name)
                schemas_reached(schema(name), seen)
        elif ref:
            schemas_reached(resolve(node), seen)
        for key, child in node.items():
            if key != "$ref":
                schemas_reached(child, seen)
    return seen


def request_parts() -> list[Any]:
    """What callers send: every operation's parameters and request body."""
    parts: list[Any] = []
    for _, _, operation, item in operations().values():
        parts.append(item.get("parameters", []) + operation.get("parameters", []))
        if "requestBody" in operation:
            parts.append(resolve(operation["requestBody"]))
    return parts


def response_parts() -> list[Any]:
    """What the API answers: every operation's responses."""
    return [operation["responses"] for _, _, operation, _ in operations().values()]


def allows_null(prop: dict[str, Any]) -> bool:
    """Whether a property schema accepts JSON null."""
    types = prop.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    return any(allows_null(option) for option in prop.get("oneOf", []) + prop.get("anyOf", []))


def own_properties(name: str) -> dict[str, dict[str, Any]]:
    """A schema's own properties: its own and those of its inline (not $ref) allOf parts."""
    node = schema(name)
    found = dict(node.get("properties", {}))
    for part in node.get("allOf", []):
        if "$ref" not in part:
            found |= part.get("properties", {})
    return found


# -- every operation is described ----------------------------------------------------------


@pytest.mark.parametrize("operation_id", [row[2] for row in OPERATIONS] + [TOKEN_OPERATION])
def test_every_operation_has_a_real_description(operation_id: str) -> None:
    operation = operations()[operation_id][2]
    description = operation.get("description", "").strip()
    assert len(description) >= 20, operation_id
    assert description != operation["summary"]


# -- the token endpoint --------------------------------------------------------------------


def test_the_token_endpoint_is_an_operation() -> None:
    method, path, operation, item = operations()[TOKEN_OPERATION]
    assert (method, path) == ("post", TOKEN_PATH)
    assert operation["tags"] == ["auth"]
    assert operation["security"] == []
    assert parameters(operation, item) == {}
    body = resolve(operation["requestBody"])
    assert body["required"] is True
    assert list(body["content"]) == ["application/x-www-form-urlencoded"]
    properties, required = flattened(body["content"]["application/x-www-form-urlencoded"]["schema"])
    assert set(properties) == {"grant_type", "client_id", "client_secret"}
    assert required == {"grant_type"}
    assert resolve(properties["grant_type"])["enum"] == ["client_credentials"]
    assert "HTTP Basic" in operation["description"]


def test_the_token_endpoint_answers_a_token_or_an_oauth_error() -> None:
    responses = operations()[TOKEN_OPERATION][2]["responses"]
    token = responses["200"]["content"]["application/json"]["schema"]
    properties, required = flattened(token)
    assert set(properties) >= {"access_token", "token_type", "expires_in"}
    assert required == {"access_token"}
    assert properties["expires_in"]["type"] == "integer"
    for status in ("400", "401"):
        error = responses[status]["content"]["application/json"]["schema"]
        properties, required = flattened(error)
        assert set(properties) == {"error", "error_description", "error_uri"}, status
        assert required == {"error"}
        codes = set(resolve(properties["error"])["enum"])
        assert codes >= {"invalid_request", "invalid_client", "unsupported_grant_type"}


# -- request bodies --------------------------------------------------------------------------


def body_schema(operation_id: str) -> dict[str, Any]:
    """The JSON request body schema of an operation, resolved."""
    body = resolve(operations()[operation_id][2]["requestBody"])
    return resolve(body["content"]["application/json"]["schema"])


@pytest.mark.parametrize("operation_id", ["createRollover", "updateRollover"])
def test_the_rollover_request_is_what_the_docs_send(operation_id: str) -> None:
    properties, required = flattened(body_schema(operation_id))
    assert set(properties) == {"type", "status", "cloud_id", "actor_id", "metadata"}
    assert required == {"type", "status", "cloud_id"}
    # No guessed enum in a request: both take any (non-empty) string.
    for name in ("type", "status"):
        assert properties[name] == {**properties[name], "type": "string", "minLength": 1}
        assert "enum" not in properties[name]
    for name in ("cloud_id", "actor_id"):
        assert properties[name]["format"] == "uuid"
        assert properties[name]["writeOnly"] is True  # sent, never answered
    description = operations()[operation_id][2]["description"]
    assert "derives" in description
    assert all(f"`{name}`" in description for name in ("name", "start_date", "end_date"))


def test_the_rollover_resource_marks_what_the_service_derives_read_only() -> None:
    properties, required = flattened(schema("Rollover"))
    for name in ("name", "start_date", "end_date", "id", "created_at", "updated_at"):
        assert properties[name]["readOnly"] is True, name
    for name in ("account_id", "tenant_id"):
        assert properties[name]["readOnly"] is True, name
    assert required >= {"name", "type", "status", "start_date", "end_date"}
    assert not {"cloud_id", "actor_id"} & set(properties)  # write-only: never in a response


def test_the_application_update_takes_only_settable_states() -> None:
    properties, _ = flattened(body_schema("updateTenantApplication"))
    assert set(properties) == {"auth_message", "auth_props_pending", "auth_state_pending"}
    assert resolve(properties["auth_state_pending"])["enum"] == ["confirmed", "error"]


def test_schedule_bodies_take_only_their_one_field() -> None:
    create = body_schema("createSchedule")
    assert create["additionalProperties"] is False
    assert create["required"] == ["hour"]
    assert set(create["properties"]) == {"hour"}
    hour = create["properties"]["hour"]
    assert (hour["type"], hour["minimum"], hour["maximum"]) == ("integer", 0, 23)
    update = body_schema("updateSchedule")
    assert update["additionalProperties"] is False
    assert update["required"] == ["enabled"]
    assert update["properties"] == {"enabled": {"type": "boolean"}}


@pytest.mark.parametrize(
    ("create", "update", "item"),
    [
        ("createScopingSchools", "updateScopingSchool", "ScopingSchoolInput"),
        ("createScopingCourses", "updateScopingCourse", "ScopingCourseInput"),
    ],
)
def test_scoping_requests_send_items_that_need_a_name_and_no_id(
    create: str, update: str, item: str
) -> None:
    envelope = body_schema(create)
    assert envelope["required"] == ["data"]
    assert envelope["properties"]["data"]["items"] == {"$ref": f"#/components/schemas/{item}"}
    assert body_schema(update) == schema(item)
    properties, required = flattened(schema(item))
    assert required == {"name"}
    assert properties["name"]["minLength"] == 1
    assert not {"id", "created_at", "updated_at"} & set(properties)


def test_names_and_versions_sent_may_not_be_empty() -> None:
    for name in ("CloudCreate", "IntegrationCreate", "IntegrationUpdate"):
        assert schema(name)["properties"]["name"]["minLength"] == 1, name
    assert schema("IntegrationVersionUpdate")["properties"]["version"]["minLength"] == 1
    for operation_id in (
        "updateIntegrationVersion", "deleteIntegrationVersion", "updateIntegrationBlueprint"
    ):  # fmt: skip
        _, _, operation, item = operations()[operation_id]
        assert parameters(operation, item)["version"]["schema"]["minLength"] == 1


def test_generations_are_not_negative() -> None:
    assert schema("CloudCreate")["properties"]["generation"]["minimum"] == 0
    _, _, operation, item = operations()["searchClouds"]
    assert parameters(operation, item)["generation"]["schema"]["minimum"] == 0


def test_tenant_filter_items_are_not_empty() -> None:
    _, _, operation, item = operations()["listInteropTenants"]
    found = parameters(operation, item)
    assert found["integrations"]["schema"]["items"]["minLength"] == 1
    for name in ("accounts", "integrations"):
        assert found[name]["schema"]["minItems"] == 1
        assert found[name]["schema"]["uniqueItems"] is True


def test_the_rollover_sort_takes_any_field_name() -> None:
    _, _, operation, item = operations()["listRollovers"]
    sort = parameters(operation, item)["sort"]
    assert "enum" not in sort["schema"]
    assert sort["schema"]["pattern"] == "^-?[a-z][a-z0-9_]*$"
    assert "-name" in sort["schema"]["examples"]
    for guess in ("start_date", "end_date", "created_at", "status"):
        assert f"`{guess}` (guessed: not in the docs)" in " ".join(sort["description"].split())


def test_requests_use_only_documented_enums() -> None:
    reached = schemas_reached(request_parts())
    enums = {name for name in reached if "enum" in schema(name)}
    assert enums == {"ReleaseState", "ApplicationAuthStateUpdate", "TokenGrantType"}


def test_no_request_reaches_a_resource_schema() -> None:
    """openapi-python-client ignores readOnly: a request must not share a response's required."""
    reached = schemas_reached(request_parts())
    assert not reached & {"BaseResource", "BaseAccountResource", "BaseTenantResource"}
    for name in reached:
        assert "id" not in flattened(schema(name))[1], name


# -- responses -------------------------------------------------------------------------------

# The fields every response of a resource carries (base fields included).
BASE = {"id", "created_at", "updated_at"}
TENANT_BASE = BASE | {"account_id", "tenant_id"}
REQUIRED_IN_RESPONSES: dict[str, set[str]] = {
    "Actor": BASE | {"name", "type"},
    "ActorAuth": {"type", "client_id"},
    "Cloud": BASE | {"name"},
    "Integration": BASE | {"name"},
    "IntegrationVersion": BASE | {"version"},
    "TenantInfo": {"id", "name", "actor_id"},
    "AccountRef": {"id", "name"},
    "CloudRef": {"id", "name"},
    "CloudEnvRef": {"id", "name"},
    "IntegrationRef": {"id", "name"},
    "AppAuth": {"scheme"},
    "TenantState": {
        "rollover_mode_enabled", "synchronization_suspended", "setup_mode_enabled",
        "mass_change_pending",
    },
    "ScopingSchool": TENANT_BASE | {"name"},
    "ScopingCourse": TENANT_BASE | {"name"},
    "TenantApplication": {"account_id", "tenant_id"},
    "Rollover": TENANT_BASE | {"name", "type", "start_date", "end_date", "status"},
    "Schedule": TENANT_BASE | {"type", "hour", "enabled"},
    "Ingestion": TENANT_BASE | {"type", "state"},
    "MassChangeDetail": set(),
    "License": set(),
    "IntegrationStatus": set(),
    "ErrorType": set(),
    "Paging": set(),
    "TokenResponse": {"access_token"},
    "TokenError": {"error"},
}  # fmt: skip


@pytest.mark.parametrize(("name", "required"), sorted(REQUIRED_IN_RESPONSES.items()))
def test_responses_require_what_the_api_always_sends(name: str, required: set[str]) -> None:
    properties, found = flattened(schema(name))
    assert found == required
    assert required <= set(properties)


def test_every_resource_answered_requires_its_id() -> None:
    reached = schemas_reached(response_parts())
    with_id = {name for name in reached if "id" in flattened(schema(name))[0]}
    assert with_id >= {
        "Actor", "Cloud", "Integration", "IntegrationVersion", "TenantInfo", "ScopingSchool",
        "ScopingCourse", "Rollover", "Schedule", "Ingestion",
    }  # fmt: skip
    for name in with_id:
        assert "id" in flattened(schema(name))[1], name


def test_responses_allow_null_only_where_the_api_sends_it() -> None:
    reached = schemas_reached(response_parts())
    nullable = {
        (name, prop)
        for name in reached
        for prop, definition in own_properties(name).items()
        if allows_null(definition)
    }
    assert nullable == {
        ("Paging", "next"),
        ("SingleObjectResponse", "error"),
        ("ErrorType", "ext_message"),
        ("ErrorType", "details"),
        ("RolloverMetadata", "created"),  # the docs' request example sends null
        ("RolloverMetadata", "updated"),
    }


def test_tenant_references_are_optional_objects_never_nulls() -> None:
    """The docs show them as null (an unexpanded reference); the API sends objects or nothing."""
    properties, required = flattened(schema("TenantInfo"))
    for name, target in (("account", "AccountRef"), ("cloud", "CloudRef"),
                         ("integration", "IntegrationRef")):  # fmt: skip
        assert properties[name] == {"$ref": f"#/components/schemas/{target}"}
        assert name not in required


def test_actor_auth_type_is_an_open_case_insensitive_enum() -> None:
    properties, _ = flattened(schema("ActorAuth"))
    assert properties["type"] == {"$ref": "#/components/schemas/ActorAuthType"}
    auth_type = schema("ActorAuthType")
    assert auth_type["enum"] == ["oauth2", "basic"]
    assert "case-insensitive" in auth_type["description"]
    assert "unknown values" in auth_type["description"]


def test_paging_next_has_an_example_link_after_a_null_one() -> None:
    first, example = schema("Paging")["properties"]["next"]["examples"]
    assert first is None  # what a mock answering the first example sends: a last page
    assert example.startswith("https://api.us2.kimonocloud.com/v2/interop/")
    assert "page=" in example
    assert "page_size=" in example


@pytest.mark.parametrize(
    ("name", "guesses"),
    [
        ("RolloverStatus", {"completed", "failed", "cancelled"}),
        ("ApplicationAuthType", {"none", "basic", "oauth2", "api_key"}),
        ("AppAuthScheme", {"basic", "api_key", "token"}),
    ],
)
def test_guessed_enum_values_are_marked(name: str, guesses: set[str]) -> None:
    enum = schema(name)
    description = " ".join(enum["description"].split())
    assert guesses <= set(enum["enum"])
    for value in guesses:
        assert f"`{value}` (guessed: not in the docs)" in description, value
    for value in set(enum["enum"]) - guesses:
        assert f"`{value}` (guessed" not in description, value
