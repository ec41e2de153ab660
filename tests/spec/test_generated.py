"""The spec validates, generated/ is in sync, and the generated client is forward compatible."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import uuid
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import httpx
import pytest
from kimono_interop_client import AuthenticatedClient
from kimono_interop_client.api.clouds import find_cloud
from kimono_interop_client.api.integrations import create_integration_version
from kimono_interop_client.api.tenants import list_interop_tenants
from kimono_interop_client.errors import FieldError, ResponseBodyError, UnexpectedStatus
from kimono_interop_client.models import (
    Actor,
    ActorAuth,
    ActorAuthType,
    ActorType,
    Ingestion,
    IngestionState,
    ReleaseState,
    TenantApplication,
    TenantInfo,
)
from kimono_interop_client.types import UNSET, File, status_code_of
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from tests.conftest import ROOT, SPEC_PATH

CLOUD_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
WHEN = "2025-07-04T16:18:06.444000+00:00"
BASE: dict[str, Any] = {
    "id": CLOUD_ID,
    "created_at": WHEN,
    "updated_at": WHEN,
    "account_id": CLOUD_ID,
}
TENANT: dict[str, Any] = {
    "id": CLOUD_ID,
    "name": "District",
    "actor_id": CLOUD_ID,
    "account": {"id": CLOUD_ID, "name": "Acme"},
    "cloud": {"id": CLOUD_ID, "name": "Acme Cloud"},
    "integration": {"id": CLOUD_ID, "name": "roster-sync"},
}
VERSION = {
    "id": CLOUD_ID,
    "created_at": WHEN,
    "updated_at": WHEN,
    "integration_id": CLOUD_ID,
    "version": "1.0.0",
    "release_state": "beta",
}


def test_spec_passes_openapi_spec_validator() -> None:
    spec, _ = read_from_filename(str(SPEC_PATH))
    validate(spec)


def test_generated_package_is_in_sync_with_the_spec() -> None:
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "scripts" / "generate_client.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "in sync" in result.stdout


def test_generated_package_ships_py_typed() -> None:
    assert (ROOT / "generated" / "kimono_interop_client" / "py.typed").is_file()


def test_unknown_enum_value_and_fields_survive_a_round_trip() -> None:
    payload = {
        **BASE,
        "name": "District SIS connector",
        "type": "robot",
        "auth": {"type": "oauth2", "client_id": "abc", "future": [1, 2]},
        "brand_new_field": {"nested": True},
    }
    actor = Actor.from_dict(payload)
    assert isinstance(actor.type_, ActorType)
    assert actor.type_ == "robot"
    assert actor.type_.is_known is False
    assert ActorType("connector").is_known is True
    assert actor.additional_properties == {"brand_new_field": {"nested": True}}
    assert actor.to_dict() == payload


def test_unknown_ingestion_state_round_trips() -> None:
    payload = {**BASE, "tenant_id": CLOUD_ID, "state": "archived", "type": "mirror"}
    ingestion = Ingestion.from_dict(payload)
    assert isinstance(ingestion.state, IngestionState)
    assert str(ingestion.state) == "archived"
    assert ingestion.to_dict() == payload


def test_a_success_status_the_operation_does_not_declare_is_a_body_error() -> None:
    with pytest.raises(ResponseBodyError, match="status 201 is not a success"):
        find_cloud.parse_response(httpx.Response(201, json={"data": {}}))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"<x/>", "not valid JSON"),
        (b"", "the body is empty"),
        (b"[]", "expected an object, got array"),
        (b'{"data": {"id": 7}}', "data.id: expected a UUID string, got integer 7"),
    ],
)
def test_a_malformed_success_body_raises_a_body_error_naming_the_problem(
    content: bytes, problem: str
) -> None:
    with pytest.raises(ResponseBodyError) as caught:
        find_cloud.parse_response(httpx.Response(200, content=content))
    assert caught.value.operation_id == "findCloud"
    assert problem in str(caught.value)
    assert isinstance(caught.value.__cause__, FieldError)


def test_build_request_names_its_operation() -> None:
    args = find_cloud.build_request(id=uuid.UUID(CLOUD_ID))
    assert args["method"] == "GET"
    assert args["url"] == f"/v2/interop/clouds/{CLOUD_ID}"
    assert args["extensions"] == {"operation_id": "findCloud"}


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url="http://test", token="")
    client.set_async_httpx_client(
        httpx.AsyncClient(base_url="http://test", transport=httpx.MockTransport(handler))
    )
    return client


async def test_list_query_params_go_out_comma_separated() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": []})

    accounts = [uuid.UUID(int=1), uuid.UUID(int=2)]
    await list_interop_tenants.asyncio_detailed(
        client=_client(handler), accounts=accounts, integrations=["sis", "lms, v2"]
    )
    # style: form, explode: false: literal commas between items, a comma inside one is %2C
    assert seen[0].url.query.decode() == (
        f"accounts={accounts[0]},{accounts[1]}&integrations=sis,lms%2C%20v2&page=0"
    )


async def test_the_standalone_client_raises_on_an_error_status() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(520, json={"status": 520, "message": "origin down"})

    with pytest.raises(UnexpectedStatus) as caught:
        await find_cloud.asyncio_detailed(uuid.UUID(CLOUD_ID), client=_client(handler))
    assert caught.value.status_code == 520
    assert status_code_of(520) == 520
    assert status_code_of(502) is HTTPStatus.BAD_GATEWAY


async def test_blueprint_upload_sends_raw_xml() -> None:
    seen: list[httpx.Request] = []
    xml = b'<Blueprint version="1.0.0" title="Roster"/>'

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": VERSION})

    response = await create_integration_version.asyncio_detailed(
        uuid.UUID(CLOUD_ID), client=_client(handler), body=File(payload=io.BytesIO(xml))
    )
    assert seen[0].headers["content-type"] == "application/xml"
    assert seen[0].content == xml
    assert response.status_code == HTTPStatus.OK
    assert response.parsed.data.version == "1.0.0"


def test_an_enum_value_in_another_case_is_not_a_known_member() -> None:
    released = ReleaseState("Released")
    assert released.is_known is False
    assert released != ReleaseState.RELEASED
    assert released.value == "Released"
    assert ReleaseState("released") is ReleaseState.RELEASED
    assert ReleaseState.RELEASED.is_known is True


def test_secrets_are_masked_in_model_reprs_required_or_not() -> None:
    secrets = ["S3cr3t-client", "tok-123456", "refresh-98765", "pw-hunter2", "key-abcdef"]
    info = TenantInfo.from_dict(
        {
            **TENANT,
            "auth": {"type": "oauth2", "client_id": "cid", "client_secret": secrets[0]},
            "app_auth": {
                "scheme": "oauth2",
                "token": secrets[1],
                "refresh_token": secrets[2],
                "password": secrets[3],
                "api_key": secrets[4],
            },
            "future_field": {"client_secret": "extra-secret"},
            "api_key": "top-level-extra-secret",
        }
    )
    required = ActorAuth(
        type_=ActorAuthType.OAUTH2, client_id="cid", client_secret="required-secret"
    )
    app = TenantApplication.from_dict(
        {**BASE, "tenant_id": CLOUD_ID, "auth_props": {"password": "props-secret"}}
    )
    text = repr(info) + repr(app) + repr(required)
    for secret in [*secrets, "props-secret", "required-secret", "top-level-extra-secret"]:
        assert secret not in text
    assert "'***'" in text
    assert "cid" in text
    assert info.to_dict()["auth"]["client_secret"] == secrets[0]
    assert app.to_dict()["auth_props"] == {"password": "props-secret"}


def test_datetimes_are_parsed_as_aware_datetimes() -> None:
    stamp = "2025-07-04T16:18:06.444Z"
    auth = ActorAuth.from_dict(
        {"type": "oauth2", "client_id": "c", "client_secret": "s", "updated_at": stamp}
    )
    assert auth.updated_at == dt.datetime(2025, 7, 4, 16, 18, 6, 444000, tzinfo=dt.UTC)
    naive = ActorAuth.from_dict(
        {
            "type": "oauth2",
            "client_id": "c",
            "client_secret": "s",
            "updated_at": "2025-07-04T16:18:06",
        }
    )
    assert naive.updated_at == dt.datetime(2025, 7, 4, 16, 18, 6, tzinfo=dt.UTC)


def test_a_null_in_an_optional_field_reads_as_absent() -> None:
    info = TenantInfo.from_dict({**TENANT, "account": None, "cloud": None, "integration": None})
    assert info.account is UNSET
    assert info.cloud is UNSET
    assert info.integration is UNSET


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"name": 123}, "name: expected a string, got integer 123"),
        ({"auth": {"type": "oauth2", "client_id": 5}}, "auth.client_id: expected a string"),
        ({"auth": []}, "auth: expected an object, got array"),
        ({"account": []}, "account: expected an object, got array"),
        ({"cloud": {"id": "nope", "name": "c"}}, "cloud.id: expected a UUID string"),
    ],
)
def test_values_of_the_wrong_type_raise_a_field_error_naming_them(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(FieldError) as caught:
        TenantInfo.from_dict({**TENANT, **changes})
    assert problem in str(caught.value)


def test_a_required_field_missing_is_named() -> None:
    payload = {key: value for key, value in TENANT.items() if key != "actor_id"}
    with pytest.raises(FieldError, match="actor_id: is required but missing"):
        TenantInfo.from_dict(payload)


def test_a_secret_of_the_wrong_type_is_never_quoted() -> None:
    payload = {**TENANT, "auth": {"type": "oauth2", "client_id": "c", "client_secret": 987654}}
    with pytest.raises(FieldError) as caught:
        TenantInfo.from_dict(payload)
    assert str(caught.value) == "auth.client_secret: expected a string, got integer"
