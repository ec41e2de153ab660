"""Defaults, and what the environment configures.

``KIMONO_API_KEY`` (the variable Kimono's own driver kit reads) and ``KIMONO_BASE_URL`` fill in
what an ``InteropClient()`` is not given; ``KIMONO_LOG=debug|info`` turns on the SDK's logger.
Explicit arguments always win.
"""

from __future__ import annotations

import logging
import os

import httpx

from kimono_interop._exceptions import InsecureTransportError, InvalidArgumentError, shorten

DEFAULT_BASE_URL = "https://api.us2.kimonocloud.com"
"""Kimono's production API host (US2)."""

DEFAULT_TIMEOUT = 30.0
"""Seconds for each of connect, read, write and pool; the service's own read timeout is 30 s."""

DEFAULT_MAX_CONNECTIONS = 100
"""Connections in the pool; keep-alive capacity is the same, so a busy pool never churns."""

ENV_API_KEY = "KIMONO_API_KEY"
ENV_BASE_URL = "KIMONO_BASE_URL"
ENV_LOG = "KIMONO_LOG"

_LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}


def base_url_from(value: object, *, allow_insecure_http: bool) -> str:
    """The base URL to use: `value`, else ``KIMONO_BASE_URL``, else production; checked."""
    if value is None:
        value = os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    if not isinstance(value, str):
        raise InvalidArgumentError(f"base_url must be an http(s) URL str, got {shorten(value)}")
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise InvalidArgumentError(f"base_url must be an http(s) URL, got {shorten(value)}")
    if url.query or url.fragment:
        raise InvalidArgumentError(
            f"base_url must not carry a query or fragment, got {shorten(value)}"
        )
    enforce_https(url, allow_insecure_http=allow_insecure_http, what="base_url")
    return value.rstrip("/")


def enforce_https(url: httpx.URL, *, allow_insecure_http: bool, what: str) -> None:
    """Refuse plain ``http://`` to any host but loopback, unless the caller opted in."""
    if url.scheme == "https" or allow_insecure_http or is_loopback(url.host):
        return
    raise InsecureTransportError(
        f"{what} {str(url.copy_with(query=None))!r} is plain http:// to a host other than loopback: "
        "credentials would travel in clear text. Use https://, or pass allow_insecure_http=True"
    )


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine: ``localhost`` or a loopback address."""
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(
        ".localhost"
    ):
        return True
    import ipaddress  # only when a client is built

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def environment_proxy(url: httpx.URL) -> str | None:
    """The proxy the environment sets for `url` (``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``)."""
    import urllib.request  # only when a client is built: it is slow to import

    proxies = urllib.request.getproxies()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy:
        return None
    host = url.host if url.port is None else f"{url.host}:{url.port}"
    if urllib.request.proxy_bypass(host):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def api_key_from_environment() -> str:
    """``KIMONO_API_KEY``, or an error that says to set it."""
    key = os.environ.get(ENV_API_KEY, "").strip()
    if not key:
        raise InvalidArgumentError(
            f"no credentials: pass auth=... (ApiKey, ClientCredentials, ...) "
            f"or set the {ENV_API_KEY} environment variable to your developer API key"
        )
    return key


def configure_logging_from_environment() -> None:
    """Turn on the ``kimono_interop`` logger at the level ``KIMONO_LOG`` names (debug or info).

    Adds one stderr handler, once; does nothing when ``KIMONO_LOG`` is unset.
    """
    level = _LOG_LEVELS.get(os.environ.get(ENV_LOG, "").strip().lower())
    if level is None:
        return
    logger = logging.getLogger("kimono_interop")
    logger.setLevel(level)
    if not any(getattr(h, "_kimono_env", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._kimono_env = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
