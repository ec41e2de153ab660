"""Shared types of the generated models, and the parsers their ``from_dict`` methods use.

The parsers are strict about types (a string where the spec says string, a UUID where it says
uuid) and liberal where it costs nothing: a ``null`` in an optional field reads as absent, an
integral float is an integer, and a date-time without an offset is taken as UTC. A value that
does not match raises :class:`~.errors.FieldError` naming the field.
"""

import datetime
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypedDict, TypeVar
from urllib.parse import quote
from uuid import UUID, SafeUUID

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


@dataclass
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


@dataclass
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
    """What an endpoint's ``build_request`` returns: the method, path, query, body and headers."""

    method: str
    url: str
    """The path, its parameters percent-encoded."""
    params: dict[str, Any]
    """The query: scalars, and lists of this API's ``style: form, explode: false``; send it as
    :func:`query_string` writes it (``httpx``'s ``params=`` would repeat a list's name per item
    and percent-encode the commas between items)."""
    json: Any
    content: bytes
    data: dict[str, Any]
    """A form body (``application/x-www-form-urlencoded``)."""
    headers: dict[str, str]
    cookies: dict[str, str]
    extensions: dict[str, Any]
    """``operation_id``: the spec's id of the operation."""


def query_string(params: Mapping[str, Any]) -> str:
    """`params` as this API's query string, ``&``-separated ``name=value`` pairs.

    Each value is percent-encoded with nothing reserved left bare, a list's items are joined by
    literal commas (``style: form, explode: false``: a comma inside an item stays ``%2C``), and
    booleans are ``true``/``false``.
    """
    return "&".join(f"{quote(name, safe='')}={_query_value(value)}" for name, value in params.items())


def httpx_kwargs(args: RequestArgs) -> dict[str, Any]:
    """`args` as keyword arguments of ``httpx.AsyncClient.request``: the query in the URL."""
    kwargs: dict[str, Any] = dict(args)
    params = kwargs.pop("params", None)
    if params:
        kwargs["url"] = f"{kwargs['url']}?{query_string(params)}"
    return kwargs


def _query_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ",".join(_query_item(item) for item in value)
    return _query_item(value)


def _query_item(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return quote(str(value), safe="")


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


_UUIDS: dict[str, UUID] = {}
_MOMENTS: dict[str, datetime.datetime] = {}
_CACHE_SIZE = 4096
"""UUIDs and date-times repeat across the items of a page (an account id, a timestamp): parsed
values are immutable, so the parsers keep the last few thousand and reuse them."""


def _remember(cache: dict[str, T], text: str, value: T) -> T:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[text] = value
    return value


def parse_uuid(value: object, path: str) -> UUID:
    """A UUID string (the canonical 8-4-4-4-12 form is parsed on a fast path)."""
    if type(value) is str:
        known = _UUIDS.get(value)
        if known is not None:
            return known
        try:
            return _remember(_UUIDS, value, _canonical_uuid(value) or UUID(value))
        except ValueError:
            pass
    raise _wrong(value, path, "a UUID string")


_new = object.__new__
_set = object.__setattr__
_from_hex = bytes.fromhex
_from_bytes = int.from_bytes
_UNKNOWN = SafeUUID.unknown


def _canonical_uuid(text: str) -> UUID | None:
    """The UUID of canonical text, built without UUID.__init__'s general parsing (twice as fast)."""
    if len(text) != 36 or text[8] != "-" or text[13] != "-" or text[18] != "-" or text[23] != "-":
        return None
    digits = _from_hex(text.replace("-", ""))  # ValueError on anything but hex digits
    if len(digits) != 16:
        return None
    uuid = _new(UUID)
    _set(uuid, "int", _from_bytes(digits, "big"))
    _set(uuid, "is_safe", _UNKNOWN)
    return uuid


def parse_datetime(value: object, path: str) -> datetime.datetime:
    """An RFC 3339 date-time (standard library parser); one without an offset is taken as UTC."""
    if type(value) is str:
        known = _MOMENTS.get(value)
        if known is not None:
            return known
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=datetime.UTC)
            return _remember(_MOMENTS, value, moment)
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


def parse_model_list(value: object, from_dict: Callable[[Mapping[str, Any]], T], path: str) -> list[T]:
    """A JSON array of objects of one model (a page's ``data``): the hot path of every list."""
    if type(value) is not list:
        raise _wrong(value, path, "an array")
    try:
        return [from_dict(item) for item in value]
    except FieldError:
        pass
    for index, item in enumerate(value):  # again, item by item, to name the one that failed
        parse_model(item, from_dict, f"{path}[{index}]")
    raise AssertionError("unreachable: an item failed once and not the second time")


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
    "parse_model_list",
    "parse_str",
    "parse_union",
    "parse_uuid",
    "httpx_kwargs",
    "query_string",
    "require_object",
    "status_code_of",
]
