"""A successful call's parsed result together with its HTTP response (status, headers, request id)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

R = TypeVar("R")


@dataclass(frozen=True)
class APIResponse(Generic[R]):
    """What ``InteropClient.with_raw_response`` gives: the result and the response it came from.

    `http_response` is the final response of the call (after retries), its request snapshotted
    (credentials masked, no body) like an exception's.
    """

    parsed: R
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        """The response's status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response's headers."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's ``X-Request-Id``, when it sent one."""
        request_id: str | None = self.http_response.headers.get("x-request-id")
        return request_id
