"""Quoting a user's values in error messages, bounded: a 10 MB value never makes a 10 MB message."""

from __future__ import annotations

import reprlib

QUOTE_LIMIT = 80
"""The most characters of a user's value an error message quotes."""

_QUOTER = reprlib.Repr()
_QUOTER.maxstring = _QUOTER.maxother = QUOTE_LIMIT
_QUOTER.maxlong = QUOTE_LIMIT // 2
_QUOTER.maxlevel = 2


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text`, cut to at most `limit` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def shorten(value: object) -> str:
    """The repr of `value` for an error message, at most :data:`QUOTE_LIMIT` characters.

    Long strings, big numbers and deep or long containers are cut (reprlib) before they are
    rendered, so the cost is bounded too.
    """
    return clip(_QUOTER.repr(value))
