"""openapi-core adapters for httpx, shared by the tests that validate traffic against the spec.

openapi-core has no httpx contrib, so :class:`HttpxOpenAPIRequest` and
:class:`HttpxOpenAPIResponse` implement its ``Request`` and ``Response`` protocols. Tests run on
loopback while the spec declares only the production server, so the request adapter reports the
spec's server as its ``host_url``: the path, method, query and body are the real ones.
"""

from __future__ import annotations

from functools import cache

import httpx
import yaml
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.conftest import SPEC_PATH


@cache
def spec_server_url() -> str:
    """The first server URL the spec declares (what the request adapter reports as host)."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    return str(document["servers"][0]["url"]).rstrip("/")


class HttpxOpenAPIRequest:
    """An httpx request seen through openapi-core's ``Request`` protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        query: ImmutableMultiDict[str, str] = ImmutableMultiDict(
            list(request.url.params.multi_items())
        )
        self.parameters = RequestParameters(
            query=query,
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return spec_server_url()

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self.request.content
        return content or None

    @property
    def content_type(self) -> str:
        return str(self.request.headers.get("content-type", "")).lower()


class HttpxOpenAPIResponse:
    """An httpx response (already read) seen through openapi-core's ``Response`` protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("content-type", "")).lower()

    @property
    def headers(self) -> Headers:
        return Headers(list(self.response.headers.items()))

    @property
    def data(self) -> bytes | None:
        return self.response.content
