"""One call to an API operation (:class:`Call`: who sent it, its parameters, its body) and the
API's success envelopes: ``{data, error}``, pages ``{data, paging: {next}}``, and 204."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kimono_interop.sandbox.errors import ApiError, bad_request
from kimono_interop.sandbox.parsing import (
    INT32_MAX,
    decode_query_value,
    is_json_media_type,
    parse_int_parameter,
    parse_json,
    parse_list_parameter,
    parse_query,
)
from kimono_interop.sandbox.quoting import shorten
from kimono_interop.sandbox.state import Principal, SandboxState
from kimono_interop.sandbox.world import Json


def single(data: Any) -> JSONResponse:
    """The single-object envelope ``{data, error}`` (``error`` is null on success)."""
    return JSONResponse({"data": data, "error": None})


def no_content() -> Response:
    """204 No Content."""
    return Response(status_code=204)


@dataclass
class Call:
    """One request to an operation: who sent it, its parameters and the world it acts on."""

    request: Request
    state: SandboxState
    principal: Principal
    body: bytes
    _query: dict[str, list[str]] | None = field(default=None, init=False, repr=False)

    @property
    def tenant_id(self) -> str:
        """The tenant whose actor credentials authenticated this call."""
        assert self.principal.tenant_id is not None
        return self.principal.tenant_id

    def path_uuid(self, name: str = "id") -> str:
        """A path parameter that must be a UUID (404 otherwise: no such resource)."""
        raw = str(self.request.path_params[name])
        try:
            return str(uuid.UUID(raw))
        except ValueError:
            raise ApiError(404, "not_found", f"{name} {shorten(raw)} is not a valid id") from None

    def raw_query(self, name: str) -> str | None:
        """A query parameter's value as sent (percent-encoded), if present (400 when it is given
        more than once)."""
        if self._query is None:
            self._query = parse_query(self.request.scope.get("query_string", b""))
        values = self._query.get(name)
        if values is None:
            return None
        if len(values) > 1:
            raise bad_request(f"{name} is given {len(values)} times; give it once")
        return values[0]

    def query(self, name: str) -> str | None:
        """A query parameter's value, decoded, if present (400 when it is given more than once)."""
        raw = self.raw_query(name)
        return None if raw is None else decode_query_value(raw)

    def query_int(self, name: str, *, minimum: int, maximum: int = INT32_MAX) -> int | None:
        """An integer query parameter within [minimum, maximum] (the spec's are all int32)."""
        raw = self.query(name)
        return None if raw is None else parse_int_parameter(name, raw, minimum, maximum)

    def query_bool(self, name: str, *, default: bool) -> bool:
        """A boolean query parameter (``true``/``false``)."""
        raw = self.query(name)
        if raw is None:
            return default
        if raw.lower() not in ("true", "false"):
            raise bad_request(f"{name} must be true or false, got {shorten(raw)}")
        return raw.lower() == "true"

    def query_list(self, name: str, *, unique: bool = False) -> list[str] | None:
        """A comma-separated list query parameter (``style: form, explode: false``: literal
        commas separate the items, ``%2C`` is a comma inside one)."""
        raw = self.raw_query(name)
        return None if raw is None else parse_list_parameter(name, raw, unique=unique)

    def json_object(self) -> Json:
        """The body as a JSON object (400 when it is not one, or is not sent as JSON)."""
        declared = self.request.headers.get("content-type")
        if declared is not None and not is_json_media_type(declared):
            raise bad_request(
                f"the request body must be application/json, got content-type {shorten(declared)}"
            )
        payload = parse_json(self.body)
        if not isinstance(payload, dict):
            raise bad_request(
                f"the request body must be a JSON object, got {type(payload).__name__}"
            )
        return payload

    def page(self, items: Sequence[Json]) -> JSONResponse:
        """One page of `items` in the list envelope, as the API pages: from 0, capped."""
        page = self.query_int("page", minimum=0) or 0
        asked = self.query_int("page_size", minimum=1)
        cap = self.state.knobs.max_page_size
        size = cap if asked is None else min(asked, cap)
        chunk = list(items[page * size : (page + 1) * size])
        body: Json = {"data": chunk}
        if self.state.knobs.paging == "next":
            more = (page + 1) * size < len(items)
            body["paging"] = {"next": self.next_page_url(page + 1) if more else None}
        return JSONResponse(body)

    def next_page_url(self, page: int) -> str:
        """This request's URL with ``page`` set to `page`: the rest of the query exactly as sent
        (re-encoding it would turn a list's separating commas into ``%2C``)."""
        raw = self.request.scope.get("query_string", b"").decode("latin-1")
        fields = [
            f for f in raw.split("&") if f and decode_query_value(f.partition("=")[0]) != "page"
        ]
        return str(self.request.url.replace(query="&".join([*fields, f"page={page}"])))
