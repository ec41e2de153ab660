"""Unit tests for kimono_interop.credentials."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs

import httpx
import pytest

from kimono_interop.credentials import (
    ApiKey,
    BasicCredentials,
    BearerToken,
    ClientCredentials,
    credentials_for_tenant_auth,
)
from kimono_interop.errors import AuthenticationError, InteropError, ServerError

API = "https://api.example.test"
TOKEN_URL = f"{API}/oauth/token"
SECRET = "s3cr3t-client-secret"
API_KEY = "0123456789abcdef-apikey-secret"


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def make_jwt(exp: float | None) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    claims: dict[str, object] = {"sub": "user"}
    if exp is not None:
        claims["exp"] = exp
    return f"{part({'alg': 'none'})}.{part(claims)}.sig"


class FakeServer:
    """Token endpoint plus an API that accepts only the listed bearer tokens."""

    def __init__(self, *, expires_in: float | None = None) -> None:
        self.token_requests: list[httpx.Request] = []
        self.api_auth: list[str | None] = []
        self.expires_in = expires_in
        self.valid_tokens: set[str] = set()
        self.token_status = 200
        self.token_body: dict[str, object] | None = None
        self.release: asyncio.Event | None = None
        self.token_requested = asyncio.Event()

    async def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            self.token_requests.append(request)
            self.token_requested.set()
            if self.release is not None:
                await self.release.wait()
            if self.token_status != 200:
                return httpx.Response(self.token_status, json={"message": "invalid_client"})
            if self.token_body is not None:
                return httpx.Response(200, json=self.token_body)
            token = f"tok-{len(self.token_requests)}"
            self.valid_tokens.add(token)
            body: dict[str, object] = {"access_token": token, "token_type": "bearer"}
            if self.expires_in is not None:
                body["expires_in"] = self.expires_in
            return httpx.Response(200, json=body)
        auth = request.headers.get("Authorization")
        self.api_auth.append(auth)
        if auth is None or auth.removeprefix("Bearer ") not in self.valid_tokens:
            return httpx.Response(401, json={"message": "bad token"})
        return httpx.Response(200, json={"ok": True})

    def client(self, auth: httpx.Auth) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=API, auth=auth, transport=httpx.MockTransport(self.handler)
        )


def creds(clock: Callable[[], float] | None = None) -> ClientCredentials:
    return ClientCredentials("client-1", SECRET, TOKEN_URL, clock=clock or FakeClock())


# --- Basic-style credentials -----------------------------------------------------------


async def echo_auth(auth: httpx.Auth) -> str | None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization"))
        return httpx.Response(200)

    async with httpx.AsyncClient(auth=auth, transport=httpx.MockTransport(handler)) as client:
        await client.get(f"{API}/v2/interop/clouds")
    return seen[0]


async def test_api_key_sends_basic_with_key_as_user_and_password() -> None:
    assert await echo_auth(ApiKey(API_KEY)) == basic(API_KEY, API_KEY)


async def test_basic_credentials_header() -> None:
    assert await echo_auth(BasicCredentials("actor", "pw-secret")) == basic("actor", "pw-secret")


def test_sync_flow_raises_clear_error() -> None:
    with (
        httpx.Client(
            auth=ApiKey(API_KEY), transport=httpx.MockTransport(lambda r: httpx.Response(200))
        ) as client,
        pytest.raises(InteropError, match="async-only"),
    ):
        client.get(f"{API}/x")


@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (lambda: ApiKey(""), "key"),
        (lambda: BasicCredentials("", "x"), "username"),
        (lambda: ClientCredentials("id", ""), "client_secret"),
        (lambda: BearerToken(""), "token"),
    ],
)
def test_empty_values_rejected(factory: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        factory()


# --- repr, identity, fingerprint -------------------------------------------------------


async def provider() -> str:
    return "provided-secret-token"


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
)
def test_repr_and_str_mask_secrets(credential: httpx.Auth, secret: str, expected_repr: str) -> None:
    assert repr(credential) == expected_repr
    assert str(credential) == expected_repr
    identity = credential.identity  # type: ignore[attr-defined]
    fingerprint = credential.fingerprint  # type: ignore[attr-defined]
    assert secret not in identity
    assert secret not in fingerprint
    assert len(fingerprint) == 16
    int(fingerprint, 16)


def test_identities() -> None:
    import hashlib

    key_hash = hashlib.sha256(API_KEY.encode()).hexdigest()[:12]
    assert ApiKey(API_KEY).identity == f"apikey:{key_hash}"
    assert BasicCredentials("actor", "pw").identity == "basic:actor"
    assert ClientCredentials("abc", SECRET, TOKEN_URL).identity == f"client:abc@{TOKEN_URL}"
    token_hash = hashlib.sha256(b"tok").hexdigest()[:12]
    assert BearerToken("tok").identity == f"bearer:{token_hash}"
    assert BearerToken(provider).identity.startswith("bearer-provider:")


def test_rotated_secret_changes_fingerprint_not_identity() -> None:
    old_basic, new_basic = BasicCredentials("u", "pw-1"), BasicCredentials("u", "pw-2")
    assert old_basic.identity == new_basic.identity
    assert old_basic.fingerprint != new_basic.fingerprint
    old_client = ClientCredentials("abc", "secret-1", TOKEN_URL)
    new_client = ClientCredentials("abc", "secret-2", TOKEN_URL)
    assert old_client.identity == new_client.identity
    assert old_client.fingerprint != new_client.fingerprint


def test_fingerprint_stable_for_equal_credentials() -> None:
    assert (
        ClientCredentials("a", "s", TOKEN_URL).fingerprint
        == ClientCredentials("a", "s", TOKEN_URL).fingerprint
    )
    assert (
        ClientCredentials("a", "s", TOKEN_URL).fingerprint
        != ClientCredentials("a", "s", "https://other.test/t").fingerprint
    )


def test_fingerprint_changes_with_bearer_token() -> None:
    assert BearerToken("one").fingerprint != BearerToken("two").fingerprint


def test_credentials_for_tenant_auth() -> None:
    oauth = credentials_for_tenant_auth("OAuth2", "cid", "csecret")
    assert isinstance(oauth, ClientCredentials)
    assert oauth.token_url is None
    assert oauth.client_id == "cid"
    basic_creds = credentials_for_tenant_auth("BASIC", "user", "pw")
    assert isinstance(basic_creds, BasicCredentials)
    assert basic_creds.username == "user"
    with pytest.raises(ValueError, match="'saml'"):
        credentials_for_tenant_auth("saml", "cid", "csecret")


# --- ClientCredentials -----------------------------------------------------------------


async def test_unbound_client_credentials_raise() -> None:
    server = FakeServer()
    async with server.client(ClientCredentials("cid", SECRET)) as client:
        with pytest.raises(InteropError, match="token_url") as info:
            await client.get("/v2/x")
    assert SECRET not in str(info.value)
    assert server.token_requests == []


def test_with_token_url_binds_a_copy() -> None:
    unbound = ClientCredentials("cid", SECRET)
    bound = unbound.with_token_url(TOKEN_URL)
    assert unbound.token_url is None
    assert bound.token_url == TOKEN_URL
    assert bound.identity == f"client:cid@{TOKEN_URL}"
    assert bound.fingerprint != unbound.fingerprint


async def test_fetches_token_and_reuses_it() -> None:
    server = FakeServer()
    async with server.client(creds()) as client:
        first = await client.get("/v2/a")
        second = await client.get("/v2/b")
    assert (first.status_code, second.status_code) == (200, 200)
    assert len(server.token_requests) == 1
    form = parse_qs(server.token_requests[0].content.decode())
    assert form == {
        "client_id": ["client-1"],
        "client_secret": [SECRET],
        "grant_type": ["client_credentials"],
    }
    assert server.token_requests[0].method == "POST"
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-1"]


async def test_refreshes_before_expiry() -> None:
    clock = FakeClock()
    server = FakeServer(expires_in=300)
    async with server.client(creds(clock)) as client:
        await client.get("/v2/a")
        clock.now += 300 - 30 - 1
        await client.get("/v2/b")
        assert len(server.token_requests) == 1
        clock.now += 1
        await client.get("/v2/c")
    assert len(server.token_requests) == 2
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]


async def test_without_expires_in_token_kept_until_401() -> None:
    clock = FakeClock()
    server = FakeServer()
    async with server.client(creds(clock)) as client:
        await client.get("/v2/a")
        clock.now += 10 * 365 * 86400
        await client.get("/v2/b")
    assert len(server.token_requests) == 1


async def test_short_lived_token_not_refetched_every_request() -> None:
    clock = FakeClock()
    server = FakeServer(expires_in=10)
    async with server.client(creds(clock)) as client:
        await client.get("/v2/a")
        clock.now += 4
        await client.get("/v2/b")
    assert len(server.token_requests) == 1


async def test_single_flight_fifty_concurrent_requests() -> None:
    server = FakeServer()
    server.release = asyncio.Event()
    async with server.client(creds()) as client:
        tasks = [asyncio.create_task(client.get(f"/v2/{n}")) for n in range(50)]
        for _ in range(20):
            await asyncio.sleep(0)
        assert len(server.token_requests) == 1
        server.release.set()
        responses = await asyncio.gather(*tasks)
    assert [r.status_code for r in responses] == [200] * 50
    assert len(server.token_requests) == 1
    assert server.api_auth == ["Bearer tok-1"] * 50


async def test_401_drops_token_and_retries_once_with_fresh_token() -> None:
    server = FakeServer()
    async with server.client(creds()) as client:
        await client.get("/v2/a")
        server.valid_tokens.clear()
        server.valid_tokens.add("tok-2")
        response = await client.get("/v2/b")
    assert response.status_code == 200
    assert len(server.token_requests) == 2
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]


async def test_second_401_is_returned_as_is() -> None:
    server = FakeServer()
    server.valid_tokens = set()

    async def handler(request: httpx.Request) -> httpx.Response:
        response = await server.handler(request)
        server.valid_tokens.clear()  # every token is rejected
        return response

    client = httpx.AsyncClient(base_url=API, auth=creds(), transport=httpx.MockTransport(handler))
    async with client:
        response = await client.get("/v2/a")
    assert response.status_code == 401
    assert len(server.token_requests) == 2
    assert server.api_auth == ["Bearer tok-1", "Bearer tok-2"]


async def test_401_keeps_newer_token_fetched_by_another_request() -> None:
    clock = FakeClock()
    credential = creds(clock)
    server = FakeServer()
    async with server.client(credential) as client:
        await client.get("/v2/a")  # tok-1 cached
        flow = credential.async_auth_flow(httpx.Request("GET", f"{API}/v2/x"))
        request = await flow.__anext__()
        assert request.headers["Authorization"] == "Bearer tok-1"
        server.valid_tokens = {"tok-2"}
        # another request meets the 401 first and fetches tok-2
        await client.get("/v2/b")
        assert len(server.token_requests) == 2
        # the slow request's 401 must not drop tok-2
        retry = await flow.asend(httpx.Response(401, request=request))
        assert retry.headers["Authorization"] == "Bearer tok-2"
        await flow.aclose()
    assert len(server.token_requests) == 2


async def test_cancelled_fetcher_does_not_break_waiters() -> None:
    server = FakeServer()
    server.release = asyncio.Event()
    async with server.client(creds()) as client:
        fetcher = asyncio.create_task(client.get("/v2/first"))
        await asyncio.wait_for(server.token_requested.wait(), timeout=5)
        waiters = [asyncio.create_task(client.get(f"/v2/{n}")) for n in range(5)]
        await asyncio.sleep(0)
        fetcher.cancel()
        with pytest.raises(asyncio.CancelledError):
            await fetcher
        server.release.set()
        responses = await asyncio.wait_for(asyncio.gather(*waiters), timeout=5)
    assert [r.status_code for r in responses] == [200] * 5
    assert len(server.token_requests) == 2
    assert set(server.api_auth) == {"Bearer tok-2"}


async def test_token_endpoint_401_raises_authentication_error_without_secret() -> None:
    server = FakeServer()
    server.token_status = 401
    async with server.client(creds()) as client:
        with pytest.raises(AuthenticationError) as info:
            await client.get("/v2/a")
    error = info.value
    assert error.status_code == 401
    assert str(error) == "401 Unauthorized on POST /oauth/token: invalid_client"
    assert SECRET not in str(error)
    assert SECRET not in repr(error)
    assert server.api_auth == []


async def test_token_endpoint_500_raises_server_error() -> None:
    server = FakeServer()
    server.token_status = 500
    async with server.client(creds()) as client:
        with pytest.raises(ServerError):
            await client.get("/v2/a")


async def test_token_failure_releases_lock_for_next_request() -> None:
    server = FakeServer()
    server.token_status = 503
    async with server.client(creds()) as client:
        with pytest.raises(ServerError):
            await client.get("/v2/a")
        server.token_status = 200
        response = await asyncio.wait_for(client.get("/v2/b"), timeout=5)
    assert response.status_code == 200


@pytest.mark.parametrize("body", [{}, {"access_token": ""}, {"access_token": 5}])
async def test_token_response_without_access_token(body: dict[str, object]) -> None:
    server = FakeServer()
    server.token_body = body
    async with server.client(creds()) as client:
        with pytest.raises(AuthenticationError, match="no access_token") as info:
            await client.get("/v2/a")
    assert SECRET not in str(info.value)


def test_client_credentials_secret_not_in_repr_or_str() -> None:
    credential = creds()
    assert SECRET not in repr(credential)
    assert SECRET not in str(credential)
    assert SECRET not in repr(credential.with_token_url("https://x.test/t"))


# --- BearerToken -----------------------------------------------------------------------


async def test_fixed_bearer_token_and_401_returned_as_is() -> None:
    server = FakeServer()
    server.valid_tokens = {"fixed"}
    async with server.client(BearerToken("fixed")) as client:
        assert (await client.get("/v2/a")).status_code == 200
        server.valid_tokens = set()
        assert (await client.get("/v2/b")).status_code == 401
    assert server.api_auth == ["Bearer fixed", "Bearer fixed"]


def counting_provider(tokens: list[str]) -> tuple[Callable[[], Awaitable[str]], list[int]]:
    calls = [0]

    async def provide() -> str:
        calls[0] += 1
        await asyncio.sleep(0)
        return tokens[min(calls[0] - 1, len(tokens) - 1)]

    return provide, calls


async def test_provider_token_reused_without_exp() -> None:
    provide, calls = counting_provider(["p-1", "p-2"])
    server = FakeServer()
    server.valid_tokens = {"p-1", "p-2"}
    async with server.client(BearerToken(provide)) as client:
        await client.get("/v2/a")
        await client.get("/v2/b")
    assert calls == [1]
    assert server.api_auth == ["Bearer p-1", "Bearer p-1"]


async def test_provider_401_fetches_new_token_once() -> None:
    provide, calls = counting_provider(["p-1", "p-2", "p-3"])
    server = FakeServer()
    server.valid_tokens = {"p-2"}
    async with server.client(BearerToken(provide)) as client:
        assert (await client.get("/v2/a")).status_code == 200
        server.valid_tokens = set()
        assert (await client.get("/v2/b")).status_code == 401
    assert server.api_auth == ["Bearer p-1", "Bearer p-2", "Bearer p-2", "Bearer p-3"]
    assert calls == [3]


async def test_provider_jwt_exp_honoured() -> None:
    clock = FakeClock()
    first, second = make_jwt(clock.now + 120), make_jwt(clock.now + 1000)
    provide, calls = counting_provider([first, second])
    server = FakeServer()
    server.valid_tokens = {first, second}
    async with server.client(BearerToken(provide, refresh_margin=30, clock=clock)) as client:
        await client.get("/v2/a")
        clock.now += 89
        await client.get("/v2/b")
        assert calls == [1]
        clock.now += 1
        await client.get("/v2/c")
    assert calls == [2]
    assert server.api_auth == [f"Bearer {first}", f"Bearer {first}", f"Bearer {second}"]


async def test_provider_single_flight() -> None:
    release = asyncio.Event()
    calls = 0

    async def provide() -> str:
        nonlocal calls
        calls += 1
        await release.wait()
        return "shared"

    server = FakeServer()
    server.valid_tokens = {"shared"}
    async with server.client(BearerToken(provide)) as client:
        tasks = [asyncio.create_task(client.get(f"/v2/{n}")) for n in range(20)]
        for _ in range(10):
            await asyncio.sleep(0)
        release.set()
        responses = await asyncio.gather(*tasks)
    assert calls == 1
    assert all(r.status_code == 200 for r in responses)


async def test_fixed_jwt_is_sent_even_when_expired() -> None:
    token = make_jwt(0)
    server = FakeServer()
    server.valid_tokens = {token}
    async with server.client(BearerToken(token)) as client:
        assert (await client.get("/v2/a")).status_code == 200


async def test_provider_returning_nothing_raises() -> None:
    async def empty() -> str:
        return ""

    async with FakeServer().client(BearerToken(empty)) as client:
        with pytest.raises(InteropError, match="no token"):
            await client.get("/v2/a")


def test_bearer_token_rejects_non_callable() -> None:
    with pytest.raises(TypeError):
        BearerToken(42)  # type: ignore[arg-type]


async def test_token_exchange_logs_never_show_secrets(caplog: pytest.LogCaptureFixture) -> None:
    from kimono_interop.transport import PolicyTransport, RetryPolicy

    server = FakeServer()
    logger = logging.getLogger("kimono_interop.test_credentials")
    transport = PolicyTransport(
        httpx.MockTransport(server.handler), policy=RetryPolicy(), logger=logger
    )
    with caplog.at_level(logging.DEBUG, logger=logger.name):
        async with httpx.AsyncClient(base_url=API, auth=creds(), transport=transport) as client:
            await client.get("/v2/a?api_key=k-secret")
    records = [r for r in caplog.records if r.name == logger.name]
    assert [r.__dict__["http_target"] for r in records] == [
        "/oauth/token",
        "/v2/a?api_key=REDACTED",
    ]
    dumped = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in records)
    for secret in (SECRET, "tok-1", "k-secret"):
        assert secret not in dumped
