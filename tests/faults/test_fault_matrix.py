"""Every 2xx body that does not parse as the spec says ends in APIResponseValidationError.

For a GET, POST, PUT, PATCH and DELETE operation, the server answers 200 with each malformed
body; the SDK must raise APIResponseValidationError naming the operation and the problem, with
the status, a response snapshot and the parse problem as ``__cause__``, and nothing else.
PATCH and DELETE operations declare 204 No Content: for them an empty body is what the spec
says (whatever the 2xx status), and any body at all is malformed.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from kimono_interop_client.errors import FieldError

from kimono_interop import APIResponseValidationError, InteropClient
from tests.faults.conftest import ID, STAMP, ClientFactory, cloud
from tests.faults.server import FaultServer, Reply

VERSION = {
    "id": ID,
    "created_at": STAMP,
    "updated_at": STAMP,
    "integration_id": ID,
    "version": "1.0",
    "release_state": "beta",
}
BLUEPRINT = '<Blueprint version="1.0"/>'

Call = Callable[[InteropClient], Awaitable[Any]]

OPERATIONS: dict[str, tuple[str, Call, dict[str, Any] | None]] = {
    "GET": ("findCloud", lambda c: c.clouds.get(ID), {"data": cloud()}),
    "POST": ("createCloud", lambda c: c.clouds.create(name="Acme Cloud"), {"data": cloud()}),
    "PUT": (
        "updateIntegrationBlueprint",
        lambda c: c.integrations.versions.put_blueprint(ID, "1.0", BLUEPRINT),
        {"data": VERSION},
    ),
    "PATCH": ("updateIntegration", lambda c: c.integrations.update(ID, name="n"), None),
    "DELETE": ("deleteCloud", lambda c: c.clouds.delete(ID), None),
}

MALFORMED: dict[str, bytes] = {
    "truncated": b'{"data": {"id": "6f7a1c2e-0000-4000-8000-0000',
    "not JSON": b"<html>oops</html>",
    "empty": b"",
    "missing data": b"{}",
    "data null": b'{"data": null}',
    "a bare list": b"[]",
    "id of the wrong type": json.dumps({"data": cloud(id="not-a-uuid")}).encode(),
}

CASES = [
    pytest.param(method, name, id=f"{method}-{name}")
    for method in OPERATIONS
    for name in MALFORMED
    if not (name == "empty" and OPERATIONS[method][2] is None)
]


@pytest.mark.parametrize(("method", "body_name"), CASES)
async def test_a_malformed_success_body_is_an_api_response_validation_error(
    server: FaultServer, make_client: ClientFactory, method: str, body_name: str
) -> None:
    operation_id, call, _ = OPERATIONS[method]
    server.enqueue(Reply(body=MALFORMED[body_name], headers={"Content-Type": "application/json"}))

    with pytest.raises(APIResponseValidationError) as caught:
        await call(make_client())

    error = caught.value
    assert type(error) is APIResponseValidationError
    assert error.status_code == 200
    assert operation_id in str(error)
    assert "does not match the spec" in str(error)
    assert isinstance(error.__cause__, FieldError)
    assert error.__cause__.__traceback__ is None  # no frames holding the body
    assert error.response.content == MALFORMED[body_name]
    assert error.response.request.method == method
    assert [r.method for r in server.requests] == [method]  # a bad body is never retried


async def test_the_problem_names_the_field(server: FaultServer, make_client: ClientFactory) -> None:
    server.enqueue(Reply(json={"data": cloud(id="not-a-uuid")}))
    with pytest.raises(APIResponseValidationError, match=r"data\.id: expected a UUID string"):
        await make_client().clouds.get(ID)


@pytest.mark.parametrize("method", list(OPERATIONS))
async def test_a_well_formed_success_body_parses(
    server: FaultServer, make_client: ClientFactory, method: str
) -> None:
    _, call, body = OPERATIONS[method]
    server.enqueue(Reply(json=body) if body is not None else Reply(status=204))
    result = await call(make_client())
    assert (result is None) == (body is None)


@pytest.mark.parametrize(
    "field",
    ["userdata", "generation"],
)
async def test_a_null_in_an_optional_field_does_not_break_the_page(
    server: FaultServer, make_client: ClientFactory, field: str
) -> None:
    server.enqueue(
        Reply(json={"data": [cloud(), cloud(**{field: None})], "paging": {"next": None}})
    )
    clouds = await make_client().clouds.list().collect()
    assert len(clouds) == 2


async def test_a_required_field_missing_names_it(
    server: FaultServer, make_client: ClientFactory
) -> None:
    body = cloud()
    del body["id"]
    server.enqueue(Reply(json={"data": body}))
    with pytest.raises(APIResponseValidationError, match=r"data\.id: is required but missing"):
        await make_client().clouds.get(ID)


async def test_an_undecodable_content_encoding_is_a_validation_error(
    server: FaultServer, make_client: ClientFactory
) -> None:
    server.enqueue(
        Reply(body=b"\x1f\x8bnot-gzip", headers={"Content-Encoding": "gzip"}),
    )
    with pytest.raises(APIResponseValidationError, match="cannot be decoded") as caught:
        await make_client().clouds.get(ID)
    assert caught.value.status_code == 200
