from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_type import ErrorType
from ...models.tenant_application_update import TenantApplicationUpdate
from ...types import Response, status_code_of


def _get_kwargs(
    *,
    body: TenantApplicationUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v2/interop/tenant/application",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorType | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorType]:
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
    body: TenantApplicationUpdate,
) -> Response[Any | ErrorType]:
    """Update the Tenant Application's pending authentication

     Intended to be used during the authentication setup workflow (if there is authentication defined in
    the integration blueprint). The tenant (identified by actor authentication credentials) must be an
    integration. Can be updated only when the pending auth status of the application is 'updating'. Only
    a subset of the Tenant Application configuration may be changed: auth message, pending auth state
    (can only be set to 'confirmed'/'error'), pending auth attributes.

    Args:
        body (TenantApplicationUpdate): The only fields that may change, and only while
            `auth_state_pending` is `updating`; `auth_state_pending` may only be set to `confirmed` or
            `error`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorType]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TenantApplicationUpdate,
) -> Any | ErrorType | None:
    """Update the Tenant Application's pending authentication

     Intended to be used during the authentication setup workflow (if there is authentication defined in
    the integration blueprint). The tenant (identified by actor authentication credentials) must be an
    integration. Can be updated only when the pending auth status of the application is 'updating'. Only
    a subset of the Tenant Application configuration may be changed: auth message, pending auth state
    (can only be set to 'confirmed'/'error'), pending auth attributes.

    Args:
        body (TenantApplicationUpdate): The only fields that may change, and only while
            `auth_state_pending` is `updating`; `auth_state_pending` may only be set to `confirmed` or
            `error`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorType
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TenantApplicationUpdate,
) -> Response[Any | ErrorType]:
    """Update the Tenant Application's pending authentication

     Intended to be used during the authentication setup workflow (if there is authentication defined in
    the integration blueprint). The tenant (identified by actor authentication credentials) must be an
    integration. Can be updated only when the pending auth status of the application is 'updating'. Only
    a subset of the Tenant Application configuration may be changed: auth message, pending auth state
    (can only be set to 'confirmed'/'error'), pending auth attributes.

    Args:
        body (TenantApplicationUpdate): The only fields that may change, and only while
            `auth_state_pending` is `updating`; `auth_state_pending` may only be set to `confirmed` or
            `error`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorType]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TenantApplicationUpdate,
) -> Any | ErrorType | None:
    """Update the Tenant Application's pending authentication

     Intended to be used during the authentication setup workflow (if there is authentication defined in
    the integration blueprint). The tenant (identified by actor authentication credentials) must be an
    integration. Can be updated only when the pending auth status of the application is 'updating'. Only
    a subset of the Tenant Application configuration may be changed: auth message, pending auth state
    (can only be set to 'confirmed'/'error'), pending auth attributes.

    Args:
        body (TenantApplicationUpdate): The only fields that may change, and only while
            `auth_state_pending` is `updating`; `auth_state_pending` may only be set to `confirmed` or
            `error`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorType
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
