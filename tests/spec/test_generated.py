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
from kimono_interop_client.models import (
    Actor,
    ActorType,
    Ingestion,
    IngestionState,
    TenantApplication,
    TenantInfo,
)
from kimono_interop_client.types import File
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from tests.conftest import ROOT, SPEC_PATH

CLOUD_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"


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
        "id": "123e4567-e89b-12d3-a456-426614174000",
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
    payload = {"id": "123e4567-e89b-12d3-a456-426614174000", "state": "archived", "type": "mirror"}
    ingestion = Ingestion.from_dict(payload)
    assert isinstance(ingestion.state, IngestionState)
    assert str(ingestion.state) == "archived"
    assert ingestion.to_dict() == payload


@pytest.mark.parametrize(
    ("status", "content", "expected_status", "parsed_is_none"),
    [
        (520, b'{"status": 520, "code": "origin", "message": "boom"}', 520, False),
        (499, b"", 499, True),
        (502, b"<html><body>Bad gateway</body></html>", HTTPStatus.BAD_GATEWAY, True),
    ],
)
def test_error_statuses_never_break_response_building(
    status: int, content: bytes, expected_status: int, parsed_is_none: bool
) -> None:
    client = AuthenticatedClient(base_url="http://test", token="")
    response = httpx.Response(status, content=content)
    built = find_cloud._build_response(client=client, response=response)
    assert built.status_code == expected_status
    assert type(built.status_code) is (HTTPStatus if status == 502 else int)
    assert (built.parsed is None) is parsed_is_none


def test_a_malformed_success_body_still_raises() -> None:
    client = AuthenticatedClient(base_url="http://test", token="")
    with pytest.raises(ValueError, match="Expecting value"):
        find_cloud._build_response(client=client, response=httpx.Response(200, content=b"<x/>"))


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
        client=_client(handler), accounts=accounts, integrations=["sis", "lms"]
    )
    params = seen[0].url.params
    assert params.get_list("accounts") == [f"{accounts[0]},{accounts[1]}"]
    assert params.get_list("integrations") == ["sis,lms"]


async def test_blueprint_upload_sends_raw_xml() -> None:
    seen: list[httpx.Request] = []
    xml = b'<Blueprint version="1.0.0" title="Roster"/>'

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": {"version": "1.0.0"}})

    response = await create_integration_version.asyncio_detailed(
        uuid.UUID(CLOUD_ID), client=_client(handler), body=File(payload=io.BytesIO(xml))
    )
    assert seen[0].headers["content-type"] == "application/xml"
    assert seen[0].content == xml
    assert response.status_code == HTTPStatus.OK


def test_secrets_are_masked_in_model_reprs() -> None:
    secrets = ["S3cr3t-client", "tok-123456", "refresh-98765", "pw-hunter2", "key-abcdef"]
    info = TenantInfo.from_dict(
        {
            "id": "123e4567-e89b-12d3-a456-426614174000",
            "auth": {"type": "oauth2", "client_id": "cid", "client_secret": secrets[0]},
            "app_auth": {
                "scheme": "oauth2",
                "token": secrets[1],
                "refresh_token": secrets[2],
                "password": secrets[3],
                "api_key": secrets[4],
            },
        }
    )
    app = TenantApplication.from_dict({"auth_props": {"password": "props-secret"}})
    text = repr(info) + repr(app)
    for secret in [*secrets, "props-secret"]:
        assert secret not in text
    assert "'***'" in text
    assert "cid" in text
    assert info.to_dict()["auth"]["client_secret"] == secrets[0]
    assert app.to_dict()["auth_props"] == {"password": "props-secret"}


def test_datetimes_are_parsed_as_aware_datetimes() -> None:
    info = TenantInfo.from_dict(
        {"id": CLOUD_ID, "auth": {"updated_at": "2025-07-04T16:18:06.444Z"}}
    )
    assert not isinstance(info.auth, type(None))
    updated: Any = info.auth.updated_at  # type: ignore[union-attr]
    assert updated == dt.datetime(2025, 7, 4, 16, 18, 6, 444000, tzinfo=dt.UTC)
