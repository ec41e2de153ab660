"""kimono_interop: the async Python SDK for the Kimono Interop API v2.

    from kimono_interop import ApiKey, InteropClient

    async with InteropClient(auth=ApiKey(key)) as interop:
        async for cloud in interop.clouds.list():
            ...

The models live in :mod:`kimono_interop.models`; the local emulator in
:mod:`kimono_interop.sandbox` (install ``kimono-interop[sandbox]``).
"""

__version__ = "0.1.0"

from kimono_interop.cache import AsyncTTLCache
from kimono_interop.client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, InteropClient
from kimono_interop.credentials import (
    ApiKey,
    BasicCredentials,
    BearerToken,
    ClientCredentials,
    Credentials,
)
from kimono_interop.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InteropError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)
from kimono_interop.pagination import AsyncPager, Page
from kimono_interop.resources import ResourceId
from kimono_interop.transport import RetryPolicy

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ApiKey",
    "AsyncPager",
    "AsyncTTLCache",
    "AuthenticationError",
    "BadRequestError",
    "BasicCredentials",
    "BearerToken",
    "ClientCredentials",
    "ConflictError",
    "Credentials",
    "InteropClient",
    "InteropError",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "RateLimitError",
    "ResourceId",
    "RetryPolicy",
    "ServerError",
    "__version__",
]
