"""Narrow tests of kimono_interop._config: base URL, https, proxies, environment, logging."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import httpx
import pytest

from kimono_interop import _config as config
from kimono_interop._exceptions import InsecureTransportError, InvalidArgumentError


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No KIMONO_* or *_proxy variable leaks in from the machine running the tests."""
    for name in list(os.environ):
        if name.startswith("KIMONO_") or name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    monkeypatch.delenv("REQUEST_METHOD", raising=False)


# -- base URL -----------------------------------------------------------------------------------


def test_default_base_url() -> None:
    assert config.base_url_from(None, allow_insecure_http=False) == config.DEFAULT_BASE_URL


def test_environment_base_url_is_used_when_none_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_BASE_URL, "https://api.eu.example.test/")
    assert config.base_url_from(None, allow_insecure_http=False) == "https://api.eu.example.test"


def test_explicit_base_url_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_BASE_URL, "https://from-env.test")
    assert (
        config.base_url_from("https://given.test", allow_insecure_http=False)
        == "https://given.test"
    )


def test_empty_environment_base_url_falls_back_to_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(config.ENV_BASE_URL, "")
    assert config.base_url_from(None, allow_insecure_http=False) == config.DEFAULT_BASE_URL


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080",
        "http://LOCALHOST",
        "http://127.0.0.1:9000/",
        "http://127.10.0.1",
        "http://[::1]:9000",
        "http://sandbox.localhost",
        "https://api.example.test/prefix/",
    ],
)
def test_https_or_loopback_is_accepted(url: str) -> None:
    assert config.base_url_from(url, allow_insecure_http=False) == url.rstrip("/")


@pytest.mark.parametrize(
    "url", ["http://api.example.test", "http://10.0.0.1:8080", "http://localhost.evil.test"]
)
def test_plain_http_elsewhere_needs_the_opt_in(url: str) -> None:
    with pytest.raises(InsecureTransportError, match="allow_insecure_http=True") as info:
        config.base_url_from(url, allow_insecure_http=False)
    assert str(info.value).startswith(f"base_url {url!r} is plain http://")
    assert config.base_url_from(url, allow_insecure_http=True) == url


def test_insecure_environment_base_url_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_BASE_URL, "http://api.example.test")
    with pytest.raises(InsecureTransportError):
        config.base_url_from(None, allow_insecure_http=False)


@pytest.mark.parametrize(
    "value",
    [
        5,
        b"https://api.example.test",
        "ftp://api.example.test",
        "api.example.test",
        "https://",
        "https://api.example.test?x=1",
        "https://api.example.test/#frag",
        "http:///no-host",
        "https://:443",
    ],
)
def test_bad_base_url(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match=r"^base_url must"):
        config.base_url_from(value, allow_insecure_http=False)


def test_enforce_https_message_has_no_query() -> None:
    url = httpx.URL("http://auth.example.test/token?client_secret=abc")
    with pytest.raises(InsecureTransportError, match=r"^token_url") as info:
        config.enforce_https(url, allow_insecure_http=False, what="token_url")
    assert "abc" not in str(info.value)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LocalHost", True),
        ("localhost.localdomain", True),
        ("api.localhost", True),
        ("127.0.0.1", True),
        ("127.255.0.9", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),  # noqa: S104 - a host to classify, not a bind
        ("10.0.0.1", False),
        ("localhost.example.test", False),
        ("example.test", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert config.is_loopback(host) is loopback


# -- proxies from the environment ---------------------------------------------------------------

API = httpx.URL("https://api.example.test")


def test_no_proxy_configured() -> None:
    assert config.environment_proxy(API) is None


def test_https_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://plain-proxy.corp:3128")
    assert config.environment_proxy(API) == "http://proxy.corp:3128"
    assert config.environment_proxy(httpx.URL("http://localhost:8080")) == (
        "http://plain-proxy.corp:3128"
    )


def test_proxy_without_a_scheme_gets_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("https_proxy", "proxy.corp:3128")
    assert config.environment_proxy(API) == "http://proxy.corp:3128"


def test_all_proxy_is_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://socks.corp:1080")
    assert config.environment_proxy(API) == "socks5://socks.corp:1080"


@pytest.mark.parametrize(
    "no_proxy",
    ["api.example.test", ".example.test", "example.test", "other.test,api.example.test", "*"],
)
def test_no_proxy_bypasses(monkeypatch: pytest.MonkeyPatch, no_proxy: str) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setenv("NO_PROXY", no_proxy)
    assert config.environment_proxy(API) is None


def test_no_proxy_for_another_host_keeps_the_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setenv("NO_PROXY", "other.test,internal.example")
    assert config.environment_proxy(API) == "http://proxy.corp:3128"
    assert config.environment_proxy(httpx.URL("https://api.example.test:8443")) == (
        "http://proxy.corp:3128"
    )


# -- API key ------------------------------------------------------------------------------------


def test_api_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_API_KEY, "  key-123  ")
    assert config.api_key_from_environment() == "key-123"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_api_key_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is not None:
        monkeypatch.setenv(config.ENV_API_KEY, value)
    with pytest.raises(InvalidArgumentError, match="KIMONO_API_KEY") as info:
        config.api_key_from_environment()
    assert "auth=" in str(info.value)


# -- KIMONO_LOG ---------------------------------------------------------------------------------


@pytest.fixture
def sdk_logger() -> Iterator[logging.Logger]:
    """The SDK's logger, restored afterwards (level and handlers)."""
    logger = logging.getLogger("kimono_interop")
    level, handlers = logger.level, list(logger.handlers)
    logger.setLevel(logging.NOTSET)
    yield logger
    logger.setLevel(level)
    logger.handlers[:] = handlers


def env_handlers(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers if getattr(h, "_kimono_env", False)]


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), (" INFO ", logging.INFO)])
def test_kimono_log_sets_the_level_and_adds_one_handler(
    monkeypatch: pytest.MonkeyPatch, sdk_logger: logging.Logger, value: str, level: int
) -> None:
    monkeypatch.setenv(config.ENV_LOG, value)
    config.configure_logging_from_environment()
    config.configure_logging_from_environment()
    assert sdk_logger.level == level
    assert len(env_handlers(sdk_logger)) == 1
    assert isinstance(env_handlers(sdk_logger)[0], logging.StreamHandler)


@pytest.mark.parametrize("value", [None, "", "verbose", "warning"])
def test_kimono_log_unset_or_unknown_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, sdk_logger: logging.Logger, value: str | None
) -> None:
    if value is not None:
        monkeypatch.setenv(config.ENV_LOG, value)
    before = list(sdk_logger.handlers)
    config.configure_logging_from_environment()
    assert sdk_logger.level == logging.NOTSET
    assert sdk_logger.handlers == before
