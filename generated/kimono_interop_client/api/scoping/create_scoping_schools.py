from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_type import ErrorType
from ...models.scoping_schools_create_response import ScopingSchoolsCreateResponse
from ...models.scoping_schools_request import ScopingSchoolsRequest
from ...types import UNSET, Response, Unset, status_code_of


def _get_kwargs(
    *,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["replace"] = replace

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/interop/tenant/scoping/schools",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorType | ScopingSchoolsCreateResponse | None:
    if response.status_code == 200:
        response_200 = ScopingSchoolsCreateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorType.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorType.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorType.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorType.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorType.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorType.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorType | ScopingSchoolsCreateResponse]:
    try:
        parsed = _parse_response(client=client, response=response)
    except (ValueError, TypeError, KeyError):
        # An error response whose body is not the declared shape (a proxy's HTML 502, say) is
        # kept as content with parsed=None; a malformed success body still raises.
        if response.is_success:
            raise
        parsed = None
    return Response(
        status_code=status_code_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> Response[ErrorType | ScopingSchoolsCreateResponse]:
    """Create Scoping Schools

    Args:
        replace (bool | Unset):  Default: True.
        body (ScopingSchoolsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorType | ScopingSchoolsCreateResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        replace=replace,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> ErrorType | ScopingSchoolsCreateResponse | None:
    """Create Scoping Schools

    Args:
        replace (bool | Unset):  Default: True.
        body (ScopingSchoolsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorType | ScopingSchoolsCreateResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        replace=replace,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> Response[ErrorType | ScopingSchoolsCreateResponse]:
    """Create Scoping Schools

    Args:
        replace (bool | Unset):  Default: True.
        body (ScopingSchoolsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorType | ScopingSchoolsCreateResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        replace=replace,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ScopingSchoolsRequest,
    replace: bool | Unset = True,
) -> ErrorType | ScopingSchoolsCreateResponse | None:
    """Create Scoping Schools

    Args:
        replace (bool | Unset):  Default: True.
        body (ScopingSchoolsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorType | ScopingSchoolsCreateResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            replace=replace,
        )
    ).parsed
