"""The transport the behaviour suites run on: the SDK's default, or another one under test.

``KIMONO_TEST_TRANSPORT=httpx`` (httpx's own pool) or ``=httpx2`` (the httpx2 adapter) runs the
fault and facade suites on that transport instead (``make test-transports`` runs both), so the
README's claim that every transport passes them stays true.
"""

from __future__ import annotations

import os

import httpx

from kimono_interop.transports import AiohttpTransport, Httpx2Transport

CHOICES = ("default", "httpx", "httpx2")
CHOSEN = os.environ.get("KIMONO_TEST_TRANSPORT", "default") or "default"
if CHOSEN not in CHOICES:
    raise RuntimeError(f"KIMONO_TEST_TRANSPORT must be one of {CHOICES}, got {CHOSEN!r}")


def chosen_transport() -> httpx.AsyncBaseTransport:
    """A new pool of the transport under test (100 connections, all kept alive)."""
    if CHOSEN == "httpx":
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
        return httpx.AsyncHTTPTransport(limits=limits)
    if CHOSEN == "httpx2":
        return Httpx2Transport()
    return AiohttpTransport()


def overridden() -> bool:
    """Whether the suites run on another transport than the SDK's default."""
    return CHOSEN != "default"
