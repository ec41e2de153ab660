import json
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...errors import FieldError, ResponseBodyError, UnexpectedStatus
from ...models.token_request import TokenRequest
from ...models.token_response import TokenResponse
from ...types import (
    UNSET,
    RequestArgs,
    Response,
    httpx_kwargs,
    parse_model,
    status_code_of,
)

OPERATION_ID = "oauthToken"
"""The operation's id in the spec."""


def build_request(
    *,
    body: TokenRequest,
) -> RequestArgs:
    """The method, path, query, headers and body of an `oauthToken` request."""
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/oauth/token",
        "extensions": {"operation_id": OPERATION_ID},
    }

    _kwargs["data"] = body.to_dict()

    headers["Content-Type"] = "application/x-www-form-urlencoded"

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


def _parse(response: httpx.Response, body: object) -> TokenResponse:
    if response.status_code == 200:
        body = _decode(response, body)
        return parse_model(body, TokenResponse.from_dict, "")
    raise FieldError("", f"status {response.status_code} is not a success this operation declares")


def parse_response(response: httpx.Response, body: object = UNSET) -> TokenResponse:
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
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> Response[TokenResponse]:
    """Get an access token

     Exchange an actor's OAuth2 client credentials (`TenantInfo.auth` of type `oauth2`) for an access
    token: the client credentials grant of RFC 6749 section 4.4, without a scope. Send
    `grant_type=client_credentials` with `client_id` and `client_secret` form-encoded, or send the
    client id and secret as HTTP Basic credentials instead. The response's `access_token` goes out as
    `Authorization: Bearer ...` on the tenant's calls. `expires_in` is not documented: use it when
    present, and get a new token on a 401. Errors follow RFC 6749 section 5.2.

    Args:
        body (TokenRequest): A client credentials token request, form-encoded. `client_id` and
            `client_secret` may be sent as HTTP Basic credentials instead of in the form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TokenResponse]
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
    client: AuthenticatedClient | Client,
    body: TokenRequest,
) -> TokenResponse:
    """Get an access token

     Exchange an actor's OAuth2 client credentials (`TenantInfo.auth` of type `oauth2`) for an access
    token: the client credentials grant of RFC 6749 section 4.4, without a scope. Send
    `grant_type=client_credentials` with `client_id` and `client_secret` form-encoded, or send the
    client id and secret as HTTP Basic credentials instead. The response's `access_token` goes out as
    `Authorization: Bearer ...` on the tenant's calls. `expires_in` is not documented: use it when
    present, and get a new token on a 401. Errors follow RFC 6749 section 5.2.

    Args:
        body (TokenRequest): A client credentials token request, form-encoded. `client_id` and
            `client_secret` may be sent as HTTP Basic credentials instead of in the form.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
