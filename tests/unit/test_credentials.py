"""Narrow tests of kimono_interop._credentials over a fake AuthSession (no HTTP)."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import parse_qs

import httpx
import pytest
from kimono_interop_client.errors import ResponseBodyError
from kimono_interop_client.types import RequestArgs

from kimono_interop._credentials import (
    TOKEN_PATH,
    ApiKey,
    AuthSession,
    BasicCredentials,
    BearerToken,
    ClientCredentials,
    Credentials,
    Token,
    TokenCredentials,
    credentials_for_tenant_auth,
    jwt_expiry,
)
from kimono_interop._exceptions import InteropError, InvalidArgumentError, ServerError

R = TypeVar("R")

API = "https://api.example.test"
TOKEN_URL = f"{API}{TOKEN_PATH}"
SECRET = "s3cr3t-client-secret"
API_KEY = "0123456789abcdef-apikey-secret"


class FakeClock:
    """Seconds that only move when the test says so."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeSession:
    """An AuthSession that records token requests and answers from a script.

    Each answer is an ``httpx.Response`` (parsed with the credential's own parser) or an
    exception to raise; the last answer repeats. With `gate` set, every call waits for it.
    """

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers) or [token_response("tok-1")]
        self.requests: list[httpx.Request] = []
        self.gate: asyncio.Event | None = None
        self.entered = asyncio.Event()
        self.finished = 0

    async def request_token(
        self, args: RequestArgs, parse: Callable[[httpx.Response], R], *, url: str
    ) -> R:
        request = httpx.Request(
            args["method"],
            url,
            data=args.get("data"),
            headers=args.get("headers"),
            extensions=args.get("extensions"),
        )
        self.requests.append(request)
        self.entered.set()
        if self.gate is not None:
            await self.gate.wait()
        answer = self.answers[min(len(self.requests) - 1, len(self.answers) - 1)]
        self.finished += 1
        if isinstance(answer, Exception):
            raise answer
        return parse(answer)


def token_response(token: str, expires_in: object = None) -> httpx.Response:
    body: dict[str, object] = {"access_token": token, "token_type": "bearer"}
    if expires_in is not None:
        body["expires_in"] = expires_in
    return httpx.Response(200, json=body)


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def make_jwt(claims: object) -> str:
    def part(data: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none'})}.{part(claims)}.sig"


def new_request() -> httpx.Request:
    return httpx.Request("GET", f"{API}/v2/interop/clouds")


async def authorize(credential: Credentials, session: AuthSession) -> str:
    request = new_request()
    await credential.apply(request, session)
    return request.headers["Authorization"]


def client_credentials(clock: FakeClock | None = None, **kwargs: Any) -> ClientCredentials:
    return ClientCredentials("client-1", SECRET, TOKEN_URL, clock=clock or FakeClock(), **kwargs)


async def settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        await asyncio.sleep(0)


# -- static credentials -------------------------------------------------------------------------


async def test_api_key_is_basic_with_the_key_as_user_and_password() -> None:
    session = FakeSession()
    assert await authorize(ApiKey(API_KEY), session) == basic(API_KEY, API_KEY)
    assert session.requests == []


async def test_basic_credentials_header() -> None:
    credential = BasicCredentials("actor", "pw-secret")
    assert await authorize(credential, FakeSession()) == basic("actor", "pw-secret")
    assert credential.on_unauthorized(new_request()) is False


def test_static_credentials_need_no_binding() -> None:
    key = ApiKey(API_KEY)
    assert key.bind(API) is key
    assert key.token_url is None


# -- identity, fingerprint, repr ----------------------------------------------------------------


async def provider() -> str:
    return "provided-secret-token"


def test_identities() -> None:
    key_hash = hashlib.sha256(API_KEY.encode()).hexdigest()[:12]
    assert ApiKey(API_KEY).identity == f"apikey:{key_hash}"
    assert BasicCredentials("actor", "pw").identity == "basic:actor"
    assert ClientCredentials("abc", SECRET, TOKEN_URL).identity == f"client:abc@{TOKEN_URL}"
    assert ClientCredentials("abc", SECRET).identity == "client:abc@unbound"
    assert BearerToken("tok").identity == f"bearer:{hashlib.sha256(b'tok').hexdigest()[:12]}"
    assert BearerToken(provider).identity == f"bearer-provider:{id(provider):x}"


def test_rotated_secret_changes_fingerprint_not_identity() -> None:
    pairs: list[tuple[Credentials, Credentials]] = [
        (BasicCredentials("u", "pw-1"), BasicCredentials("u", "pw-2")),
        (ClientCredentials("abc", "s-1", TOKEN_URL), ClientCredentials("abc", "s-2", TOKEN_URL)),
    ]
    for old, new in pairs:
        assert old.identity == new.identity
        assert old.fingerprint != new.fingerprint


def test_fingerprint_is_stable_for_equal_arguments() -> None:
    clock = FakeClock()
    assert (
        ClientCredentials("a", "s", TOKEN_URL, clock=clock).fingerprint
        == ClientCredentials("a", "s", TOKEN_URL, clock=clock).fingerprint
    )
    assert ClientCredentials("a", "s").fingerprint == ClientCredentials("a", "s").fingerprint
    assert ApiKey("k").fingerprint == ApiKey("k").fingerprint


def test_every_client_credentials_argument_changes_the_fingerprint() -> None:
    clock = FakeClock()
    base = ClientCredentials("a", "s", TOKEN_URL, refresh_margin=30, clock=clock)
    variants = [
        ClientCredentials("b", "s", TOKEN_URL, refresh_margin=30, clock=clock),
        ClientCredentials("a", "t", TOKEN_URL, refresh_margin=30, clock=clock),
        ClientCredentials("a", "s", "https://other.test/t", refresh_margin=30, clock=clock),
        ClientCredentials("a", "s", None, refresh_margin=30, clock=clock),
        ClientCredentials("a", "s", TOKEN_URL, refresh_margin=31, clock=clock),
        ClientCredentials("a", "s", TOKEN_URL, refresh_margin=30, clock=FakeClock()),
        ClientCredentials("a", "s", TOKEN_URL, refresh_margin=30),
    ]
    prints = [base.fingerprint] + [v.fingerprint for v in variants]
    assert len(set(prints)) == len(prints)


def test_every_bearer_token_argument_changes_the_fingerprint() -> None:
    async def other() -> str:
        return "x"

    clock = FakeClock()
    prints = [
        BearerToken("one", clock=clock).fingerprint,
        BearerToken("two", clock=clock).fingerprint,
        BearerToken("one", refresh_margin=5, clock=clock).fingerprint,
        BearerToken("one", clock=FakeClock()).fingerprint,
        BearerToken(provider, clock=clock).fingerprint,
        BearerToken(other, clock=clock).fingerprint,
    ]
    assert len(set(prints)) == len(prints)


def test_fingerprint_distinguishes_credential_kinds() -> None:
    assert ApiKey("x").fingerprint != BearerToken("x").fingerprint
    assert BasicCredentials("x", "x").fingerprint != ApiKey("x").fingerprint


@pytest.mark.parametrize(
    ("credential", "secret", "expected_repr"),
    [
        (ApiKey(API_KEY), API_KEY, "ApiKey(key='***')"),
        (
            BasicCredentials("actor", "pw-secret"),
            "pw-secret",
            "BasicCredentials(username='actor', password='***')",
        ),
        (
            ClientCredentials("abc", SECRET, TOKEN_URL),
            SECRET,
            f"ClientCredentials(client_id='abc', client_secret='***', token_url='{TOKEN_URL}')",
        ),
        (BearerToken("fixed-secret-token"), "fixed-secret-token", "BearerToken(token='***')"),
        (BearerToken(provider), "provided-secret-token", "BearerToken(provider=provider)"),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Credentials) else "",
)
def test_repr_str_identity_fingerprint_never_show_secrets(
    credential: Credentials, secret: str, expected_repr: str
) -> None:
    assert repr(credential) == expected_repr
    assert str(credential) == expected_repr
    for shown in (repr(credential), str(credential), credential.identity, credential.fingerprint):
        assert secret not in shown
    assert len(credential.fingerprint) == 16
    int(credential.fingerprint, 16)


def test_token_repr_masks_the_value() -> None:
    assert repr(Token("t-secret", 60.0)) == "Token(value='***', expires_in=60.0)"


def test_bound_copy_repr_hides_the_secret() -> None:
    bound = ClientCredentials("cid", SECRET).bind(API)
    assert SECRET not in repr(bound)


# -- argument checks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "name"),
    [
        (lambda: ApiKey(""), "key"),
        (lambda: ApiKey(None), "key"),  # type: ignore[arg-type]
        (lambda: BasicCredentials("", "x"), "username"),
        (lambda: BasicCredentials("u", b"pw"), "password"),  # type: ignore[arg-type]
        (lambda: ClientCredentials("", "s"), "client_id"),
        (lambda: ClientCredentials("id", ""), "client_secret"),
        (lambda: ClientCredentials("id", "s", 5), "token_url"),  # type: ignore[arg-type]
        (lambda: ClientCredentials("id", "s", ""), "token_url"),
        (lambda: ClientCredentials("id", "s", refresh_margin="soon"), "refresh_margin"),  # type: ignore[arg-type]
        (lambda: ClientCredentials("id", "s", refresh_margin=-1), "refresh_margin"),
        (lambda: ClientCredentials("id", "s", refresh_margin=float("nan")), "refresh_margin"),
        (lambda: ClientCredentials("id", "s", refresh_margin=True), "refresh_margin"),
        (lambda: ClientCredentials("id", "s", clock=5), "clock"),  # type: ignore[arg-type]
        (lambda: BearerToken(""), "token"),
        (lambda: BearerToken(42), "token"),  # type: ignore[arg-type]
        (lambda: BearerToken("t", refresh_margin=float("inf")), "refresh_margin"),
    ],
)
def test_bad_arguments_name_the_argument(factory: Callable[[], object], name: str) -> None:
    with pytest.raises(InvalidArgumentError, match=rf"^{name} must be"):
        factory()


def test_refresh_margin_too_large_for_a_float_names_the_argument() -> None:
    with pytest.raises(InvalidArgumentError, match=r"^refresh_margin must be"):
        ClientCredentials("id", "s", refresh_margin=10**400)


def test_bad_secret_is_not_quoted() -> None:
    with pytest.raises(InvalidArgumentError) as info:
        BasicCredentials("user", b"bytes-secret")  # type: ignore[arg-type]
    assert "bytes-secret" not in str(info.value)


# -- TokenCredentials: caching and refresh ------------------------------------------------------


async def test_client_credentials_fetch_token_posts_the_form() -> None:
    session = FakeSession()
    assert await authorize(client_credentials(), session) == "Bearer tok-1"
    [request] = session.requests
    assert request.method == "POST"
    assert str(request.url) == TOKEN_URL
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.extensions["operation_id"] == "oauthToken"
    assert parse_qs(request.content.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": ["client-1"],
        "client_secret": [SECRET],
    }


async def test_token_is_reused_until_due() -> None:
    session = FakeSession(token_response("tok-1"), token_response("tok-2"))
    credential = client_credentials()
    assert [await authorize(credential, session) for _ in range(5)] == ["Bearer tok-1"] * 5
    assert len(session.requests) == 1


async def test_refreshes_refresh_margin_seconds_before_expiry() -> None:
    clock = FakeClock()
    session = FakeSession(token_response("tok-1", 300), token_response("tok-2", 300))
    credential = client_credentials(clock, refresh_margin=30)
    assert await authorize(credential, session) == "Bearer tok-1"
    clock.now += 300 - 30 - 0.001
    assert await authorize(credential, session) == "Bearer tok-1"
    clock.now += 0.001
    assert await authorize(credential, session) == "Bearer tok-2"
    assert len(session.requests) == 2


async def test_short_lived_token_is_refreshed_half_way_not_every_time() -> None:
    clock = FakeClock()
    session = FakeSession(token_response("tok-1", 10), token_response("tok-2", 10))
    credential = client_credentials(clock, refresh_margin=30)
    await authorize(credential, session)
    clock.now += 4.999
    assert await authorize(credential, session) == "Bearer tok-1"
    clock.now += 0.001
    assert await authorize(credential, session) == "Bearer tok-2"


async def test_token_without_expiry_lives_until_a_401() -> None:
    clock = FakeClock()
    session = FakeSession(token_response("tok-1"), token_response("tok-2"))
    credential = client_credentials(clock)
    await authorize(credential, session)
    clock.now += 10 * 365 * 86400
    assert await authorize(credential, session) == "Bearer tok-1"


@pytest.mark.parametrize(
    ("expires_in", "lifetime"),
    [(3600, 3600.0), (6.0, 6.0), (0, None), (-5, None), (None, None)],
)
async def test_the_token_lifetime_comes_from_expires_in(
    expires_in: object, lifetime: float | None
) -> None:
    clock = FakeClock()
    session = FakeSession(token_response("t", expires_in))
    credential = client_credentials(clock, refresh_margin=0)
    await authorize(credential, session)
    token = await credential.fetch_token(FakeSession(token_response("t", expires_in)))
    assert (token.value, token.expires_in) == ("t", lifetime)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"<html>", "not valid JSON"),
        (b"[1]", "expected an object, got array"),
        (b"{}", "access_token: is required but missing"),
        (b'{"access_token": 5}', "access_token: expected a string, got integer"),
        (b'{"access_token": "t", "expires_in": "3600"}', "expires_in: expected an integer"),
        (b'{"access_token": "t", "expires_in": true}', "expires_in: expected an integer"),
    ],
)
async def test_a_token_response_that_does_not_match_the_spec_is_refused(
    content: bytes, problem: str
) -> None:
    session = FakeSession(httpx.Response(200, content=content))
    with pytest.raises(ResponseBodyError, match=problem) as caught:
        await client_credentials(FakeClock()).fetch_token(session)
    assert "s3cr3t" not in str(caught.value)


async def test_fetch_token_returning_no_token_fails() -> None:
    class Empty(TokenCredentials):
        identity = "empty"
        fingerprint = "0" * 16

        async def fetch_token(self, session: AuthSession) -> Token:
            return Token("")

    with pytest.raises(InteropError, match=r"Empty\.fetch_token returned no token"):
        await Empty().apply(new_request(), FakeSession())


async def test_unbound_client_credentials_fail_without_sending_the_secret() -> None:
    session = FakeSession()
    with pytest.raises(InteropError, match="has no token_url") as info:
        await ClientCredentials("cid", SECRET).apply(new_request(), session)
    assert SECRET not in str(info.value)
    assert session.requests == []


def test_bind_sets_the_token_url_from_the_base_url() -> None:
    clock = FakeClock()
    unbound = ClientCredentials("cid", SECRET, refresh_margin=12, clock=clock)
    bound = unbound.bind(API + "/")
    assert bound is not unbound
    assert unbound.token_url is None
    assert bound.token_url == TOKEN_URL
    assert bound.identity == f"client:cid@{TOKEN_URL}"
    assert (
        bound.fingerprint
        == ClientCredentials("cid", SECRET, TOKEN_URL, refresh_margin=12, clock=clock).fingerprint
    )
    assert bound.bind("https://elsewhere.test") is bound


# -- single flight ------------------------------------------------------------------------------


async def test_two_hundred_concurrent_callers_share_one_fetch() -> None:
    session = FakeSession()
    session.gate = asyncio.Event()
    credential = client_credentials()
    tasks = [asyncio.ensure_future(authorize(credential, session)) for _ in range(200)]
    await settle()
    assert len(session.requests) == 1
    session.gate.set()
    assert await asyncio.gather(*tasks) == ["Bearer tok-1"] * 200
    assert len(session.requests) == 1


async def test_a_failed_fetch_reaches_every_waiter_then_the_next_call_fetches_again() -> None:
    failure = ServerError("the OAuth2 token request failed: down", response=httpx.Response(503))
    session = FakeSession(failure, token_response("tok-2"))
    session.gate = asyncio.Event()
    credential = client_credentials()
    tasks = [asyncio.ensure_future(authorize(credential, session)) for _ in range(200)]
    await settle()
    session.gate.set()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(outcome is failure for outcome in outcomes)
    assert len(session.requests) == 1
    assert await authorize(credential, session) == "Bearer tok-2"
    assert len(session.requests) == 2


async def test_a_cancelled_first_caller_does_not_cancel_the_fetch() -> None:
    session = FakeSession()
    session.gate = asyncio.Event()
    credential = client_credentials()
    first = asyncio.ensure_future(authorize(credential, session))
    await session.entered.wait()
    waiters = [asyncio.ensure_future(authorize(credential, session)) for _ in range(5)]
    await settle()
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    session.gate.set()
    assert await asyncio.gather(*waiters) == ["Bearer tok-1"] * 5
    assert len(session.requests) == 1
    assert session.finished == 1


async def test_a_fetch_every_caller_abandoned_still_stores_its_token() -> None:
    session = FakeSession()
    session.gate = asyncio.Event()
    credential = client_credentials()
    only = asyncio.ensure_future(authorize(credential, session))
    await session.entered.wait()
    only.cancel()
    with pytest.raises(asyncio.CancelledError):
        await only
    session.gate.set()
    await settle()
    assert await authorize(credential, session) == "Bearer tok-1"
    assert len(session.requests) == 1


async def test_abandoned_failed_fetch_is_not_reported_as_lost(
    loop_errors: list[dict[str, Any]],
) -> None:
    session = FakeSession(RuntimeError("down"))
    session.gate = asyncio.Event()
    credential = client_credentials()
    only = asyncio.ensure_future(authorize(credential, session))
    await session.entered.wait()
    only.cancel()
    with pytest.raises(asyncio.CancelledError):
        await only
    session.gate.set()
    await settle()
    import gc

    gc.collect()
    await settle()
    assert loop_errors == []


# -- on_unauthorized ----------------------------------------------------------------------------


async def test_on_unauthorized_drops_the_token_the_request_carried() -> None:
    session = FakeSession(token_response("tok-1"), token_response("tok-2"))
    credential = client_credentials()
    request = new_request()
    await credential.apply(request, session)
    assert credential.on_unauthorized(request) is True
    assert await authorize(credential, session) == "Bearer tok-2"


async def test_on_unauthorized_keeps_a_newer_token() -> None:
    session = FakeSession(token_response("tok-1"), token_response("tok-2"))
    credential = client_credentials()
    slow = new_request()
    await credential.apply(slow, session)  # carries tok-1
    fast = new_request()
    await credential.apply(fast, session)
    credential.on_unauthorized(fast)  # drops tok-1
    assert await authorize(credential, session) == "Bearer tok-2"
    # the slow request's 401 arrives late: it must not drop tok-2, and it is resent
    assert credential.on_unauthorized(slow) is True
    assert await authorize(credential, session) == "Bearer tok-2"
    assert len(session.requests) == 2


async def test_on_unauthorized_of_a_request_without_a_token_drops_nothing() -> None:
    session = FakeSession(token_response("tok-1"), token_response("tok-2"))
    credential = client_credentials()
    await authorize(credential, session)
    assert credential.on_unauthorized(new_request()) is True
    assert await authorize(credential, session) == "Bearer tok-1"


# -- BearerToken --------------------------------------------------------------------------------


async def test_fixed_bearer_token_is_sent_and_cannot_be_renewed() -> None:
    session = FakeSession()
    credential = BearerToken("fixed", clock=FakeClock())
    request = new_request()
    await credential.apply(request, session)
    assert request.headers["Authorization"] == "Bearer fixed"
    assert credential.on_unauthorized(request) is False
    assert await authorize(credential, session) == "Bearer fixed"
    assert session.requests == []


async def test_fixed_expired_jwt_is_still_sent() -> None:
    token = make_jwt({"exp": 0})
    assert await authorize(BearerToken(token), FakeSession()) == f"Bearer {token}"


def counting_provider(tokens: list[str]) -> tuple[Callable[[], Awaitable[str]], list[int]]:
    calls = [0]

    async def provide() -> str:
        calls[0] += 1
        return tokens[min(calls[0] - 1, len(tokens) - 1)]

    return provide, calls


async def test_provider_token_without_exp_is_reused_until_a_401() -> None:
    provide, calls = counting_provider(["p-1", "p-2"])
    credential = BearerToken(provide, clock=FakeClock())
    session = FakeSession()
    request = new_request()
    await credential.apply(request, session)
    assert await authorize(credential, session) == "Bearer p-1"
    assert calls == [1]
    assert credential.on_unauthorized(request) is True
    assert await authorize(credential, session) == "Bearer p-2"
    assert calls == [2]
    assert session.requests == []


async def test_provider_jwt_exp_less_refresh_margin() -> None:
    clock = FakeClock()
    first, second = make_jwt({"exp": clock.now + 120}), make_jwt({"exp": clock.now + 1000})
    provide, calls = counting_provider([first, second])
    credential = BearerToken(provide, refresh_margin=30, clock=clock)
    assert await authorize(credential, FakeSession()) == f"Bearer {first}"
    clock.now += 89.999
    assert await authorize(credential, FakeSession()) == f"Bearer {first}"
    clock.now += 0.001
    assert await authorize(credential, FakeSession()) == f"Bearer {second}"
    assert calls == [2]


async def test_provider_single_flight() -> None:
    gate = asyncio.Event()
    calls = 0

    async def provide() -> str:
        nonlocal calls
        calls += 1
        await gate.wait()
        return "shared"

    credential = BearerToken(provide)
    tasks = [asyncio.ensure_future(authorize(credential, FakeSession())) for _ in range(50)]
    await settle()
    gate.set()
    assert await asyncio.gather(*tasks) == ["Bearer shared"] * 50
    assert calls == 1


@pytest.mark.parametrize("returned", ["", None, 5])
async def test_provider_returning_no_token_fails(returned: object) -> None:
    async def bad() -> Any:
        return returned

    with pytest.raises(InteropError, match="provider returned no token"):
        await BearerToken(bad).apply(new_request(), FakeSession())


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (make_jwt({"exp": 1_700_000_000}), 1_700_000_000.0),
        (make_jwt({"exp": 1.5}), 1.5),
        (make_jwt({"sub": "x"}), None),
        (make_jwt({"exp": "soon"}), None),
        (make_jwt({"exp": True}), None),
        (make_jwt([1, 2]), None),
        ("not-a-jwt", None),
        ("a.!!!.c", None),
        ("a.b.c.d", None),
    ],
)
def test_jwt_expiry(token: str, expected: float | None) -> None:
    assert jwt_expiry(token) == expected


# -- tenant auth, custom credentials ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["oauth2", "OAuth2", " OAUTH2 "])
def test_tenant_oauth2_is_unbound_client_credentials(kind: str) -> None:
    credential = credentials_for_tenant_auth(kind, "cid", "csecret")
    assert isinstance(credential, ClientCredentials)
    assert (credential.client_id, credential.token_url) == ("cid", None)


@pytest.mark.parametrize("kind", ["basic", "Basic", "BASIC"])
def test_tenant_basic_is_basic_credentials(kind: str) -> None:
    credential = credentials_for_tenant_auth(kind, "user", "pw")
    assert isinstance(credential, BasicCredentials)
    assert credential.username == "user"


@pytest.mark.parametrize("kind", ["saml", "", None, 5])
def test_tenant_auth_type_unsupported(kind: object) -> None:
    with pytest.raises(InvalidArgumentError, match="unsupported tenant auth type"):
        credentials_for_tenant_auth(kind, "cid", "csecret")  # type: ignore[arg-type]


class HeaderToken(Credentials):
    """A credential of a caller's own: one custom header."""

    def __init__(self, value: str) -> None:
        self.value = value

    @property
    def identity(self) -> str:
        return "header-token"

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.value.encode()).hexdigest()[:16]

    async def apply(self, request: httpx.Request, session: AuthSession) -> None:
        request.headers["X-Custom-Auth"] = self.value


async def test_a_custom_credentials_subclass_works() -> None:
    credential = HeaderToken("v-1")
    request = new_request()
    await credential.apply(request, FakeSession())
    assert request.headers["X-Custom-Auth"] == "v-1"
    assert credential.on_unauthorized(request) is False
    assert credential.bind(API) is credential
    assert credential.token_url is None


def test_credentials_is_abstract() -> None:
    with pytest.raises(TypeError):
        Credentials()  # type: ignore[abstract]


def test_default_clock_is_wall_time() -> None:
    credential = ClientCredentials("a", "s", TOKEN_URL)
    assert (
        credential.fingerprint
        == ClientCredentials("a", "s", TOKEN_URL, clock=time.time).fingerprint
    )


@pytest.fixture
async def loop_errors() -> Any:
    """What the running loop reports to its exception handler (e.g. lost exceptions)."""
    loop = asyncio.get_running_loop()
    seen: list[dict[str, Any]] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: seen.append(context))
    yield seen
    loop.set_exception_handler(previous)
