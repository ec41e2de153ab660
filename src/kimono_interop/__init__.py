"""kimono_interop: the async Python SDK for the Kimono Interop API v2.

    from kimono_interop import ApiKey, InteropClient

    async with InteropClient(auth=ApiKey(key)) as interop:
        async for cloud in interop.clouds.list():
            ...

The public API is what this module exports; the models live in :mod:`kimono_interop.models`
and the local emulator in :mod:`kimono_interop.sandbox` (install ``kimono-interop[sandbox]``).
"""

import importlib as _importlib
from typing import TYPE_CHECKING

from kimono_interop._version import __version__

if TYPE_CHECKING:
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
    from kimono_interop.resources._ids import ResourceId

_EXPORTS: dict[str, str] = {
    "InteropClient": "kimono_interop._client",
    "DEFAULT_BASE_URL": "kimono_interop._config",
    "DEFAULT_MAX_CONNECTIONS": "kimono_interop._config",
    "DEFAULT_TIMEOUT": "kimono_interop._config",
    "ApiKey": "kimono_interop._credentials",
    "AuthSession": "kimono_interop._credentials",
    "BasicCredentials": "kimono_interop._credentials",
    "BearerToken": "kimono_interop._credentials",
    "ClientCredentials": "kimono_interop._credentials",
    "Credentials": "kimono_interop._credentials",
    "Token": "kimono_interop._credentials",
    "TokenCredentials": "kimono_interop._credentials",
    "APIConnectionError": "kimono_interop._exceptions",
    "APIResponseValidationError": "kimono_interop._exceptions",
    "APIStatusError": "kimono_interop._exceptions",
    "APITimeoutError": "kimono_interop._exceptions",
    "AuthenticationError": "kimono_interop._exceptions",
    "BadRequestError": "kimono_interop._exceptions",
    "ClientClosedError": "kimono_interop._exceptions",
    "ConflictError": "kimono_interop._exceptions",
    "InsecureTransportError": "kimono_interop._exceptions",
    "InteropError": "kimono_interop._exceptions",
    "InvalidArgumentError": "kimono_interop._exceptions",
    "NotFoundError": "kimono_interop._exceptions",
    "PaginationError": "kimono_interop._exceptions",
    "PermissionDeniedError": "kimono_interop._exceptions",
    "RateLimitError": "kimono_interop._exceptions",
    "ServerError": "kimono_interop._exceptions",
    "AsyncPager": "kimono_interop._pagination",
    "Page": "kimono_interop._pagination",
    "PageLink": "kimono_interop._pagination",
    "Attempt": "kimono_interop._pipeline",
    "AttemptHook": "kimono_interop._pipeline",
    "APIResponse": "kimono_interop._response",
    "RetryPolicy": "kimono_interop._retry",
    "ResourceId": "kimono_interop.resources._ids",
}
"""Where each exported name lives: loaded on first access (PEP 562), so that importing a
submodule (``kimono_interop.cli``, ``kimono_interop.sandbox``) does not load the client."""


if not TYPE_CHECKING:  # hidden from type checkers: a misspelt name stays an error there

    def __getattr__(name: str) -> object:
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module 'kimono_interop' has no attribute {name!r}")
        value = getattr(_importlib.import_module(module), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_EXPORTS})


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
