"""``kimono-interop tenants overview``: one row per tenant, fetched concurrently with a bound.

For each tenant (listed with the API key) the CLI acts as its actor (``for_tenant``: one token
per OAuth2 tenant) and reads its state, application, rollovers and ingestions at once. At most
``--concurrency`` tenants are worked on at a time, and the client keeps at most that many
requests in flight (token requests included). A tenant that fails keeps its row, with the error.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from kimono_interop.cli._output import (
    BarProgress,
    ListProgress,
    OutputOptions,
    View,
    note,
    progress_allowed,
    stderr_is_terminal,
    writer,
)
from kimono_interop.cli._params import Format
from kimono_interop.cli._runtime import Session, is_uuid, short_error

if TYPE_CHECKING:
    from kimono_interop import InteropClient
    from kimono_interop.models import TenantInfo

T = TypeVar("T")

COLUMNS = (
    "name",
    "integration",
    "license",
    "op_state",
    "setup_state",
    "sync_suspended",
    "rollover_mode",
    "auth_state",
    "auth_state_pending",
    "next_rollover",
    "pending_ingestion_since",
    "attention",
)
VIEW = View("tenant", COLUMNS)
TABLE_LABELS = (
    "tenant",
    "integration",
    "license",
    "op/setup",
    "sync",
    "rollover",
    "auth/pending",
    "next rollover",
    "pending since",
    "attention",
)
"""The table's columns (``--fields`` takes the field names of COLUMNS and JSON instead)."""


def table_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row as the table shows it: related fields side by side, short words, dates alone."""
    return {
        "tenant": row["name"],
        "integration": row["integration"],
        "license": row["license"],
        "op/setup": _pair(row["op_state"], row["setup_state"]),
        "sync": _flag(row["sync_suspended"], "suspended", "ok"),
        "rollover": _flag(row["rollover_mode"], "active", "-"),
        "auth/pending": _pair(row["auth_state"], row["auth_state_pending"]),
        "next rollover": _date(row["next_rollover_start"]),
        "pending since": _date(row["pending_ingestion_since"]),
        "attention": "; ".join(row["attention"]),
        "error": row["error"],
    }


def _flag(value: Any, yes: str, no: str) -> str | None:
    return None if value is None else (yes if value else no)


def _pair(first: Any, second: Any) -> str:
    return f"{first if first is not None else '?'}/{second if second is not None else '?'}"


def _date(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) else None


_SETTLED_ROLLOVER = frozenset({"completed", "cancelled", "failed", "active"})


@dataclass(frozen=True)
class Filters:
    """What ``overview`` keeps."""

    integrations: Sequence[str] = ()
    accounts: Sequence[str] = ()
    needs_attention: bool = False
    pending_older_than: float = 86400.0


async def overview(
    session: Session,
    options: OutputOptions,
    filters: Filters,
    *,
    concurrency: int,
    page_size: int | None,
    prefetch: int,
) -> int:
    """Print the overview; 1 when a tenant failed (its row says why), else 0."""
    interop = session.developer()
    fmt = options.resolved
    progress_ok = progress_allowed(options)
    tenants = await _tenants(interop, filters, page_size, prefetch, progress_ok)
    now = dt.datetime.now(dt.UTC)
    rows: list[dict[str, Any] | None] = [None] * len(tenants)
    gate = asyncio.Semaphore(concurrency)
    with BarProgress("tenants", len(tenants), enabled=progress_ok) as bar:

        async def work(index: int, info: TenantInfo) -> None:
            async with gate:
                row = await tenant_row(interop, info, now, filters.pending_older_than)
            rows[index] = row
            bar.step(failed=row["error"] is not None)

        async with asyncio.TaskGroup() as group:
            for index, info in enumerate(tenants):
                group.create_task(work(index, info))
    shown = [row for row in rows if row is not None]
    if filters.needs_attention:
        shown = [row for row in shown if row["attention"]]
    failed = sum(1 for row in shown if row["error"] is not None)
    if fmt is Format.table and options.fields is None:
        labels = TABLE_LABELS + ("error",) * bool(failed)
        out = writer(options, View(VIEW.noun, labels))
        for row in shown:
            out.add(table_row(row))
    else:
        out = writer(options, View(VIEW.noun, (*COLUMNS, "error") if failed else COLUMNS))
        for row in shown:
            out.add(row)
    out.close()
    attention = sum(1 for row in rows if row is not None and row["attention"])
    if stderr_is_terminal():
        note(f"{len(tenants)} tenants, {attention} need attention, {failed} failed")
    if failed:
        note(f"error: {failed} of {len(tenants)} tenants could not be read (see their error field)")
        return 1
    return 0


async def _tenants(
    interop: InteropClient,
    filters: Filters,
    page_size: int | None,
    prefetch: int,
    progress_ok: bool,
) -> list[TenantInfo]:
    """The tenants to show: the server filters by integration and by account ids; account
    names are matched here."""
    accounts = list(filters.accounts)
    by_id = bool(accounts) and all(is_uuid(value) for value in accounts)
    pager = interop.tenants.list(
        accounts=accounts if by_id else None,
        integrations=list(filters.integrations) or None,
        page_size=page_size,
        prefetch=prefetch,
    )
    found: list[TenantInfo] = []
    with ListProgress("listing tenants", enabled=progress_ok) as progress:
        async with contextlib.aclosing(pager.pages()) as pages:
            async for page in pages:
                found.extend(page.items)
                progress.page(len(page.items))
    if accounts and not by_id:
        wanted = set(accounts)
        found = [info for info in found if wanted & _account_keys(info)]
    return found


def _account_keys(info: TenantInfo) -> set[str]:
    account = _get(info.to_dict(), "account")
    if not isinstance(account, Mapping):
        return set()
    return {str(account[key]) for key in ("id", "name") if account.get(key) is not None}


async def tenant_row(
    interop: InteropClient, info: TenantInfo, now: dt.datetime, pending_older_than: float
) -> dict[str, Any]:
    """One tenant's row; a failure is kept in its ``error`` field, never raised."""
    data = info.to_dict()
    row: dict[str, Any] = {
        "id": data.get("id"),
        "name": data.get("name"),
        "account": _get(data, "account", "name"),
        "integration": _get(data, "integration", "name"),
        "license": _get(data, "license", "status"),
        "op_state": _get(data, "status", "op_state"),
        "setup_state": _get(data, "status", "setup_state"),
        "sync_suspended": None,
        "rollover_mode": None,
        "setup_mode": None,
        "mass_change_pending": None,
        "auth_state": None,
        "auth_state_pending": None,
        "next_rollover": None,
        "next_rollover_start": None,
        "failed_rollover": None,
        "pending_ingestion_since": None,
        "attention": [],
        "error": None,
    }
    errors: list[Exception] = []
    try:
        actor = interop.for_tenant(info)
    except Exception as exc:  # no actor credentials: the row says so
        errors.append(exc)
    else:
        results = await asyncio.gather(
            actor.tenant.state(),
            actor.tenant.application.get(),
            actor.tenant.rollovers.list().collect(),
            actor.ingestions.list().collect(),
            return_exceptions=True,
        )
        state = _result(results[0], errors)
        application = _result(results[1], errors)
        rollovers = _result(results[2], errors)
        ingestions = _result(results[3], errors)
        if state is not None:
            values = state.to_dict()
            row["sync_suspended"] = values.get("synchronization_suspended")
            row["rollover_mode"] = values.get("rollover_mode_enabled")
            row["setup_mode"] = values.get("setup_mode_enabled")
            row["mass_change_pending"] = values.get("mass_change_pending")
        if application is not None:
            values = application.to_dict()
            row["auth_state"] = values.get("auth_state")
            row["auth_state_pending"] = values.get("auth_state_pending")
        if rollovers is not None:
            _rollovers(row, [item.to_dict() for item in rollovers], now)
        if ingestions is not None:
            _ingestions(row, [item.to_dict() for item in ingestions])
    if errors:
        row["error"] = short_error(errors[0])
    row["attention"] = attention(row, data, now, pending_older_than)
    return row


def _result(result: T | BaseException, errors: list[Exception]) -> T | None:
    """A gathered result, or None with its error kept (cancellation is not a tenant's error)."""
    if isinstance(result, BaseException):
        if not isinstance(result, Exception):
            raise result
        errors.append(result)
        return None
    return result


def _rollovers(
    row: dict[str, Any], rollovers: Iterable[Mapping[str, Any]], now: dt.datetime
) -> None:
    upcoming: list[tuple[dt.datetime, Mapping[str, Any]]] = []
    for rollover in rollovers:
        status = str(rollover.get("status", "")).lower()
        failed_change = (rollover.get("status_change_failure_count") or 0) > 0
        if status == "failed" or rollover.get("failure_reason") or failed_change:
            row["failed_rollover"] = row["failed_rollover"] or rollover.get("name")
        start = _moment(rollover.get("start_date"))
        if start is not None and status not in _SETTLED_ROLLOVER and start >= now:
            upcoming.append((start, rollover))
    if upcoming:
        start, rollover = min(upcoming, key=lambda pair: pair[0])
        row["next_rollover"] = f"{rollover.get('name')} ({start.date().isoformat()})"
        row["next_rollover_start"] = rollover.get("start_date")


def _ingestions(row: dict[str, Any], ingestions: Iterable[Mapping[str, Any]]) -> None:
    pending = [
        _moment(ingestion.get("started_at") or ingestion.get("created_at"))
        for ingestion in ingestions
        if ingestion.get("has_pending_task")
    ]
    since = [moment for moment in pending if moment is not None]
    if since:
        row["pending_ingestion_since"] = _iso(min(since))
    elif pending:
        row["pending_ingestion_since"] = "unknown"


def attention(
    row: Mapping[str, Any], data: Mapping[str, Any], now: dt.datetime, pending_older_than: float
) -> list[str]:
    """Why a tenant needs attention (see ``_params.ATTENTION_RULE``); empty when it does not."""
    reasons: list[str] = []
    if row["sync_suspended"]:
        reasons.append("sync suspended")
    setup = row["setup_state"]
    if setup is not None and str(setup).lower() != "complete":
        reasons.append(f"setup {setup}")
    elif row["setup_mode"]:
        reasons.append("setup mode on")
    license_status = row["license"]
    valid_to = _moment(_get(data, "license", "valid_to"))
    if license_status is None or str(license_status).lower() != "active":
        reasons.append(f"license {license_status or 'missing'}")
    elif valid_to is not None and valid_to < now:
        reasons.append("license expired")
    if str(row["auth_state"]).lower() == "error":
        reasons.append("auth error")
    pending_auth = str(row["auth_state_pending"]).lower()
    if pending_auth == "updating":
        reasons.append("auth pending confirmation")
    elif pending_auth == "error":
        reasons.append("auth update failed")
    if row["failed_rollover"]:
        reasons.append(f"rollover failed: {row['failed_rollover']}")
    since = row["pending_ingestion_since"]
    if since is not None:
        moment = _moment(since)
        if moment is None or (now - moment).total_seconds() > pending_older_than:
            reasons.append(f"ingestion pending since {str(since)[:10]}")
    if row["error"] is not None:
        reasons.append("error")
    return reasons


def _get(data: Mapping[str, Any], *path: str) -> Any:
    current: Any = data
    for part in path:
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def _moment(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
