import json
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient
from ...errors import FieldError, ResponseBodyError, UnexpectedStatus
from ...models.integration_version_response import IntegrationVersionResponse
from ...types import (
    UNSET,
    File,
    RequestArgs,
    Response,
    httpx_kwargs,
    parse_model,
    status_code_of,
)

OPERATION_ID = "createIntegrationVersion"
"""The operation's id in the spec."""


def build_request(
    id: UUID,
    *,
    body: File,
) -> RequestArgs:
    """The method, path, query, headers and body of an `createIntegrationVersion` request."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/v2/interop/integrations/{id}/versions".format(
            id=quote(str(id), safe=""),
        ),
        "extensions": {"operation_id": OPERATION_ID},
    }

    _kwargs["content"] = body.payload

    headers["Content-Type"] = "application/xml"

    # An async client refuses a sync file object as content: send the payload's bytes.
    if hasattr(_kwargs.get("content"), "read"):
        _kwargs["content"] = _kwargs["content"].read()
    _kwargs["headers"] = headers
    return cast(RequestArgs, _kwargs)


def _decode(response: httpx.Response, body: object) -> object:
    if body is not UNSET:
        return body
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError) as error:
        kind = "empty" if not response.content.strip() else f"not valid JSON ({type(error).__name__})"
    raise FieldError("", f"the body is {kind}")


def _parse(response: httpx.Response, body: object) -> IntegrationVersionResponse:
    if response.status_code == 200:
        body = _decode(response, body)
        return parse_model(body, IntegrationVersionResponse.from_dict, "")
    raise FieldError("", f"status {response.status_code} is not a success this operation declares")


def parse_response(response: httpx.Response, body: object = UNSET) -> IntegrationVersionResponse:
    """The parsed body of a read success response; ResponseBodyError when it does not match the spec.

    `body` is the JSON already decoded from it, when the caller has it (a pager that looked at a
    page to tell whether it is the last).
    """
    try:
        return _parse(response, body)
    except FieldError as error:
        problem = FieldError(error.path, error.problem)  # a fresh copy: no frames holding the body
    raise ResponseBodyError(OPERATION_ID, response.status_code, problem)


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: File,
) -> Response[IntegrationVersionResponse]:
    """Create Integration Version

     Create a new version of an Integration from its XML Integration Blueprint, sent raw as
    `application/xml` (415 otherwise; 400 when it is not well-formed). The root element, `Blueprint` or
    `IntegrationBlueprint`, must carry a `version` attribute, which names the new version (409 when the
    Integration already has it), and may carry a `title`.

    Args:
        id (UUID):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationVersionResponse]
    """

    response = await client.get_async_httpx_client().request(
        **httpx_kwargs(
            build_request(
                id=id,
                body=body,
            )
        )
    )
    if not 200 <= response.status_code <= 299:
        raise UnexpectedStatus(response.status_code, response.content)
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: File,
) -> IntegrationVersionResponse:
    """Create Integration Version

     Create a new version of an Integration from its XML Integration Blueprint, sent raw as
    `application/xml` (415 otherwise; 400 when it is not well-formed). The root element, `Blueprint` or
    `IntegrationBlueprint`, must carry a `version` attribute, which names the new version (409 when the
    Integration already has it), and may carry a `title`.

    Args:
        id (UUID):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationVersionResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
