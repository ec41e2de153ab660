"""How a walk tells that an arrived list page is the last before parsing its items."""

from __future__ import annotations

import pytest

from kimono_interop.resources._base import _body_ends_walk, _decoded, _trailing_paging

LINK = "https://api.example.test/v2/interop/tenants?page=2"


@pytest.mark.parametrize(
    ("body", "paging"),
    [
        (b'{"data":[{"id":1}],"paging":{"next":null}}', {"next": None}),
        (f'{{"data":[],"paging":{{"next":"{LINK}"}}}}\n'.encode(), {"next": LINK}),
        (b'{"data": [1] , "paging" : {"next": null, "x": 1} }', {"next": None, "x": 1}),
    ],
)
def test_a_trailing_paging_object_is_read_without_the_items(body: bytes, paging: object) -> None:
    assert _trailing_paging(body) == {"paging": paging}


@pytest.mark.parametrize(
    "body",
    [
        b'{"paging":{"next":null},"data":[1]}',  # paging first: decode it all
        b'{"data":[{"paging":{"next":null}}]}',  # an item's own member, not the list's
        b'{"data":[1],"x":{"paging":{"next":null}}}',  # nested one level down
        b'{"data":["\\"paging\\":{\\"next\\":null}}"]}',  # inside a string
        b'{"data":[1],"x\\"paging":{"next":null}}',  # a key ending in an escaped quote
        b'{"data":[1],"paging":null}',  # no next: the items decide
        b'{"data":[1],"paging":{}}',
        b'{"data":[1],"paging":{"next":nul',  # cut short
        b'{"data":[1],"paging":{"next":null}}}',  # one brace too many
    ],
)
def test_anything_else_is_left_to_a_full_decode(body: bytes) -> None:
    assert _trailing_paging(body) is None


@pytest.mark.parametrize(
    ("body", "ends"),
    [
        (b'{"data":[1],"paging":{"next":null}}', True),
        (f'{{"data":[],"paging":{{"next":"{LINK}"}}}}'.encode(), False),
        (b'{"paging":{"next":null},"data":[1]}', True),
        (b'{"data":[1],"paging":null}', False),  # no paging: a page with items is not the end
        (b'{"data":[1],"x\\"paging":{"next":null}}', False),  # no paging at all, in fact
        (b'{"data":[],"x\\\\":1,"paging":{"next":null}}', True),  # an escaped backslash
        (b'{"data":[]}', True),
        (b"not json", True),  # the consumer's parse raises there
        (b"[]", True),
    ],
)
def test_the_end_is_told_as_the_typed_parse_would_tell_it(body: bytes, ends: bool) -> None:
    peeked = _trailing_paging(body)
    assert _body_ends_walk(_decoded(body) if peeked is None else peeked) is ends
