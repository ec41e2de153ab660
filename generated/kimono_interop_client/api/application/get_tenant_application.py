import json
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient
from ...errors import FieldError, ResponseBodyError, UnexpectedStatus
from ...models.tenant_application_response import TenantApplicationResponse
from ...types import (
    UNSET,
    RequestArgs,
    Response,
    httpx_kwargs,
    parse_model,
    status_code_of,
)

OPERATION_ID = "getTenantApplication"
"""The operation's id in the spec."""


def build_request() -> RequestArgs:
    """The method, path, query, headers and body of an `getTenantApplication` request."""

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v2/interop/tenant/application",
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


def _parse(response: httpx.Response, body: object) -> TenantApplicationResponse:
    if response.status_code == 200:
        body = _decode(response, body)
        return parse_model(body, TenantApplicationResponse.from_dict, "")
    raise FieldError("", f"status {response.status_code} is not a success this operation declares")


def parse_response(response: httpx.Response, body: object = UNSET) -> TenantApplicationResponse:
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
    *,
    client: AuthenticatedClient,
) -> Response[TenantApplicationResponse]:
    """Get the Tenant Application

     The endpoint returns tenant application's authentication parameters (defined in the integration
    blueprint), as well as configuration options. The tenant (identified by actor authentication
    credentials) must be an integration. The response should be cached by driver implementations in
    memory.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TenantApplicationResponse]
    """

    response = await client.get_async_httpx_client().request(**httpx_kwargs(build_request()))
    if not 200 <= response.status_code <= 299:
        raise UnexpectedStatus(response.status_code, response.content)
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> TenantApplicationResponse:
    """Get the Tenant Application

     The endpoint returns tenant application's authentication parameters (defined in the integration
    blueprint), as well as configuration options. The tenant (identified by actor authentication
    credentials) must be an integration. The response should be cached by driver implementations in
    memory.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TenantApplicationResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
