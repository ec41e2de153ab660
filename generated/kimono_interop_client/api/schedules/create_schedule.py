import json
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient
from ...errors import FieldError, ResponseBodyError, UnexpectedStatus
from ...models.schedule_create import ScheduleCreate
from ...models.schedule_response import ScheduleResponse
from ...types import (
    UNSET,
    RequestArgs,
    Response,
    httpx_kwargs,
    parse_model,
    status_code_of,
)

OPERATION_ID = "createSchedule"
"""The operation's id in the spec."""


def build_request(
    *,
    body: ScheduleCreate,
) -> RequestArgs:
    """The method, path, query, headers and body of an `createSchedule` request."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/v2/interop/tenant/schedules",
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


def _parse(response: httpx.Response, body: object) -> ScheduleResponse:
    if response.status_code == 200:
        body = _decode(response, body)
        return parse_model(body, ScheduleResponse.from_dict, "")
    raise FieldError("", f"status {response.status_code} is not a success this operation declares")


def parse_response(response: httpx.Response, body: object = UNSET) -> ScheduleResponse:
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
    body: ScheduleCreate,
) -> Response[ScheduleResponse]:
    """Create a Schedule

     Create a Schedule for the tenant identified by actor authentication credentials. Only the `hour`
    (understood in UTC) field is expected; only creating collection schedules is possible. Any other
    field is refused with 400; a second collection schedule at the same hour answers 409.

    Args:
        body (ScheduleCreate): Only `hour` is expected; any other field is refused with 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ScheduleResponse]
    """

    response = await client.get_async_httpx_client().request(
        **httpx_kwargs(
            build_request(
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
    *,
    client: AuthenticatedClient,
    body: ScheduleCreate,
) -> ScheduleResponse:
    """Create a Schedule

     Create a Schedule for the tenant identified by actor authentication credentials. Only the `hour`
    (understood in UTC) field is expected; only creating collection schedules is possible. Any other
    field is refused with 400; a second collection schedule at the same hour answers 409.

    Args:
        body (ScheduleCreate): Only `hour` is expected; any other field is refused with 400.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ScheduleResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
