"""Bad input never gets a 500 or a dropped connection: deeply nested JSON, garbage credentials,
wrong methods, over-long request heads, broken framing and other malformed requests each get a
4xx ErrorType (501 for a transfer coding the server does not implement), or are served when they
are in fact fine; the server logs no error and keeps serving. A handler's bug becomes a 500
ErrorType ``internal_error``.

Over plain loopback HTTP: the `http` fixture (responses validated against the spec) where an
HTTP client can send the request, raw sockets (:mod:`tests.sandbox.rawhttp`) where it cannot.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
import yaml

from kimono_interop.sandbox import OPERATIONS, SandboxHandle
from kimono_interop.sandbox.app import MAX_HEADERS_SIZE, MAX_TARGET_LENGTH
from kimono_interop.sandbox.parsing import MAX_JSON_DEPTH
from kimono_interop.sandbox.protocol import MAX_HEAD_SIZE
from tests.conftest import SPEC_PATH
from tests.sandbox.conftest import (
    Json,
    actor,
    data_of,
    developer,
    error_body,
    tenant,
    token_error,
)
from tests.sandbox.rawhttp import RawConnection, error_of, exchange, request

V2 = "/v2/interop"
CLOUDS = f"{V2}/clouds"
APPLICATION = f"{V2}/tenant/application"
JSON_TYPE = {"content-type": "application/json"}


@pytest.fixture
def server_errors(sandbox: SandboxHandle) -> Iterator[list[logging.LogRecord]]:
    """ERROR records the server logs while the test runs (uvicorn's, asyncio's, the sandbox's).

    Attached after the sandbox starts: uvicorn reconfigures its loggers when it starts.
    """
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(logging.ERROR)
    loggers = [logging.getLogger(n) for n in ("uvicorn.error", "asyncio", "kimono_interop.sandbox")]
    for each in loggers:
        each.addHandler(handler)
    yield records
    for each in loggers:
        each.removeHandler(handler)


async def assert_still_serving(sandbox: SandboxHandle) -> None:
    """A new connection is served: a list, and a create (which reads the server clock)."""
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10.0) as fresh:
        listed = await fresh.get(CLOUDS, auth=developer(sandbox))
        assert listed.status_code == 200, listed.text
        created = await fresh.post(CLOUDS, auth=developer(sandbox), json={"name": "still here"})
        assert created.status_code == 200, created.text


def basic(user: str | bytes, password: str | bytes) -> bytes:
    """A Basic Authorization header value."""
    raw = (user.encode() if isinstance(user, str) else user) + b":"
    raw += password.encode() if isinstance(password, str) else password
    return b"Basic " + base64.b64encode(raw)


def nested(depth: int, innermost: bytes = b"1") -> bytes:
    """A JSON array nested `depth` deep."""
    return b"[" * depth + innermost + b"]" * depth


# -- deeply nested JSON --------------------------------------------------------------------

DEEP = 100_000


@pytest.mark.parametrize(
    ("who", "method", "path", "body"),
    [
        ("developer", "POST", CLOUDS, b"[" * DEEP + b"]" * DEEP),
        ("developer", "POST", CLOUDS, b'{"name": "x", "userdata": ' + nested(DEEP) + b"}"),
        ("actor", "PATCH", APPLICATION, b"[" * DEEP + b"]" * DEEP),
        ("actor", "PATCH", APPLICATION, b'{"auth_props_pending": ' + nested(DEEP) + b"}"),
    ],
    ids=["clouds-array", "clouds-value", "application-array", "application-value"],
)
async def test_deeply_nested_json_is_400_and_the_server_keeps_serving(
    sandbox: SandboxHandle,
    http: httpx.AsyncClient,
    server_errors: list[logging.LogRecord],
    who: str,
    method: str,
    path: str,
    body: bytes,
) -> None:
    auth = developer(sandbox) if who == "developer" else actor(sandbox, 1)
    answer = await http.request(method, path, auth=auth, content=body, headers=JSON_TYPE)
    refused = error_body(answer, 400)
    assert f"more than {MAX_JSON_DEPTH} deep" in refused["message"]
    assert len(refused["message"]) < 200
    await assert_still_serving(sandbox)
    assert server_errors == []


def metadata_chain(levels: int) -> Json:
    """Rollover metadata nesting `levels` objects (``metadata`` itself is the first)."""
    metadata: Json = {}
    innermost = metadata
    for _ in range(levels - 1):
        innermost["created"] = {}
        innermost = innermost["created"]
    return metadata


async def test_json_is_served_up_to_the_depth_limit_and_refused_past_it(
    sandbox: SandboxHandle, http: httpx.AsyncClient
) -> None:
    """The limit keeps what is stored renderable: a body that parsed may still be too deep for
    the response's encoder, deeper in the stack."""
    rollovers, me = f"{V2}/tenant/rollovers", actor(sandbox, 1)
    request = {
        "type": "new_year",
        "status": "upcoming",
        "cloud_id": tenant(sandbox, 1)["cloud"]["id"],
    }
    before = (await http.get(f"{rollovers}/count", auth=me)).json()
    at_limit = metadata_chain(MAX_JSON_DEPTH - 1)  # the body object is one more level
    answer = await http.post(rollovers, auth=me, json=request | {"metadata": at_limit})
    assert data_of(answer)["metadata"] == at_limit
    past = request | {"metadata": metadata_chain(MAX_JSON_DEPTH)}
    refused = error_body(await http.post(rollovers, auth=me, json=past), 400)
    assert f"more than {MAX_JSON_DEPTH} deep" in refused["message"]
    assert (await http.get(f"{rollovers}/count", auth=me)).json() == before + 1


# -- garbage Basic credentials -------------------------------------------------------------


def _with_ff_inside(header: bytes) -> bytes:
    return header[:10] + b"\xff" + header[10:]


GARBAGE_BASIC: list[tuple[str, Callable[[SandboxHandle], bytes]]] = [
    ("0xff-inside-base64", lambda s: _with_ff_inside(basic(s.api_key, s.api_key))),
    ("only-non-ascii", lambda _: b"Basic \xff\xfe\xfd"),
    ("invalid-base64", lambda _: b"Basic !!not*base64!!"),
    ("base64-of-non-utf8", lambda _: basic(b"\xff\xfe", b"\xfd")),
    ("no-colon", lambda s: b"Basic " + base64.b64encode(s.api_key.encode())),
    ("nothing-after-basic", lambda _: b"Basic"),
]


@pytest.mark.parametrize(
    "header", [case for _, case in GARBAGE_BASIC], ids=[name for name, _ in GARBAGE_BASIC]
)
async def test_garbage_basic_credentials_are_401(
    sandbox: SandboxHandle,
    http: httpx.AsyncClient,
    server_errors: list[logging.LogRecord],
    header: Callable[[SandboxHandle], bytes],
) -> None:
    for path in (CLOUDS, f"{V2}/tenant"):
        answer = await http.get(path, headers={b"authorization": header(sandbox)})
        refused = error_body(answer, 401)
        assert refused["code"] == "unauthorized"
        assert "malformed Basic credentials" in refused["message"]
    await assert_still_serving(sandbox)
    assert server_errors == []


async def test_non_ascii_secrets_are_refused_not_crashed(
    sandbox: SandboxHandle, http: httpx.AsyncClient, server_errors: list[logging.LogRecord]
) -> None:
    client_id = tenant(sandbox, 0)["auth"]["client_id"]
    answer = await http.get(
        f"{V2}/tenant", headers={b"authorization": basic(client_id, "pässwörd")}
    )
    assert error_body(answer, 401)["message"] == "invalid credentials"
    answer = await http.get(CLOUDS, headers={b"authorization": basic("clé", "clé")})
    assert error_body(answer, 401)["message"] == "invalid credentials"
    form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": "pässwörd"}
    token = await http.post("/oauth/token", data=form)
    assert token_error(token, 401)["error"] == "invalid_client"
    await assert_still_serving(sandbox)
    assert server_errors == []


# -- 405 with Allow ------------------------------------------------------------------------

PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def spec_methods() -> dict[str, set[str]]:
    """Each path of the spec and the methods it declares."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        paths = yaml.safe_load(handle)["paths"]
    verbs = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return {path: {m.upper() for m in item if m in verbs} for path, item in paths.items()}


def allowed(methods: set[str]) -> str:
    """The Allow header for a path taking `methods` (HEAD goes with GET)."""
    return ", ".join(sorted(methods | ({"HEAD"} if "GET" in methods else set())))


async def test_a_method_a_path_does_not_take_is_405_with_an_exact_allow(
    sandbox: SandboxHandle,
) -> None:
    paths = spec_methods()
    assert {p for p in paths if p.startswith(V2)} == {op.path for op in OPERATIONS}
    probed = 0
    async with httpx.AsyncClient(base_url=sandbox.base_url) as raw:
        for template, methods in paths.items():
            path = template.replace("{id}", "4b1c6b0e-0f0e-4c4e-9d7a-5f8e0f6f2a11")
            path = path.replace("{version}", "1.0.0")
            for method in PROBED:
                if method in methods:
                    continue
                answer = await raw.request(method, path, auth=developer(sandbox))
                refused = error_body(answer, 405)
                assert refused["code"] == "method_not_allowed"
                assert answer.headers["allow"] == allowed(methods), (method, template)
                assert method in refused["message"]
                probed += 1
        assert probed > 100
        # a concrete path is not taken for a template's id: /clouds/search is not cloud "search"
        search = await raw.delete(f"{CLOUDS}/search", auth=developer(sandbox))
        assert search.headers["allow"] == "GET, HEAD"
        for path, method, allow in [
            ("/_sandbox/health", "PUT", "GET, HEAD"),
            ("/_sandbox/knobs", "DELETE", "GET, HEAD, PATCH"),
            ("/oauth/token", "GET", "POST"),
        ]:
            answer = await raw.request(method, path)
            assert error_body(answer, 405)["code"] == "method_not_allowed"
            assert answer.headers["allow"] == allow
        head = await raw.head(CLOUDS, auth=developer(sandbox))
        assert head.status_code == 200
        assert head.content == b""


# -- over-long request heads ---------------------------------------------------------------


async def test_an_over_long_target_or_header_is_414_or_431_and_the_connection_is_kept(
    sandbox: SandboxHandle, server_errors: list[logging.LogRecord]
) -> None:
    """Heads up to MAX_HEAD_SIZE are read in full: the app refuses them and keeps the line."""
    auth = {"Authorization": basic(sandbox.api_key, sandbox.api_key)}
    long_query = f"{CLOUDS}?name={'a' * 100_000}"
    long_header = auth | {"X-Padding": "p" * 100_000}
    assert MAX_TARGET_LENGTH < 100_000 < MAX_HEAD_SIZE
    assert MAX_HEADERS_SIZE < 100_000
    connection = await RawConnection.open(sandbox.base_url)
    try:
        for data, status in [
            (request("GET", long_query, headers=auth, close=False), 414),
            (request("GET", CLOUDS, headers=long_header, close=False), 431),
        ]:
            await connection.send(data)
            answer = await connection.response()
            assert error_of(answer, status)["code"] in ("uri_too_long", "headers_too_large")
            assert "connection" not in answer.headers
            await connection.send(request("GET", CLOUDS, headers=auth, close=False))
            assert (await connection.response()).status == 200  # the same connection serves on
    finally:
        await connection.close()
    await assert_still_serving(sandbox)
    assert server_errors == []


@pytest.mark.parametrize(
    ("where", "status", "code"),
    [("target", 414, "uri_too_long"), ("headers", 431, "headers_too_large")],
)
async def test_a_head_over_the_protocol_limit_gets_json_and_a_clean_close(
    sandbox: SandboxHandle,
    server_errors: list[logging.LogRecord],
    where: str,
    status: int,
    code: str,
) -> None:
    """Past MAX_HEAD_SIZE the protocol refuses: JSON, ``Connection: close``, FIN (no reset)."""
    size = 2 * MAX_HEAD_SIZE
    if where == "target":
        data = request("GET", f"{CLOUDS}?name={'a' * size}")
    else:
        padding = {f"X-Padding-{n}": "p" * 50_000 for n in range(size // 50_000)}
        data = request("GET", CLOUDS, headers=padding)
    answers = await exchange(sandbox.base_url, data)  # reads to the end: a reset would raise
    assert len(answers) == 1
    assert error_of(answers[0], status)["code"] == code
    assert answers[0].headers["connection"] == "close"
    await assert_still_serving(sandbox)
    assert server_errors == []


# -- other malformed requests --------------------------------------------------------------


@dataclass(frozen=True)
class Malformed:
    """A malformed request, the statuses of the answers it gets, and how it is sent."""

    name: str
    build: Callable[[SandboxHandle], bytes]
    statuses: tuple[int, ...]
    half_close: bool = False


def _dev(sandbox: SandboxHandle, **extra: str | bytes) -> dict[str, str | bytes]:
    return {"Authorization": basic(sandbox.api_key, sandbox.api_key), **extra}


def _json_post(
    body: bytes, content_type: str | bytes = "application/json"
) -> Callable[[SandboxHandle], bytes]:
    return lambda s: request(
        "POST", CLOUDS, headers=_dev(s, **{"Content-Type": content_type}), body=body
    )


def _get(target: str | bytes, **extra: str | bytes) -> Callable[[SandboxHandle], bytes]:
    return lambda s: request("GET", target, headers=_dev(s, **extra))


def _cut_short(sandbox: SandboxHandle) -> bytes:
    """Content-Length says 2; the rest of the body then reads as a (broken) next request."""
    head = request("POST", CLOUDS, headers=_dev(sandbox, **JSON_TYPE), body=b"{}", close=False)
    return head + b'"name": "x"}\r\n\r\n'


def _chunked(chunks: bytes, coding: str = "chunked") -> Callable[[SandboxHandle], bytes]:
    def build(sandbox: SandboxHandle) -> bytes:
        headers = _dev(sandbox, **JSON_TYPE, **{"Transfer-Encoding": coding})
        return request("POST", CLOUDS, headers=headers, body=chunks)

    return build


MALFORMED = [
    Malformed("lone-surrogate-in-json", _json_post(b'{"name": "\\ud800"}'), (400,)),
    Malformed("json-sent-as-text-plain", _json_post(b'{"name": "x"}', "text/plain"), (400,)),
    Malformed("json-sent-as-a-form", _json_post(b'{"name": "x"}', "application/x-www-form-urlencoded"), (400,)),
    Malformed("content-type-not-latin", _json_post(b'{"name": "x"}', b"application/json\xff"), (400,)),
    Malformed("non-utf8-query", _get(f"{CLOUDS}/search?name=%FF"), (400,)),
    Malformed("raw-byte-in-target", _get(CLOUDS.encode() + b"?name=\xff"), (400,)),
    Malformed("repeated-query-param", _get(f"{CLOUDS}?page=0&page=1"), (400,)),
    Malformed("content-length-shorter-than-body", _cut_short, (400, 400)),
    Malformed(
        "content-length-longer-than-body",
        lambda s: request("POST", CLOUDS, headers=_dev(s, **JSON_TYPE, **{"Content-Length": "100"}), body=b'{"name":'),
        (400,),
        half_close=True,
    ),
    Malformed("unfinished-head", lambda _: b"GET /v2/interop/clouds HTTP/1.1\r\nHost: x\r\n", (400,), half_close=True),
    Malformed("invalid-content-length", lambda s: request("POST", CLOUDS, headers=_dev(s, **{"Content-Length": "ten"})), (400,)),
    Malformed("chunked-garbage", _chunked(b"zz\r\nhello\r\n"), (400,)),
    Malformed("unknown-transfer-coding", _chunked(b"{}", coding="gzip"), (501,)),
    Malformed("garbage-request-line", lambda _: b"HELLO\r\n\r\n", (400,)),
    Malformed(
        "knobs-body-not-an-object",
        lambda _: request("PATCH", "/_sandbox/knobs", headers=dict(JSON_TYPE), body=b"5"),
        (400,),
    ),
    Malformed(
        "clock-past-year-9999",
        lambda _: request("POST", "/_sandbox/clock", headers=dict(JSON_TYPE), body=b'{"advance": 1e300}'),
        (400,),
    ),
]  # fmt: skip
"""Malformed requests the sandbox answered with a 500, a plain-text 400, nothing, or a reset."""

ALREADY_HANDLED = [
    Malformed("invalid-utf8-in-json", _json_post(b'{"name": "caf\xe9"}'), (400,)),
    Malformed("body-is-a-huge-number", _json_post(b"1e999999"), (400,)),
    Malformed("body-is-a-minus", _json_post(b"-"), (400,)),
    Malformed("body-is-nan", _json_post(b"NaN"), (400,)),
    Malformed("field-is-nan", _json_post(b'{"name": "x", "generation": NaN}'), (400,)),
    Malformed("field-is-infinite", _json_post(b'{"name": "x", "generation": 1e999}'), (400,)),
    Malformed("field-has-5000-digits", _json_post(b'{"name": "x", "generation": 1' + b"0" * 5000 + b"}"), (400,)),
    Malformed("empty-json-body", _json_post(b""), (400,)),
    Malformed("non-utf8-path-param", _get(f"{CLOUDS}/%FF"), (404,)),
    Malformed("body-on-get", lambda s: request("GET", CLOUDS, headers=_dev(s), body=b"hello"), (200,)),
    Malformed("chunked-fine", _chunked(b'd\r\n{"name": "x"}\r\n0\r\n\r\n'), (200,)),
    Malformed("lower-case-method", lambda s: request("get", CLOUDS, headers=_dev(s)), (405,)),
]  # fmt: skip
"""Malformed requests checked and found answered right already: kept so they stay so."""


async def assert_answered(sandbox: SandboxHandle, case: Malformed) -> None:
    """`case` gets its answers, each an ErrorType when an error, and the server serves on."""
    answers = await exchange(sandbox.base_url, case.build(sandbox), half_close=case.half_close)
    assert tuple(a.status for a in answers) == case.statuses, [a.body[:200] for a in answers]
    for answer in answers:
        if answer.status >= 400:
            assert len(error_of(answer, answer.status)["message"]) < 300
        else:
            assert answer.headers["content-type"] == "application/json"
    await assert_still_serving(sandbox)


@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
async def test_a_malformed_request_gets_a_json_answer_and_the_server_keeps_serving(
    sandbox: SandboxHandle, server_errors: list[logging.LogRecord], case: Malformed
) -> None:
    await assert_answered(sandbox, case)
    assert server_errors == []


@pytest.mark.parametrize("case", ALREADY_HANDLED, ids=[case.name for case in ALREADY_HANDLED])
async def test_malformed_requests_answered_right_before_still_are(
    sandbox: SandboxHandle, server_errors: list[logging.LogRecord], case: Malformed
) -> None:
    """A guard, not a fix: these passed before the robustness work too."""
    await assert_answered(sandbox, case)
    assert server_errors == []


# -- the catch-all -------------------------------------------------------------------------


async def test_a_handler_bug_is_a_500_error_type_and_the_server_carries_on(
    sandbox: SandboxHandle, http: httpx.AsyncClient, server_errors: list[logging.LogRecord]
) -> None:
    credentials = actor(sandbox, 0)
    del sandbox.state.world.tenants[tenant(sandbox, 0)["id"]]  # credentials stay: getTenant fails
    failed = error_body(await http.get(f"{V2}/tenant", auth=credentials), 500)
    assert failed["code"] == "internal_error"
    assert [r.name for r in server_errors] == ["kimono_interop.sandbox"]
    assert server_errors[0].exc_info is not None
    assert server_errors[0].exc_info[0] is KeyError
    assert data_of(await http.get(f"{V2}/tenant", auth=actor(sandbox, 1)))["id"]
    await assert_still_serving(sandbox)
