"""What commands print: records (a model's ``to_dict()``, secrets masked) as a table, JSON,
JSON Lines or CSV; and progress on stderr, only on a terminal.

Rich is imported only when a table or progress is drawn.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self, TextIO

from kimono_interop.cli._params import Format, split_fields

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

MASK = "***"
SECRET_FIELDS = frozenset(
    {
        "client_secret",
        "token",
        "refresh_token",
        "access_token",
        "password",
        "api_key",
        "auth_props",
        "auth_props_pending",
        "authorization",
    }
)
"""Field names whose values are secrets (the SDK's list, and a few more)."""
_SECRET_NAME = re.compile(r"secret|password|passwd|token|api_?key|auth_props|authorization", re.I)
ALL_SECRET_PARENTS = frozenset({"app_auth"})
"""Objects whose every field but ``scheme`` is a secret or may be one (a tenant's app_auth)."""
_NOT_SECRET_IN_SECRET_PARENT = frozenset({"scheme"})


@dataclass(frozen=True)
class View:
    """How records of one kind print: what one is called, and the default table/CSV columns."""

    noun: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class OutputOptions:
    """The output options every command takes."""

    format: Format | None = None
    fields: str | None = None
    show_secrets: bool = False

    @property
    def resolved(self) -> Format:
        """The format: as given, else a table on a terminal and JSON Lines when piped."""
        if self.format is not None:
            return self.format
        return Format.table if _isatty(sys.stdout) else Format.jsonl

    @property
    def field_names(self) -> list[str] | None:
        """The ``--fields`` names, or None."""
        return None if self.fields is None else split_fields(self.fields)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def stderr_is_terminal() -> bool:
    """Whether progress may be drawn: stderr is a terminal."""
    return _isatty(sys.stderr)


def progress_allowed(options: OutputOptions) -> bool:
    """Progress on stderr: only on a terminal, and not over lines streamed to the same one."""
    return stderr_is_terminal() and (options.resolved is Format.table or not _isatty(sys.stdout))


# -- records ---------------------------------------------------------------------------------


def record(item: Any) -> Any:
    """A model as JSON-ready data (its ``to_dict()``); other values as they are."""
    to_dict = getattr(item, "to_dict", None)
    return to_dict() if callable(to_dict) else item


def is_secret(name: str) -> bool:
    """Whether a field of this name holds a secret."""
    return name.lower() in SECRET_FIELDS or _SECRET_NAME.search(name) is not None


def mask(value: Any, *, secret_parent: bool = False) -> Any:
    """`value` with every secret-named field's value (not None) replaced by ``***``."""
    if isinstance(value, Mapping):
        masked: dict[str, Any] = {}
        for key, item in value.items():
            name = str(key)
            hidden = is_secret(name) or (
                secret_parent and name.lower() not in _NOT_SECRET_IN_SECRET_PARENT
            )
            if hidden and item is not None:
                masked[name] = MASK
            else:
                masked[name] = mask(item, secret_parent=name.lower() in ALL_SECRET_PARENTS)
        return masked
    if isinstance(value, list):
        return [mask(item, secret_parent=secret_parent) for item in value]
    return value


def lookup(data: Any, path: str) -> Any:
    """The value at a dotted `path` in nested mappings (a key holding dots wins), or None."""
    if isinstance(data, Mapping) and path in data:
        return data[path]
    current = data
    for part in path.split("."):
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings as dotted keys (lists stay values)."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def cell(value: Any, *, table: bool = False) -> str:
    """A value as table (`table`) or CSV text: booleans are yes/no in a table."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if table:
            return "yes" if value else "no"
        return "true" if value else "false"
    if isinstance(value, list) and all(
        isinstance(item, str | int | float) and not isinstance(item, bool) for item in value
    ):
        return ", ".join(str(item) for item in value)
    if isinstance(value, list | dict):
        return json.dumps(value, separators=(",", ":"), default=str)
    return str(value)


# -- writers -----------------------------------------------------------------------------------


class Writer(Protocol):
    """Prints records as they come; ``close()`` finishes the output."""

    def add(self, data: Mapping[str, Any]) -> None:
        """Print (or keep, for a table) one record."""

    def close(self) -> None:
        """Finish: a table is drawn, a JSON array closed."""


def writer(
    options: OutputOptions, view: View, *, single: bool = False, stream: TextIO | None = None
) -> Writer:
    """A writer of records of `view` to stdout in the chosen format; `single` for one object."""
    out = sys.stdout if stream is None else stream
    fields = options.field_names
    fmt = options.resolved
    if fmt is Format.jsonl:
        return _JsonLines(out, fields, options.show_secrets)
    if fmt is Format.json:
        return _JsonDocument(out, fields, options.show_secrets, single=single)
    columns = tuple(fields) if fields else None
    if fmt is Format.csv:
        return _Csv(out, columns or view.columns, options.show_secrets)
    return _Table(out, columns, view, options.show_secrets, single=single)


def _prepared(data: Mapping[str, Any], show_secrets: bool) -> Mapping[str, Any]:
    return data if show_secrets else mask(data)


def _selected(data: Mapping[str, Any], fields: list[str] | None) -> Mapping[str, Any]:
    return data if fields is None else {name: lookup(data, name) for name in fields}


def _json(data: Any, *, indent: int | None = None) -> str:
    separators = (",", ": ") if indent else (",", ":")
    return json.dumps(data, indent=indent, separators=separators, default=str, ensure_ascii=False)


class _JsonLines:
    def __init__(self, out: TextIO, fields: list[str] | None, show_secrets: bool) -> None:
        self.out, self.fields, self.show_secrets = out, fields, show_secrets

    def add(self, data: Mapping[str, Any]) -> None:
        self.out.write(_json(_selected(_prepared(data, self.show_secrets), self.fields)) + "\n")
        self.out.flush()

    def close(self) -> None:
        self.out.flush()


class _JsonDocument:
    def __init__(
        self, out: TextIO, fields: list[str] | None, show_secrets: bool, *, single: bool
    ) -> None:
        self.out, self.fields, self.show_secrets, self.single = out, fields, show_secrets, single
        self.count = 0

    def add(self, data: Mapping[str, Any]) -> None:
        text = _json(_selected(_prepared(data, self.show_secrets), self.fields), indent=2)
        if self.single:
            self.out.write(text + "\n")
            return
        indented = "\n".join("  " + line for line in text.splitlines())
        self.out.write(("[\n" if self.count == 0 else ",\n") + indented)
        self.count += 1

    def close(self) -> None:
        if not self.single:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()


class _Csv:
    def __init__(self, out: TextIO, columns: Sequence[str], show_secrets: bool) -> None:
        self.out, self.columns, self.show_secrets = out, list(columns), show_secrets
        self.csv = csv.writer(out, lineterminator="\n")
        self.csv.writerow(self.columns)

    def add(self, data: Mapping[str, Any]) -> None:
        prepared = _prepared(data, self.show_secrets)
        self.csv.writerow([cell(lookup(prepared, name)) for name in self.columns])

    def close(self) -> None:
        self.out.flush()


class _Table:
    def __init__(
        self,
        out: TextIO,
        columns: Sequence[str] | None,
        view: View,
        show_secrets: bool,
        *,
        single: bool,
    ) -> None:
        self.out, self.columns, self.view = out, columns, view
        self.show_secrets, self.single = show_secrets, single
        self.rows: list[Mapping[str, Any]] = []

    def add(self, data: Mapping[str, Any]) -> None:
        self.rows.append(_prepared(data, self.show_secrets))

    def close(self) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        if self.single and self.rows:
            data = self.rows[0]
            pairs = (
                [(name, lookup(data, name)) for name in self.columns]
                if self.columns
                else list(flatten(data).items())
            )
            table = Table(box=box.SIMPLE, show_header=False, pad_edge=False)
            table.add_column(style="bold", no_wrap=True)
            table.add_column(overflow="fold")
            for name, value in pairs:
                table.add_row(Text(name), Text(cell(value, table=True)))
            _console(self.out).print(table)
            return
        columns = list(self.columns or self.view.columns)
        cells = [[cell(lookup(row, name), table=True) for name in columns] for row in self.rows]
        natural = [
            max([_width(name)] + [_width(row[index]) for row in cells])
            for index, name in enumerate(columns)
        ]
        overhead = 3 * len(columns)
        console = _console(self.out, width=None if _isatty(self.out) else sum(natural) + overhead)
        widths = fit_widths(natural, console.width - overhead, keep=_ids(columns))
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        for name, width in zip(columns, widths, strict=True):
            table.add_column(Text(name), width=width, no_wrap=True, overflow="ellipsis")
        for row in cells:
            table.add_row(*(Text(value) for value in row))
        if not self.rows:
            table.caption = f"no {self.view.noun}s"
        console.print(table)


def _width(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _ids(columns: Sequence[str]) -> frozenset[int]:
    return frozenset(i for i, name in enumerate(columns) if name == "id" or name.endswith("_id"))


def fit_widths(
    natural: Sequence[int], available: int, keep: frozenset[int] = frozenset()
) -> list[int]:
    """Column widths that fit `available`: the widest columns are cut first, down to one common
    width, so short columns stay whole; columns in `keep` (ids) are never cut."""
    widths = list(natural)
    if sum(widths) <= available:
        return widths
    cuttable = [w for i, w in enumerate(widths) if i not in keep]
    room = available - sum(w for i, w in enumerate(widths) if i in keep)
    level = max(cuttable, default=0)
    while level > 4 and sum(min(w, level) for w in cuttable) > room:
        level -= 1
    return [w if i in keep else min(w, level) for i, w in enumerate(widths)]


def _console(out: TextIO, *, stderr: bool = False, width: int | None = None) -> Console:
    """A Rich console on `out`; `width` None: the terminal's (or ``COLUMNS``, else 80)."""
    import os

    from rich.console import Console

    if width is not None and os.environ.get("COLUMNS"):
        width = None  # the user said how wide
    return Console(file=out, stderr=stderr, highlight=False, soft_wrap=False, width=width)


def print_value(value: object, options: OutputOptions, name: str) -> None:
    """A bare value (a count): the number alone in a table, ``{name: value}`` otherwise."""
    fmt = options.resolved
    out = sys.stdout
    if fmt is Format.table:
        out.write(f"{value}\n")
    elif fmt is Format.csv:
        out.write(f"{name}\n{value}\n")
    else:
        out.write(_json({name: value}) + "\n")
    out.flush()


def note(message: str) -> None:
    """A line for the human on stderr (what was done, what to look at)."""
    print(message, file=sys.stderr, flush=True)


# -- progress ------------------------------------------------------------------------------


class ListProgress:
    """Items, pages and rate of a long listing on stderr, drawn only on a terminal."""

    def __init__(self, description: str, *, enabled: bool | None = None) -> None:
        self.description = description
        self.enabled = stderr_is_terminal() if enabled is None else enabled
        self.items = 0
        self.pages = 0
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Self:
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.completed} items, {task.fields[pages]} pages"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=_console(sys.stderr, stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=None, pages=0, rate="")
        return self

    def page(self, items: int) -> None:
        """One more page of `items` items."""
        self.items += items
        self.pages += 1
        if self._progress is not None and self._task is not None:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            self._progress.update(
                self._task,
                completed=self.items,
                pages=self.pages,
                rate=f"{self.items / elapsed:,.0f} items/s",
            )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()


class BarProgress:
    """A bar over a known number of steps (tenants), with rate and failures, on stderr."""

    def __init__(self, description: str, total: int, *, enabled: bool | None = None) -> None:
        self.description = description
        self.total = total
        self.enabled = stderr_is_terminal() if enabled is None else enabled
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Self:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("{task.fields[failed]}"),
                TimeElapsedColumn(),
                console=_console(sys.stderr, stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(
                self.description, total=self.total, rate="", failed=""
            )
        return self

    def step(self, *, failed: bool = False) -> None:
        """One more step done (`failed` when it ended in an error)."""
        self.done += 1
        self.failed += failed
        if self._progress is not None and self._task is not None:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            self._progress.update(
                self._task,
                completed=self.done,
                rate=f"{self.done / elapsed:,.0f}/s",
                failed=f"{self.failed} failed" if self.failed else "",
            )

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
