"""Parsing what a request sends: query strings, strict JSON bodies, and the fields of JSON
objects. Every refusal is a 400 :class:`~kimono_interop.sandbox.http.ApiError` naming the bad
value (quoted, bounded).
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import urllib.parse
import uuid
from collections.abc import Sequence
from typing import Any

from kimono_interop.sandbox.errors import ApiError, bad_request
from kimono_interop.sandbox.quoting import clip, shorten
from kimono_interop.sandbox.world import Json

INT32_MAX = 2**31 - 1
"""The largest ``format: int32`` integer of the spec (page, page_size, generation)."""

MAX_JSON_DEPTH = 64
"""How deeply a JSON request body may nest arrays and objects (deeper: 400)."""

_INTEGER = re.compile(r"[+-]?[0-9]+")


def _parse_int(text: str) -> int:
    """Sign and ASCII digits as an int; past 40 digits it saturates (far outside any range)."""
    if len(text.lstrip("+-").lstrip("0")) > 40:
        return -(10**40) if text.startswith("-") else 10**40
    return int(text)


def _unquote(text: str) -> str:
    """Percent-decode one query name or value (``+`` is a space): UTF-8, strictly."""
    return urllib.parse.unquote_plus(text, encoding="utf-8", errors="strict")


def parse_query(raw: bytes) -> dict[str, list[str]]:
    """A query string's values by name, in order, each still percent-encoded as sent (names
    decoded); 400 when a name or value is not UTF-8 once decoded.

    Values stay encoded because a list parameter (``style: form, explode: false``) is split on
    its literal commas before its items are decoded: ``%2C`` is a comma inside an item.
    """
    values: dict[str, list[str]] = {}
    for pair in raw.decode("latin-1").split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        try:
            _unquote(value)
            values.setdefault(_unquote(name), []).append(value)
        except UnicodeDecodeError as exc:
            raise bad_request(
                f"the query string is not valid UTF-8 once percent-decoded ({exc.reason})"
            ) from None
    return values


def decode_query_value(raw: str) -> str:
    """A query value as :func:`parse_query` keeps it, decoded (it was checked to decode)."""
    return _unquote(raw)


def parse_int_parameter(name: str, raw: str, minimum: int, maximum: int) -> int:
    """An integer parameter: ASCII digits with an optional sign, within [minimum, maximum]."""
    if not _INTEGER.fullmatch(raw):
        raise bad_request(f"{name} must be an integer, got {shorten(raw)}")
    value = _parse_int(raw)
    if value < minimum:
        raise bad_request(f"{name} must be at least {minimum}, got {shorten(raw)}")
    if value > maximum:
        raise bad_request(f"{name} must be at most {maximum}, got {shorten(raw)}")
    return value


def parse_list_parameter(name: str, raw: str, *, unique: bool) -> list[str]:
    """A list parameter as the spec serializes it (``style: form, explode: false``, reserved
    characters percent-encoded): `raw` as sent, its items separated by literal commas and
    decoded after the split. Each must be non-empty (``minLength: 1``), and `unique` ones
    (``uniqueItems``) may not repeat."""
    values = [decode_query_value(item) for item in raw.split(",")]
    shown = shorten(decode_query_value(raw))
    if values.count(""):
        raise bad_request(f"{name} lists an empty value (in {shown}): give non-empty values")
    if unique:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                raise bad_request(f"{name} lists {shorten(value)} more than once")
            seen.add(value)
    return values


def media_type(content_type: str) -> str:
    """The media type of a Content-Type value, lower-cased, without parameters."""
    return content_type.partition(";")[0].strip().lower()


def is_json_media_type(content_type: str) -> bool:
    """Whether a Content-Type names JSON (``application/json`` or ``application/...+json``)."""
    media = media_type(content_type)
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def parse_json(body: bytes) -> Any:
    """`body` as strict JSON (400 naming the problem otherwise).

    Strict: UTF-8, no ``NaN``/``Infinity``, only finite numbers, no lone surrogates in strings,
    and arrays and objects nested at most :data:`MAX_JSON_DEPTH` deep.
    """
    if not body.strip():
        raise bad_request("the request body is empty: a JSON object is expected")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_request(
            f"the request body is not valid UTF-8: byte {exc.start} is {body[exc.start]:#04x}"
        ) from None
    try:
        payload = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise _too_deep() from None
    except ValueError as exc:
        raise bad_request(f"the request body is not valid JSON: {clip(str(exc))}") from None
    _check_json_tree(payload)
    return payload


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {clip(text)} is out of range")
    return value


def _too_deep() -> ApiError:
    return bad_request(f"the request body nests arrays and objects more than {MAX_JSON_DEPTH} deep")


def _check_json_tree(payload: Any) -> None:
    """400 when `payload` nests too deeply or holds a string that is not valid Unicode."""
    pending: list[tuple[Any, int]] = [(payload, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, str):
            _check_unicode(value)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise _too_deep()
        if isinstance(value, dict):
            for key in value:
                _check_unicode(key)
            value = list(value.values())
        pending.extend((child, depth + 1) for child in value)


def _check_unicode(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise bad_request(
            f"the request body has a string that is not Unicode text: {shorten(text)}"
        ) from None


# -- field checks on JSON bodies ----------------------------------------------------------


def text_field(
    body: Json, name: str, *, required: bool = False, nullable: bool = False
) -> str | None:
    """A string field; `required` ones must be non-empty (``minLength: 1``: whitespace counts)."""
    if name not in body or (body[name] is None and nullable):
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, str) or (required and not value):
        kind = "a non-empty string" if required else "a string"
        raise bad_request(f"{name} must be {kind}, got {shorten(value)}")
    return value


def bool_field(body: Json, name: str, *, required: bool = False) -> bool | None:
    """A boolean field."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if not isinstance(value, bool):
        raise bad_request(f"{name} must be true or false, got {shorten(value)}")
    return value


def int_field(
    body: Json,
    name: str,
    *,
    low: int | None = None,
    high: int | None = None,
    required: bool = False,
) -> int | None:
    """An integer field within [low, high]; like JSON Schema, ``6.0`` is the integer 6."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request(f"{name} must be an integer, got {shorten(value)}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise bad_request(f"{name} must be between {low} and {high}, got {shorten(value)}")
    return value


def enum_field(body: Json, name: str, allowed: Sequence[str]) -> str | None:
    """A field that must be one of `allowed`."""
    if name not in body:
        return None
    value = body[name]
    if value not in allowed:
        raise bad_request(f"{name} must be one of {', '.join(allowed)}; got {shorten(value)}")
    return str(value)


def uuid_field(body: Json, name: str, *, required: bool = False) -> str | None:
    """A UUID string field (null is refused: the spec's UUIDs are never nullable)."""
    if name not in body:
        if required:
            raise bad_request(f"{name} is required")
        return None
    value = body[name]
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return str(uuid.UUID(value))
    raise bad_request(f"{name} must be a UUID, got {shorten(value)}")


def string_map_field(body: Json, name: str) -> dict[str, str] | None:
    """An object of string values."""
    if name not in body:
        return None
    value = body[name]
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise bad_request(f"{name} must be an object of strings, got {shorten(value)}")
    return value
