"""Shared types of the generated models, and the parsers their ``from_dict`` methods use.

The parsers are strict about types (a string where the spec says string, a UUID where it says
uuid) and liberal where it costs nothing: a ``null`` in an optional field reads as absent, an
integral float is an integer, and a date-time without an offset is taken as UTC. A value that
does not match raises :class:`~.errors.FieldError` naming the field.
"""

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from enum import StrEnum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypedDict, TypeVar
from uuid import UUID

from attrs import define

from .errors import FieldError


class Unset:
    """The type of :data:`UNSET`: a field the body did not carry."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


@define
class Response(Generic[T]):
    """A success response of an endpoint and the model parsed from its body."""

    status_code: HTTPStatus | int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T


SECRET_FIELDS = frozenset(
    {
        "client_secret",
        "token",
        "refresh_token",
        "password",
        "api_key",
        "access_token",
        "auth_props",
        "auth_props_pending",
    }
)
"""Fields whose values are secrets: masked in reprs and never quoted in error messages."""


def mask_secret(value: object) -> str:
    """How a model's repr shows a secret field: whether it is set, never its value."""
    return repr(value) if isinstance(value, Unset) or value is None else "'***'"


def mask_secret_keys(values: Mapping[str, Any]) -> str:
    """The repr of a model's unknown fields, with values of secret-named keys masked."""
    shown = {key: ("***" if key.lower() in SECRET_FIELDS else value) for key, value in values.items()}
    return repr(shown)


def status_code_of(code: int) -> HTTPStatus | int:
    """The HTTPStatus for a registered code, the plain int for any other (520, 499, ...)."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


class RequestArgs(TypedDict, total=False):
    """What an endpoint's ``build_request`` returns: keyword arguments of ``httpx.AsyncClient.request``."""

    method: str
    url: str
    params: dict[str, Any]
    json: Any
    content: bytes
    data: dict[str, Any]
    """A form body (``application/x-www-form-urlencoded``)."""
    headers: dict[str, str]
    cookies: dict[str, str]
    extensions: dict[str, Any]
    """``operation_id``: the spec's id of the operation."""


# -- parsers ------------------------------------------------------------------------------------


def describe(value: object, path: str = "") -> str:
    """A short description of a bad value: its JSON type and, unless secret, a capped repr."""
    if value is UNSET:
        return "nothing (the field is missing)"
    if value is None:
        return "null"
    kind = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}
    name = kind.get(type(value), type(value).__name__)
    if path.rpartition(".")[2].lower() in SECRET_FIELDS or isinstance(value, list | dict):
        return name
    text = repr(value)
    return f"{name} {text[:40]}{'...' if len(text) > 40 else ''}"


def _wrong(value: object, path: str, expected: str) -> FieldError:
    if value is UNSET:
        return FieldError(path, "is required but missing")
    return FieldError(path, f"expected {expected}, got {describe(value, path)}")


def parse_str(value: object, path: str) -> str:
    """A JSON string."""
    if type(value) is str:
        return value
    raise _wrong(value, path, "a string")


def parse_int(value: object, path: str) -> int:
    """A JSON integer (an integral number such as ``6.0`` counts, as in JSON Schema)."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise _wrong(value, path, "an integer")


def parse_float(value: object, path: str) -> float:
    """A JSON number."""
    if type(value) is float or type(value) is int:
        return float(value)
    raise _wrong(value, path, "a number")


def parse_bool(value: object, path: str) -> bool:
    """A JSON boolean."""
    if type(value) is bool:
        return value
    raise _wrong(value, path, "a boolean")


def parse_uuid(value: object, path: str) -> UUID:
    """A UUID string."""
    if type(value) is str:
        try:
            return UUID(value)
        except ValueError:
            pass
    raise _wrong(value, path, "a UUID string")


def parse_datetime(value: object, path: str) -> datetime.datetime:
    """An RFC 3339 date-time (standard library parser); one without an offset is taken as UTC."""
    if type(value) is str:
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)
    raise _wrong(value, path, "an RFC 3339 date-time string")


def parse_date(value: object, path: str) -> datetime.date:
    """An RFC 3339 full-date."""
    if type(value) is str:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(value, path, "an RFC 3339 date string")


def parse_enum(value: object, enum_type: type[E], path: str) -> E:
    """A member of an open string enum (an unknown string becomes a pseudo-member)."""
    if type(value) is str:
        return enum_type(value)
    raise _wrong(value, path, "a string")


def parse_any(value: object, path: str) -> Any:
    """Any JSON value (a field the spec leaves open)."""
    if value is UNSET:
        raise _wrong(value, path, "a value")
    return value


def parse_model(value: object, from_dict: Callable[[Mapping[str, Any]], T], path: str) -> T:
    """A nested object, parsed by its model's `from_dict`; errors inside it are prefixed with `path`."""
    if type(value) is not dict:
        raise _wrong(value, path, "an object")
    try:
        return from_dict(value)
    except FieldError as error:
        raise error.within(path) from None


def parse_list(value: object, path: str, item: Callable[[object, str], T]) -> list[T]:
    """A JSON array whose items `item` parses."""
    if type(value) is not list:
        raise _wrong(value, path, "an array")
    return [item(element, f"{path}[{index}]") for index, element in enumerate(value)]


def parse_union(value: object, path: str, *options: Callable[[object, str], Any]) -> Any:
    """The first of `options` that accepts `value` (anyOf/oneOf)."""
    problems = []
    for option in options:
        try:
            return option(value, path)
        except FieldError as error:
            problems.append(error.problem)
    raise FieldError(path, "matches no allowed shape: " + "; ".join(problems))


def parse_map(value: object, path: str, item: Callable[[object, str], T]) -> dict[str, T]:
    """The unknown fields of an object, each parsed by `item`."""
    if type(value) is not dict:
        raise _wrong(value, path, "an object")
    return {key: item(element, f"{path}.{key}" if path else key) for key, element in value.items()}


def require_object(src_dict: object) -> dict[str, Any]:
    """A copy of a model's source mapping (its unknown fields are what is left of it)."""
    if isinstance(src_dict, Mapping):
        return dict(src_dict)
    raise FieldError("", f"expected an object, got {describe(src_dict)}")


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestArgs",
    "RequestFiles",
    "Response",
    "SECRET_FIELDS",
    "Unset",
    "describe",
    "mask_secret",
    "mask_secret_keys",
    "parse_any",
    "parse_bool",
    "parse_date",
    "parse_datetime",
    "parse_enum",
    "parse_float",
    "parse_int",
    "parse_list",
    "parse_map",
    "parse_model",
    "parse_str",
    "parse_union",
    "parse_uuid",
    "require_object",
    "status_code_of",
]
