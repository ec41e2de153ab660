import json
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient
from ...errors import FieldError, ResponseBodyError, UnexpectedStatus
from ...models.scoping_schools_create_response import ScopingSchoolsCreateResponse
from ...models.scoping_schools_request import ScopingSchoolsRequest
from ...types import (
    UNSET,
    RequestArgs,
    Response,
    Unset,
    httpx_kwargs,
    parse_model,
    status_code_of,
)

OPERATION_ID = "createScopingSchools"
"""The operation's id in the spec."""


def build_request(
    *,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> RequestArgs:
    """The method, path, query, headers and body of an `createScopingSchools` request."""
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["replace"] = replace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/v2/interop/tenant/scoping/schools",
        "params": params,
        "extensions": {"operation_id": OPERATION_ID},
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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


def _parse(response: httpx.Response, body: object) -> ScopingSchoolsCreateResponse:
    if response.status_code == 200:
        body = _decode(response, body)
        return parse_model(body, ScopingSchoolsCreateResponse.from_dict, "")
    raise FieldError("", f"status {response.status_code} is not a success this operation declares")


def parse_response(response: httpx.Response, body: object = UNSET) -> ScopingSchoolsCreateResponse:
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
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> Response[ScopingSchoolsCreateResponse]:
    """Create Scoping Schools

     Create Scoping Schools for this tenant's repository. With `replace=true` (the default) the schools
    sent replace all existing Scoping Schools; with `replace=false` they are appended. Every school
    needs a `name`. The response carries the created Scoping Schools.

    Args:
        replace (bool | Unset):  Default: True.
        body (ScopingSchoolsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScopingSchoolsCreateResponse]
    """

    response = await client.get_async_httpx_client().request(
        **httpx_kwargs(
            build_request(
                body=body,
                replace=replace,
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
    *,
    client: AuthenticatedClient,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> ScopingSchoolsCreateResponse:
    """Create Scoping Schools

     Create Scoping Schools for this tenant's repository. With `replace=true` (the default) the schools
    sent replace all existing Scoping Schools; with `replace=false` they are appended. Every school
    needs a `name`. The response carries the created Scoping Schools.

    Args:
        replace (bool | Unset):  Default: True.
        body (ScopingSchoolsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScopingSchoolsCreateResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            replace=replace,
        )
    ).parsed
