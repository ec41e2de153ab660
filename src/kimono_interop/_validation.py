"""Input checks run before any request: a clear ValueError that names the bad argument."""

from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ET
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from kimono_interop_client.types import Unset

E = TypeVar("E", bound=StrEnum)

Blueprint = str | bytes | os.PathLike[str]
"""An XML Integration Blueprint: its text, its bytes, or the path of a file holding it."""

_SORT_PATTERN = re.compile(r"-?[a-z][a-z0-9_]*")


def as_uuid(name: str, value: object) -> uuid.UUID:
    """`value` as a UUID, from a `uuid.UUID` or its string form."""
    if isinstance(value, Unset):
        raise ValueError(f"{name} is UNSET: the model it came from has no id")
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            pass
    raise ValueError(f"{name} must be a UUID (str or uuid.UUID), got {value!r}")


def as_hour(value: object) -> int:
    """An hour of the day in UTC, 0 to 23."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 23:
        raise ValueError(f"hour must be an int from 0 to 23 (UTC), got {value!r}")
    return value


def as_bool(name: str, value: object) -> bool:
    """A real bool (not a truthy string or number)."""
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be a bool, got {value!r}")
    return value


def as_text(name: str, value: object) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty str, got {value!r}")
    return value


def as_enum(name: str, value: object, enum_type: type[E]) -> E:
    """A member of an open enum: a known member, or an explicit string (kept as is)."""
    if isinstance(value, enum_type):
        return value
    if isinstance(value, str) and value:
        return enum_type(value)
    known = ", ".join(member.value for member in enum_type)
    raise ValueError(f"{name} must be one of {known} (or an explicit str), got {value!r}")


def as_sort(value: object, enum_type: type[E]) -> E:
    """A sort key: a field name, optionally prefixed with '-' for descending order."""
    if isinstance(value, str) and not _SORT_PATTERN.fullmatch(value):
        raise ValueError(f"sort must be a field name, optionally prefixed with '-', got {value!r}")
    return as_enum("sort", value, enum_type)


def as_blueprint(value: object) -> bytes:
    """The bytes of a well-formed XML blueprint, from its text, bytes or file path."""
    if isinstance(value, os.PathLike):
        path = Path(value)
        if not path.is_file():
            raise ValueError(f"blueprint path {str(path)!r} is not a file")
        data = path.read_bytes()
    elif isinstance(value, str):
        data = value.encode("utf-8")
    elif isinstance(value, bytes):
        data = value
    else:
        raise ValueError(f"blueprint must be str, bytes or a path, got {type(value).__name__}")
    try:
        ET.fromstring(data)  # noqa: S314 - the caller's own document, parsed only to check it
    except ET.ParseError as exc:
        raise ValueError(f"blueprint is not well-formed XML: {exc}") from None
    return data
