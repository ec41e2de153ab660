"""A scan for secrets in everything the SDK hands out during a test.

While a test runs, every log record (at DEBUG, from every logger: ours, httpx's, httpcore's) and
every InteropError the SDK creates are collected. At the end, each is walked (message, args,
repr, attributes, the ``__cause__``/``__context__`` chain, and any request or response it holds,
with their headers, bodies and history) for every secret the test used, in every form it travels
in (as is, and inside an HTTP Basic header). A finding fails the test.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterator, Mapping
from typing import Any

import httpx

from kimono_interop import InteropError

_LOGGERS = ("kimono_interop", "httpx", "httpcore")


class _Collect(logging.Handler):
    def __init__(self, scan: SecretScan) -> None:
        super().__init__(logging.DEBUG)
        self.scan = scan

    def emit(self, record: logging.LogRecord) -> None:
        self.scan.records.append(record)


class SecretScan:
    """Secrets a test uses, and what the SDK handed out while it ran."""

    def __init__(self) -> None:
        self.secrets: set[str] = set()
        self.records: list[logging.LogRecord] = []
        self.exceptions: list[BaseException] = []
        self.objects: list[object] = []

    def add(self, *secrets: str) -> None:
        """Secrets to look for, as they are."""
        self.secrets.update(secret for secret in secrets if secret)

    def add_basic(self, user: str, password: str) -> None:
        """A Basic credential: its password, and the header value that carries it."""
        self.add(password, base64.b64encode(f"{user}:{password}".encode()).decode())

    def keep(self, *objects: object) -> None:
        """More objects to scan at the end (clients, credentials, models: their reprs too)."""
        self.objects.extend(objects)

    # -- collecting ---------------------------------------------------------------------

    def start(self) -> Iterator[None]:
        """Collect log records and InteropErrors until the generator is resumed."""
        handler = _Collect(self)
        root = logging.getLogger()
        levels = {name: logging.getLogger(name).level for name in _LOGGERS}
        root.addHandler(handler)
        for name in _LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG)
        original = InteropError.__init__

        def recording_init(error: InteropError, *args: Any, **kwargs: Any) -> None:
            self.exceptions.append(error)
            original(error, *args, **kwargs)

        InteropError.__init__ = recording_init  # type: ignore[method-assign,assignment]
        try:
            yield
        finally:
            InteropError.__init__ = original  # type: ignore[method-assign]
            root.removeHandler(handler)
            for name, level in levels.items():
                logging.getLogger(name).setLevel(level)

    # -- scanning -----------------------------------------------------------------------

    def findings(self) -> list[str]:
        """Where a secret was found: one line per place."""
        found: list[str] = []
        seen: set[int] = set()
        for index, record in enumerate(self.records):
            found += self._walk(record, f"log record {index} ({record.name})", seen, 0)
        for index, error in enumerate(self.exceptions):
            found += self._walk(error, f"exception {index} ({type(error).__name__})", seen, 0)
        for index, thing in enumerate(self.objects):
            found += self._walk(thing, f"object {index} ({type(thing).__name__})", seen, 0)
        return found

    def _text(self, text: str, where: str) -> list[str]:
        return [
            f"{where}: holds a secret ({secret[:4]}...)"
            for secret in self.secrets
            if secret in text
        ]

    def _walk(self, value: object, where: str, seen: set[int], depth: int) -> list[str]:
        if isinstance(value, str):
            return self._text(value, where)
        if isinstance(value, bytes | bytearray):
            return self._text(bytes(value).decode("latin-1"), where)
        if value is None or isinstance(value, int | float | bool) or depth > 8:
            return []
        if id(value) in seen:
            return []
        seen.add(id(value))
        found = self._text(_safe_repr(value), f"{where} repr")
        for name, part in _parts(value):
            found += self._walk(part, f"{where}.{name}", seen, depth + 1)
        return found


def _safe_repr(value: object) -> str:
    try:
        return repr(value)
    except Exception as error:  # a broken repr is not a leak
        return f"<repr failed: {type(error).__name__}>"


def _parts(value: object) -> Iterator[tuple[str, object]]:
    """The values reachable from `value` that may hold text."""
    if isinstance(value, logging.LogRecord):
        yield "message", value.getMessage()
        yield from vars(value).items()
    elif isinstance(value, BaseException):
        yield "str", str(value)
        yield "args", value.args
        yield "__cause__", value.__cause__
        yield "__context__", value.__context__
        yield from ((k, v) for k, v in vars(value).items() if k != "__traceback__")
    elif isinstance(value, httpx.Request):
        yield "url", str(value.url)
        yield "headers", value.headers.raw
        yield "content", getattr(value, "_content", b"")
        yield "extensions", value.extensions
    elif isinstance(value, httpx.Response):
        yield "headers", value.headers.raw
        yield "content", getattr(value, "_content", b"")
        yield "history", value.history
        yield "request", getattr(value, "_request", None)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield f"[{key!r}]", key
            yield f"[{key!r}]", item
    elif isinstance(value, list | tuple | set | frozenset):
        yield from ((f"[{i}]", item) for i, item in enumerate(value))
    # Any other object is judged by its repr: a credential must hold its secret, but never show it.
