"""Options and arguments shared by the commands, and the input checks run before any request.

Each check raises ``typer.BadParameter`` so the usage error names the option (exit code 2).
Nothing here imports the SDK: ``--help`` reads these.
"""

from __future__ import annotations

import enum
import json
import math
import re
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

OUTPUT_PANEL = "Output"
PAGING_PANEL = "Paging"
ACT_AS_PANEL = "Acting as a tenant"


class Format(enum.StrEnum):
    """An output format."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


# -- checks -----------------------------------------------------------------------------------


def check_uuid(value: str, name: str) -> str:
    """`value` when it is a UUID, else a usage error naming `name`."""
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise typer.BadParameter(
            f"{_quote(value)} is not a UUID (such as 3f0c2a4e-8b1d-4c2a-9e3f-5a6b7c8d9e0f)",
            param_hint=name,
        ) from None
    return value


def uuid_value(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    if value is None or ctx.resilient_parsing:
        return value
    return check_uuid(value, _hint(param))


def uuid_values(
    ctx: typer.Context, param: typer.CallbackParam, values: list[str] | None
) -> list[str] | None:
    if not values or ctx.resilient_parsing:
        return values
    return [check_uuid(value, _hint(param)) for value in values]


def positive(ctx: typer.Context, param: typer.CallbackParam, value: int | None) -> int | None:
    if value is not None and value < 1 and not ctx.resilient_parsing:
        raise typer.BadParameter(f"must be a positive integer, got {value}")
    return value


def non_negative(ctx: typer.Context, param: typer.CallbackParam, value: int | None) -> int | None:
    if value is not None and value < 0 and not ctx.resilient_parsing:
        raise typer.BadParameter(f"must be 0 or more, got {value}")
    return value


def hour(ctx: typer.Context, param: typer.CallbackParam, value: int | None) -> int | None:
    if value is not None and not 0 <= value <= 23 and not ctx.resilient_parsing:
        raise typer.BadParameter(f"must be an hour of the day in UTC, 0 to 23, got {value}")
    return value


def text(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    if value is not None and not value.strip() and not ctx.resilient_parsing:
        raise typer.BadParameter("must not be empty")
    return value


def fields(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    if value is None or ctx.resilient_parsing:
        return value
    names = split_fields(value)
    if not names:
        raise typer.BadParameter("name at least one field, such as --fields id,name")
    bad = [name for name in names if not _FIELD.fullmatch(name)]
    if bad:
        raise typer.BadParameter(
            f"{_quote(bad[0])} is not a field name (letters, digits, _ and dots: integration.name)"
        )
    return value


_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_0-9][A-Za-z0-9_]*)*")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")
_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "": 3600.0}


def split_fields(value: str) -> list[str]:
    """The field names of a ``--fields`` value (comma-separated, blanks ignored)."""
    return [name.strip() for name in value.split(",") if name.strip()]


def parse_duration(value: str) -> float:
    """Seconds from ``90s``, ``30m``, ``24h``, ``7d`` or a number of hours."""
    match = _DURATION.fullmatch(value.strip().lower())
    if match is None:
        raise ValueError(f"{_quote(value)} is not a duration such as 30m, 24h or 7d")
    seconds = float(match.group(1)) * _UNITS[match.group(2)]
    if not math.isfinite(seconds):
        raise ValueError(f"{_quote(value)} is too long")
    return seconds


def duration(ctx: typer.Context, param: typer.CallbackParam, value: str) -> str:
    if not ctx.resilient_parsing:
        try:
            parse_duration(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    return value


def _hint(param: typer.CallbackParam) -> str:
    """How a usage error names `param`: its longest option name, or its metavar."""
    opts: list[str] = [str(opt) for opt in getattr(param, "opts", []) if str(opt).startswith("--")]
    if opts:
        return max(opts, key=len)
    name = getattr(param, "metavar", None) or getattr(param, "name", None) or ""
    return str(name).upper()


def _quote(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 4]}...'"


# -- inputs read from the command line or files ---------------------------------------------


def read_input(path: str, option: str) -> bytes:
    """The bytes of file `path` (``-``: standard input); a usage error naming `option`."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise typer.BadParameter(f"{_quote(path)} is not a readable file", param_hint=option)
    try:
        return file.read_bytes()
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot read {_quote(path)}: {exc.strerror}", param_hint=option
        ) from None


def read_blueprint(path: str, option: str = "FILE") -> bytes:
    """A well-formed XML blueprint from `path`, checked before any request."""
    import xml.etree.ElementTree as ET

    data = read_input(path, option)
    try:
        ET.fromstring(data)  # noqa: S314 - the user's own file, parsed only to check it
    except ET.ParseError as exc:
        raise typer.BadParameter(
            f"{_quote(path)} is not well-formed XML: {exc}", param_hint=option
        ) from None
    return data


def json_objects(
    text: str | None, path: str | None, names: Sequence[str], *, options: str
) -> list[dict[str, Any]]:
    """Objects from ``--json TEXT``, ``--file PATH`` (a JSON array or object, or JSON Lines)
    and ``--name NAME`` (an object with only its name), in that order."""
    items: list[dict[str, Any]] = []
    if text is not None:
        items += _objects(text, "--json")
    if path is not None:
        raw = read_input(path, "--file")
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise typer.BadParameter("is not UTF-8 text", param_hint="--file") from None
        items += _objects(decoded, "--file")
    items += [{"name": name} for name in names]
    if not items:
        raise typer.BadParameter("give the items with --json, --file or --name", param_hint=options)
    return items


def _objects(text: str, option: str) -> list[dict[str, Any]]:
    try:
        parsed: Any = json.loads(text)
    except json.JSONDecodeError as first:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            parsed = [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise typer.BadParameter(
                f"is not JSON (an object, an array of objects, or JSON Lines): {first}",
                param_hint=option,
            ) from None
    if isinstance(parsed, dict):
        parsed = parsed["data"] if isinstance(parsed.get("data"), list) else [parsed]
    if not isinstance(parsed, list) or not parsed:
        raise typer.BadParameter("must hold one object or a non-empty array", param_hint=option)
    for index, item in enumerate(parsed):
        if not isinstance(item, dict):
            raise typer.BadParameter(
                f"item {index} is {json_type(item)}, not an object", param_hint=option
            )
    return parsed


def json_object(text: str, option: str) -> dict[str, Any]:
    """One JSON object given on the command line."""
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise typer.BadParameter(f"is not JSON: {exc}", param_hint=option) from None
    if not isinstance(parsed, dict):
        raise typer.BadParameter(
            f"must be a JSON object, got {json_type(parsed)}", param_hint=option
        )
    return parsed


def json_type(value: object) -> str:
    """What a parsed JSON value is, in JSON's words: "an array", "a number", ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def key_values(pairs: Sequence[str], option: str) -> dict[str, str]:
    """``KEY=VALUE`` pairs as a mapping."""
    found: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"{_quote(pair)} is not KEY=VALUE", param_hint=option)
        found[key] = value
    return found


# -- the shared options -----------------------------------------------------------------------

OutputOpt = Annotated[
    Format | None,
    typer.Option(
        "--output",
        "-o",
        help="table (the default on a terminal), json, jsonl (the default when piped) or csv.",
        rich_help_panel=OUTPUT_PANEL,
        show_default=False,
        case_sensitive=False,
    ),
]
FieldsOpt = Annotated[
    str | None,
    typer.Option(
        "--fields",
        "-f",
        help="Comma-separated fields to show, dotted for nested ones: id,name,integration.name.",
        rich_help_panel=OUTPUT_PANEL,
        callback=fields,
        show_default=False,
    ),
]
SecretsOpt = Annotated[
    bool,
    typer.Option(
        "--show-secrets",
        help="Show secret fields (client secrets, tokens, passwords, auth props) instead of ***.",
        rich_help_panel=OUTPUT_PANEL,
    ),
]
PageSizeOpt = Annotated[
    int | None,
    typer.Option(
        "--page-size",
        help="Items per request (the server may cap it).",
        rich_help_panel=PAGING_PANEL,
        callback=positive,
        show_default=False,
    ),
]
PrefetchOpt = Annotated[
    int,
    typer.Option(
        "--prefetch",
        help="Pages requested ahead, concurrently (1: one after the other).",
        rich_help_panel=PAGING_PANEL,
        callback=positive,
    ),
]
LimitOpt = Annotated[
    int | None,
    typer.Option(
        "--limit",
        help="Stop after this many items.",
        rich_help_panel=PAGING_PANEL,
        callback=non_negative,
        show_default=False,
    ),
]


def id_argument(what: str, metavar: str = "ID") -> Any:
    """A required UUID argument."""
    return typer.Argument(
        metavar=metavar, help=f"The {what}'s id (a UUID).", callback=uuid_value, show_default=False
    )


CloudId = Annotated[str, id_argument("cloud")]
IntegrationId = Annotated[str, id_argument("integration", "INTEGRATION_ID")]
TenantId = Annotated[str, id_argument("tenant")]
SchoolId = Annotated[str, id_argument("scoping school")]
CourseId = Annotated[str, id_argument("scoping course")]
RolloverId = Annotated[str, id_argument("rollover")]
ScheduleId = Annotated[str, id_argument("schedule")]
IngestionId = Annotated[str, id_argument("ingestion")]
VersionArg = Annotated[
    str,
    typer.Argument(metavar="VERSION", help="The version string, such as 1.2.0.", callback=text),
]
BlueprintArg = Annotated[
    str,
    typer.Argument(
        metavar="FILE",
        help="The XML blueprint file ('-': standard input); checked to be well-formed XML.",
        show_default=False,
    ),
]

CloudIdOpt = Annotated[
    str,
    typer.Option(
        "--cloud-id", help="The cloud the rollover runs in (a UUID).", callback=uuid_value
    ),
]
ActorIdOpt = Annotated[
    str | None,
    typer.Option(
        "--actor-id",
        help="The actor that runs it (a UUID).",
        callback=uuid_value,
        show_default=False,
    ),
]
AccountsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--account",
        help="Only tenants of this account id (repeat for more).",
        callback=uuid_values,
        show_default=False,
    ),
]
IntegrationsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--integration",
        help="Only tenants of this integration, by name or id (repeat for more).",
        show_default=False,
    ),
]
HourOpt = Annotated[
    int,
    typer.Option("--hour", help="The hour of the day it runs, in UTC (0 to 23).", callback=hour),
]
NameOpt = Annotated[str, typer.Option("--name", help="The name.", callback=text)]
OptionalNameOpt = Annotated[
    str | None, typer.Option("--name", help="The new name.", callback=text, show_default=False)
]
TitleOpt = Annotated[str | None, typer.Option("--title", help="The title.", show_default=False)]


# -- tenants overview: its defaults and the rule its --needs-attention applies ------------------

DEFAULT_CONCURRENCY = 16
DEFAULT_PENDING_AGE = "24h"

ATTENTION_RULE = """A tenant needs attention when any of these holds:

- synchronization is suspended;
- its setup is not complete (setup_state other than complete, or setup mode on);
- its license is not active (status other than active, or valid_to passed);
- its application's auth_state is error, or auth_state_pending is updating or error;
- a rollover failed (status failed, a failure_reason, or a failed status change);
- an ingestion has been pending (has_pending_task) longer than --pending-older-than;
- its data could not be read (the row's error)."""
