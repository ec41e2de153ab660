"""Input checks, run before any request: each raises InvalidArgumentError naming the argument.

Values are checked by type and range (a bool is not an int, ``"7"`` is not a number), and bad
values are quoted shortened, so a 10 MB argument never makes a 10 MB message.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from kimono_interop_client.errors import FieldError

from kimono_interop._exceptions import InvalidArgumentError, shorten

E = TypeVar("E", bound=StrEnum)
M = TypeVar("M")

INT32_MAX = 2**31 - 1

Blueprint = str | bytes | os.PathLike[str]
"""An XML Integration Blueprint: its text, its bytes, or the path of a file holding it."""

_SORT_PATTERN = re.compile(r"-?[A-Za-z_][A-Za-z0-9_.]*")


def _fail(name: str, expected: str, value: object) -> InvalidArgumentError:
    return InvalidArgumentError(f"{name} must be {expected}, got {shorten(value)}")


def as_uuid(name: str, value: object) -> uuid.UUID:
    """A UUID, from a ``uuid.UUID`` or its string form."""
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str) and len(value) <= 45:
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise _fail(name, "a UUID (a uuid.UUID or its str form)", value)


def as_text(name: str, value: object) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value:
        raise _fail(name, "a non-empty str", value)
    return value


def as_str(name: str, value: object) -> str:
    """Any str, the empty one included."""
    if not isinstance(value, str):
        raise _fail(name, "a str", value)
    return value


def as_optional_text(name: str, value: object) -> str | None:
    """None, or a non-empty string."""
    return None if value is None else as_text(name, value)


def real_number(value: object) -> float:
    """`value` as a float: NaN when it is not a real number (a bool is not), infinity when it
    is an int too large for a float (``float()`` would raise ``OverflowError``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return math.nan
    try:
        return float(value)
    except OverflowError:
        return math.inf


def as_seconds(name: str, value: object) -> float:
    """A finite, non-negative number of seconds (an int or a float)."""
    number = real_number(value)
    if not math.isfinite(number) or number < 0:
        raise _fail(name, "a non-negative number of seconds", value)
    return number


def as_positive_int(name: str, value: object) -> int:
    """An int of at least 1 (a bool is not an int)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _fail(name, "a positive int", value)
    return value


def as_non_negative_int(name: str, value: object) -> int:
    """An int of at least 0 (a bool is not an int)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(name, "a non-negative int", value)
    return value


def as_bool(name: str, value: object) -> bool:
    """A real bool (not a truthy string or number)."""
    if not isinstance(value, bool):
        raise _fail(name, "a bool", value)
    return value


def as_int(name: str, value: object, *, low: int = 0, high: int = INT32_MAX) -> int:
    """An int within [low, high] (a bool is not an int)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(name, f"an int from {low} to {high}", value)
    if not low <= value <= high:
        raise _fail(name, f"an int from {low} to {high}", value)
    return value


def as_optional_int(name: str, value: object, *, low: int = 0, high: int = INT32_MAX) -> int | None:
    """None, or an int within [low, high]."""
    return None if value is None else as_int(name, value, low=low, high=high)


def as_hour(value: object) -> int:
    """An hour of the day in UTC, 0 to 23."""
    return as_int("hour", value, low=0, high=23)


def as_enum(name: str, value: object, enum_type: type[E]) -> E:
    """A member of an open enum: a known member, or an explicit non-empty str (kept as is)."""
    if isinstance(value, enum_type):
        return value
    if isinstance(value, str) and value:
        return enum_type(value)
    known = ", ".join(member.value for member in enum_type)
    raise _fail(name, f"one of {known} (or another non-empty str)", value)


def as_known(name: str, value: object, enum_type: type[E]) -> E:
    """A value the spec lists for a request (requests get no guesses)."""
    if isinstance(value, str):
        member = enum_type._value2member_map_.get(value)
        if isinstance(member, enum_type):
            return member
    known = ", ".join(member.value for member in enum_type)
    raise _fail(name, f"one of {known}", value)


def as_sort(value: object) -> str:
    """A sort key: a field name, optionally prefixed with '-' for descending order."""
    if not isinstance(value, str) or not _SORT_PATTERN.fullmatch(value):
        raise _fail("sort", "a field name, optionally prefixed with '-'", value)
    return value


def as_aware_datetime(name: str, value: object) -> dt.datetime:
    """A timezone-aware datetime."""
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise _fail(name, "a timezone-aware datetime", value)
    return value


def as_string_map(name: str, value: object) -> dict[str, str]:
    """A mapping of str to str."""
    if not isinstance(value, Mapping):
        raise _fail(name, "a mapping of str to str", value)
    for key, item in value.items():
        if not isinstance(key, str):
            raise _fail(f"{name} key", "a str", key)
        if not isinstance(item, str):
            raise _fail(f"{name}[{key!r}]", "a str", item)
    return dict(value)


def as_mapping(name: str, value: object) -> dict[str, Any]:
    """A mapping with str keys (JSON object)."""
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise _fail(name, "a mapping with str keys", value)
    return dict(value)


def as_model(name: str, value: object, model: type[M], from_dict: Callable[[Any], M]) -> M:
    """A model instance, or a mapping checked field by field the way responses are."""
    if isinstance(value, model):
        return value
    if not isinstance(value, Mapping):
        raise _fail(name, f"a {model.__name__} or a mapping", value)
    try:
        return from_dict(value)
    except FieldError as error:
        problem = error
    where = f"{name}.{problem.path}" if problem.path else name
    raise InvalidArgumentError(f"{where}: {problem.problem}")


def as_models(name: str, values: object, model: type[M], from_dict: Callable[[Any], M]) -> list[M]:
    """A list of models (or mappings), each checked; the error names the index."""
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Sequence):
        raise _fail(name, f"a list of {model.__name__} (or mappings)", values)
    return [as_model(f"{name}[{i}]", item, model, from_dict) for i, item in enumerate(values)]


def as_uuid_list(name: str, values: object) -> list[uuid.UUID]:
    """A non-empty list of distinct UUIDs."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise _fail(name, "a list of UUIDs", values)
    ids = [as_uuid(f"{name}[{i}]", value) for i, value in enumerate(values)]
    return _distinct(name, ids)


def as_text_list(name: str, values: object) -> list[str]:
    """A non-empty list of distinct non-empty strings."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise _fail(name, "a list of str", values)
    texts = [as_text(f"{name}[{i}]", value) for i, value in enumerate(values)]
    return _distinct(name, texts)


def _distinct(name: str, values: list[M]) -> list[M]:
    if not values:
        raise InvalidArgumentError(f"{name} must not be empty (omit it to apply no filter)")
    if len(set(map(str, values))) != len(values):
        raise InvalidArgumentError(f"{name} must not repeat a value, got {shorten(values)}")
    return values


def as_blueprint(value: object) -> bytes:
    """The bytes of a well-formed XML blueprint, from its text, bytes or file path."""
    if isinstance(value, os.PathLike):
        path = Path(value)
        if not path.is_file():
            raise InvalidArgumentError(f"blueprint path {shorten(str(path))} is not a file")
        data = path.read_bytes()
    elif isinstance(value, str):
        data = value.encode("utf-8")
    elif isinstance(value, bytes):
        data = value
    else:
        raise _fail("blueprint", "XML as str or bytes, or a path to a file", value)
    import xml.etree.ElementTree as ET  # here: only a blueprint needs it

    try:
        ET.fromstring(data)  # noqa: S314 - the caller's own document, parsed only to check it
    except ET.ParseError as exc:
        raise InvalidArgumentError(f"blueprint is not well-formed XML: {exc}") from None
    return data
