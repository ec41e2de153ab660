from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_type import ErrorType
from ...models.integration_version_response import IntegrationVersionResponse
from ...types import File, Response, status_code_of


def _get_kwargs(
    id: UUID,
    version: str,
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v2/interop/integrations/{id}/versions/{version}/blueprint".format(
            id=quote(str(id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/xml"

    # httpx.AsyncClient refuses a sync file object as content: send the payload's bytes.
    if hasattr(_kwargs.get("content"), "read"):
        _kwargs["content"] = _kwargs["content"].read()
    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorType | IntegrationVersionResponse | None:
    if response.status_code == 200:
        response_200 = IntegrationVersionResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorType.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorType.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = ErrorType.from_dict(response.json())

        return response_415

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
) -> Response[ErrorType | IntegrationVersionResponse]:
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
    id: UUID,
    version: str,
    *,
    client: AuthenticatedClient,
    body: File,
) -> Response[ErrorType | IntegrationVersionResponse]:
    """Replace an Integration Version's Blueprint

    Args:
        id (UUID):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorType | IntegrationVersionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        version=version,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    version: str,
    *,
    client: AuthenticatedClient,
    body: File,
) -> ErrorType | IntegrationVersionResponse | None:
    """Replace an Integration Version's Blueprint

    Args:
        id (UUID):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorType | IntegrationVersionResponse
    """

    return sync_detailed(
        id=id,
        version=version,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    version: str,
    *,
    client: AuthenticatedClient,
    body: File,
) -> Response[ErrorType | IntegrationVersionResponse]:
    """Replace an Integration Version's Blueprint

    Args:
        id (UUID):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorType | IntegrationVersionResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        version=version,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    version: str,
    *,
    client: AuthenticatedClient,
    body: File,
) -> ErrorType | IntegrationVersionResponse | None:
    """Replace an Integration Version's Blueprint

    Args:
        id (UUID):
        version (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorType | IntegrationVersionResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            version=version,
            client=client,
            body=body,
        )
    ).parsed
