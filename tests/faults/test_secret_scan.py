"""The secret scan itself: it must catch a planted secret wherever the SDK could leak one."""

from __future__ import annotations

import base64
import logging

import httpx
import pytest

from kimono_interop import APIConnectionError, NotFoundError
from tests.secret_scan import SecretScan

PLANTED = "planted-secret-5f1c9a7e"
BASIC = base64.b64encode(f"user:{PLANTED}".encode()).decode()


def scan_of(*objects: object, records: list[logging.LogRecord] | None = None) -> list[str]:
    scan = SecretScan()
    scan.add(PLANTED)
    scan.add_basic("user", PLANTED)
    scan.exceptions = [o for o in objects if isinstance(o, BaseException)]
    scan.objects = [o for o in objects if not isinstance(o, BaseException)]
    scan.records = records or []
    return scan.findings()


def record(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("kimono_interop", logging.DEBUG, __file__, 1, msg, args, None)


def response_with(*, headers: dict[str, str] | None = None, content: bytes = b"") -> httpx.Response:
    request = httpx.Request("GET", "https://api.test/x", headers=headers)
    return httpx.Response(404, content=content, request=request)


@pytest.mark.parametrize(
    "planted",
    [
        lambda: NotFoundError("x", response=response_with(content=PLANTED.encode())),
        lambda: NotFoundError(
            "x", response=response_with(headers={"Authorization": f"Bearer {PLANTED}"})
        ),
        lambda: NotFoundError(
            "x",
            response=response_with(
                headers={
                    "Authorization": "Basic "
                    + __import__("base64").b64encode(f"user:{PLANTED}".encode()).decode()
                }
            ),
        ),
        lambda: APIConnectionError(f"failed with {PLANTED}"),
        lambda: _with_cause(APIConnectionError("x"), ValueError(PLANTED)),
        lambda: _with_history(NotFoundError("x", response=response_with())),
    ],
    ids=["body", "bearer header", "basic header", "message", "cause", "history"],
)
def test_a_planted_secret_in_an_exception_is_found(planted: object) -> None:
    assert scan_of(planted())  # type: ignore[operator]


def test_a_planted_secret_in_a_log_record_is_found() -> None:
    assert scan_of(records=[record("sending %s", PLANTED)])
    assert scan_of(records=[record(f"token {PLANTED}")])


def test_a_planted_secret_in_a_repr_is_found() -> None:
    class Leaky:
        def __repr__(self) -> str:
            return f"Leaky({PLANTED})"

    assert scan_of(Leaky())


def test_clean_things_are_not_flagged() -> None:
    assert not scan_of(APIConnectionError("x"), records=[record("GET /v2/interop/clouds")])


def _with_cause(error: APIConnectionError, cause: Exception) -> APIConnectionError:
    error.__cause__ = cause
    return error


def _with_history(error: NotFoundError) -> NotFoundError:
    token_response = httpx.Response(200, json={"access_token": PLANTED})
    error.response.history = [token_response]
    return error
