import json
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient
from ...errors import FieldError, ResponseBodyError, UnexpectedStatus
from ...types import (
    UNSET,
    RequestArgs,
    Response,
    httpx_kwargs,
    status_code_of,
)

OPERATION_ID = "deleteRollover"
"""The operation's id in the spec."""


def build_request(
    id: UUID,
) -> RequestArgs:
    """The method, path, query, headers and body of an `deleteRollover` request."""

    _kwargs: dict[str, Any] = {
        "method": "DELETE",
        "url": "/v2/interop/tenant/rollovers/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "extensions": {"operation_id": OPERATION_ID},
    }

    return cast(RequestArgs, _kwargs)


def _decode(response: httpx.Response, body: object) -> object:
    if body is not UNSET:
        return body
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError) as error:
        kind = "empty" if not response.content.strip() else f"not valid JSON ({type(error).__name__})"
    raise FieldError("", f"the body is {kind}")


def _parse(response: httpx.Response, body: object) -> None:
    if response.status_code == 204:
        if response.content.strip():
            raise FieldError("", f"expected no content, got {len(response.content)} bytes")
        return None
    if 200 <= response.status_code <= 299 and not response.content.strip():
        return None
    raise FieldError("", f"status {response.status_code} is not a success this operation declares")


def parse_response(response: httpx.Response, body: object = UNSET) -> None:
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
) -> Response[None]:
    """Delete a Rollover

     Delete a rollover of the tenant. The tenant is identified by actor authentication credentials. An
    active rollover cannot be deleted: 409.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None]
    """

    response = await client.get_async_httpx_client().request(
        **httpx_kwargs(
            build_request(
                id=id,
            )
        )
    )
    if not 200 <= response.status_code <= 299:
        raise UnexpectedStatus(response.status_code, response.content)
    parse_response(response)
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=None,
    )


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
) -> None:
    """Delete a Rollover

     Delete a rollover of the tenant. The tenant is identified by actor authentication credentials. An
    active rollover cannot be deleted: 409.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
