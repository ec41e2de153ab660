"""The CLI's pieces in process: masking, column widths, failures as exit codes and lines,
durations and the attention rule (no subprocess, no sandbox)."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import httpx
import pytest

from kimono_interop import (
    APIConnectionError,
    InsecureTransportError,
    InvalidArgumentError,
    PaginationError,
)
from kimono_interop._exceptions import error_from_response
from kimono_interop.cli import _codes
from kimono_interop.cli._output import OutputOptions, View, fit_widths, mask, writer
from kimono_interop.cli._overview import attention, table_row
from kimono_interop.cli._params import Format, parse_duration
from kimono_interop.cli._runtime import describe, short_error


def test_mask_hides_secret_fields_and_app_auth_but_scheme() -> None:
    tenant = {
        "name": "A",
        "auth": {"type": "oauth2", "client_id": "id-1", "client_secret": "s1"},
        "app_auth": {"scheme": "basic", "username": "u", "password": "p", "token": None},
        "applications": [{"auth_props": {"k": "v"}, "options": {"a": "b"}}],
        "extra": {"x_api_key": "k", "refresh_token": "r"},
    }
    assert mask(tenant) == {
        "name": "A",
        "auth": {"type": "oauth2", "client_id": "id-1", "client_secret": "***"},
        "app_auth": {"scheme": "basic", "username": "***", "password": "***", "token": None},
        "applications": [{"auth_props": "***", "options": {"a": "b"}}],
        "extra": {"x_api_key": "***", "refresh_token": "***"},
    }


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (Format.jsonl, '{"id":"1","secret":"***"}\n{"id":"2","secret":"***"}\n'),
        (Format.csv, "id,secret\n1,***\n2,***\n"),
        (Format.json, '[\n  {\n    "id": "1",\n    "secret": "***"\n  },\n'),
    ],
)
def test_writers_mask_by_default(fmt: Format, expected: str) -> None:
    out = io.StringIO()
    target = writer(OutputOptions(fmt), View("thing", ("id", "secret")), stream=out)
    for n in ("1", "2"):
        target.add({"id": n, "secret": "hunter2"})
    target.close()
    assert out.getvalue().startswith(expected)
    assert "hunter2" not in out.getvalue()
    shown = io.StringIO()
    target = writer(OutputOptions(fmt, "secret", True), View("thing", ("id",)), stream=shown)
    target.add({"id": "1", "secret": "hunter2"})
    target.close()
    assert "hunter2" in shown.getvalue()


def test_fit_widths_cuts_the_widest_columns_first() -> None:
    assert fit_widths([10, 5, 30], 100) == [10, 5, 30]
    assert fit_widths([10, 5, 30], 30) == [10, 5, 15]
    assert fit_widths([36, 40, 40], 60, keep=frozenset({0})) == [36, 12, 12]


def response(status: int, body: str, request_id: str | None = "req-42") -> httpx.Response:
    headers = {"content-type": "application/json"}
    if request_id:
        headers["x-request-id"] = request_id
    request = httpx.Request("GET", "https://api.example.com/v2/interop/clouds/1")
    request.extensions["operation_id"] = "findCloud"
    return httpx.Response(status, headers=headers, content=body.encode(), request=request)


@pytest.mark.parametrize(
    ("status", "code"),
    [(400, 2), (401, 3), (403, 3), (404, 4), (409, 5), (429, 1), (500, 1), (520, 1), (418, 1)],
)
def test_statuses_map_to_the_documented_exit_codes(status: int, code: int) -> None:
    body = json.dumps({"status": status, "code": "c", "message": "went wrong", "details": "d1"})
    exit_code, line = describe(error_from_response(response(status, body)))
    assert exit_code == code
    assert line.startswith(f"{status} ")
    assert "(findCloud): went wrong (code=c) [request id 'req-42']; details: d1" in line
    assert short_error(error_from_response(response(status, body))) == (
        f"{status} c: went wrong [request id req-42]"
    )
    assert code in dict(_codes.EXIT_CODES)


def test_other_failures() -> None:
    named = InvalidArgumentError("cloud_id must be a UUID, got 'x'")
    assert describe(named) == (2, "invalid value for --cloud-id: cloud_id must be a UUID, got 'x'")
    item = InvalidArgumentError("items[0].name: is required")
    assert describe(item)[1].startswith("invalid value for --json/--file/--name: ")
    assert describe(InvalidArgumentError("for_tenant needs a TenantInfo"))[0] == 2
    assert describe(InsecureTransportError("plain http"))[0] == 2
    assert describe(APIConnectionError("refused"))[0] == 1
    assert describe(PaginationError("loops"))[0] == 1
    assert describe(RuntimeError("boom")) == (
        1,
        "unexpected RuntimeError: boom (--debug shows the traceback)",
    )


def test_durations() -> None:
    assert parse_duration("90s") == 90
    assert parse_duration("30m") == 1800
    assert parse_duration("24h") == parse_duration("24") == parse_duration("1d") == 86400
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("soon")


def row(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "T",
        "integration": "i",
        "license": "active",
        "op_state": "running",
        "setup_state": "complete",
        "sync_suspended": False,
        "rollover_mode": False,
        "setup_mode": False,
        "auth_state": "confirmed",
        "auth_state_pending": "unspecified",
        "next_rollover_start": "2027-07-01T00:00:00+00:00",
        "failed_rollover": None,
        "pending_ingestion_since": None,
        "attention": [],
        "error": None,
    }
    return base | changes


def test_the_attention_rule() -> None:
    now = dt.datetime(2026, 1, 10, tzinfo=dt.UTC)
    day = 86400.0
    assert attention(row(), {}, now, day) == []
    assert attention(row(sync_suspended=True), {}, now, day) == ["sync suspended"]
    assert attention(row(setup_state="pending"), {}, now, day) == ["setup pending"]
    assert attention(row(setup_mode=True), {}, now, day) == ["setup mode on"]
    assert attention(row(license="expired"), {}, now, day) == ["license expired"]
    expired = {"license": {"valid_to": "2026-01-01T00:00:00+00:00"}}
    assert attention(row(), expired, now, day) == ["license expired"]
    assert attention(row(auth_state="error"), {}, now, day) == ["auth error"]
    assert attention(row(auth_state_pending="updating"), {}, now, day) == [
        "auth pending confirmation"
    ]
    assert attention(row(failed_rollover="New Year 2026"), {}, now, day) == [
        "rollover failed: New Year 2026"
    ]
    recent = row(pending_ingestion_since="2026-01-09T12:00:00Z")
    assert attention(recent, {}, now, day) == []
    assert attention(recent, {}, now, 3600.0) == ["ingestion pending since 2026-01-09"]
    assert attention(row(error="500 boom"), {}, now, day) == ["error"]
    shown = table_row(row(sync_suspended=True, attention=["sync suspended", "error"]))
    assert (shown["sync"], shown["next rollover"], shown["attention"]) == (
        "suspended",
        "2027-07-01",
        "sync suspended; error",
    )
