"""kimono_interop: the async Python SDK for the Kimono Interop API v2.

    from kimono_interop import ApiKey, InteropClient

    async with InteropClient(auth=ApiKey(key)) as interop:
        async for cloud in interop.clouds.list():
            ...

The public API is what this module exports; the models live in :mod:`kimono_interop.models`
and the local emulator in :mod:`kimono_interop.sandbox` (install ``kimono-interop[sandbox]``).
"""

from kimono_interop._client import InteropClient
from kimono_interop._config import DEFAULT_BASE_URL, DEFAULT_MAX_CONNECTIONS, DEFAULT_TIMEOUT
from kimono_interop._credentials import (
    ApiKey,
    AuthSession,
    BasicCredentials,
    BearerToken,
    ClientCredentials,
    Credentials,
    Token,
    TokenCredentials,
)
from kimono_interop._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    InsecureTransportError,
    InteropError,
    InvalidArgumentError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from kimono_interop._pagination import AsyncPager, Page, PageLink
from kimono_interop._pipeline import Attempt, AttemptHook
from kimono_interop._response import APIResponse
from kimono_interop._retry import RetryPolicy
from kimono_interop._version import __version__
from kimono_interop.resources._ids import ResourceId

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_CONNECTIONS",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "ApiKey",
    "AsyncPager",
    "Attempt",
    "AttemptHook",
    "AuthSession",
    "AuthenticationError",
    "BadRequestError",
    "BasicCredentials",
    "BearerToken",
    "ClientClosedError",
    "ClientCredentials",
    "ConflictError",
    "Credentials",
    "InsecureTransportError",
    "InteropClient",
    "InteropError",
    "InvalidArgumentError",
    "NotFoundError",
    "Page",
    "PageLink",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResourceId",
    "RetryPolicy",
    "ServerError",
    "Token",
    "TokenCredentials",
    "__version__",
]
