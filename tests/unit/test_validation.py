"""Narrow tests of kimono_interop._validation: each check with good and bad values."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from kimono_interop_client.errors import FieldError
from kimono_interop_client.models import ReleaseState
from kimono_interop_client.types import parse_bool, parse_str

from kimono_interop import _validation as check
from kimono_interop._exceptions import InvalidArgumentError

ID = uuid.UUID("12345678-1234-5678-1234-567812345678")
HUGE = "x" * 10_000_000


def fails(name: str) -> pytest.RaisesExc[InvalidArgumentError]:
    """Expect an InvalidArgumentError whose message starts with the argument's name."""
    return pytest.raises(InvalidArgumentError, match=rf"^{name}")


# -- scalars ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        ID,
        str(ID),
        str(ID).upper(),
        ID.hex,
        "{12345678-1234-5678-1234-567812345678}",
        "urn:uuid:12345678-1234-5678-1234-567812345678",
    ],
)
def test_as_uuid_accepts_uuids_and_their_strings(value: object) -> None:
    assert check.as_uuid("cloud_id", value) == ID


@pytest.mark.parametrize("value", ["not-a-uuid", "", 123, None, ID.bytes, str(ID) + "0", HUGE])
def test_as_uuid_rejects(value: object) -> None:
    with fails("cloud_id must be a UUID") as info:
        check.as_uuid("cloud_id", value)
    assert len(str(info.value)) < 200


def test_as_text_and_as_str() -> None:
    assert check.as_text("name", "n") == "n"
    assert check.as_str("query", "") == ""
    for bad in ("", None, 5, b"n"):
        with fails("name must be a non-empty str"):
            check.as_text("name", bad)
    with fails("query must be a str"):
        check.as_str("query", None)


def test_as_optional_text() -> None:
    assert check.as_optional_text("keywords", None) is None
    assert check.as_optional_text("keywords", "k") == "k"
    with fails("keywords"):
        check.as_optional_text("keywords", "")


def test_as_bool_wants_a_real_bool() -> None:
    assert check.as_bool("replace", True) is True
    assert check.as_bool("replace", False) is False
    for bad in (1, 0, "true", None):
        with fails("replace must be a bool"):
            check.as_bool("replace", bad)


@pytest.mark.parametrize("value", [0, 1, 500, check.INT32_MAX])
def test_as_int_accepts_ints_in_range(value: int) -> None:
    assert check.as_int("page_size", value) == value


@pytest.mark.parametrize("value", [True, False, "7", 7.0, -1, check.INT32_MAX + 1, None, HUGE])
def test_as_int_rejects_non_ints_and_out_of_range(value: object) -> None:
    with fails("page_size must be an int from 0 to 2147483647") as info:
        check.as_int("page_size", value)
    assert len(str(info.value)) < 200


def test_as_int_custom_bounds() -> None:
    assert check.as_int("n", 5, low=5, high=5) == 5
    with fails("n must be an int from 1 to 3"):
        check.as_int("n", 4, low=1, high=3)


def test_as_optional_int() -> None:
    assert check.as_optional_int("limit", None) is None
    assert check.as_optional_int("limit", 3) == 3
    with fails("limit"):
        check.as_optional_int("limit", "3")


@pytest.mark.parametrize(
    ("value", "ok"), [(0, True), (23, True), (24, False), (-1, False), (True, False), ("5", False)]
)
def test_as_hour(value: object, ok: bool) -> None:
    if ok:
        assert check.as_hour(value) == value
    else:
        with fails("hour must be an int from 0 to 23"):
            check.as_hour(value)


def test_as_enum_is_open() -> None:
    assert check.as_enum("release_state", ReleaseState.BETA, ReleaseState) is ReleaseState.BETA
    assert check.as_enum("release_state", "released", ReleaseState) is ReleaseState.RELEASED
    unknown = check.as_enum("release_state", "archived", ReleaseState)
    assert isinstance(unknown, ReleaseState)
    assert unknown.value == "archived"
    assert not unknown.is_known


@pytest.mark.parametrize("value", ["", None, 5, ["beta"]])
def test_as_enum_rejects_non_strings_and_lists_the_known_values(value: object) -> None:
    with fails("release_state must be one of beta, deprecated") as info:
        check.as_enum("release_state", value, ReleaseState)
    assert "or another non-empty str" in str(info.value)


@pytest.mark.parametrize("value", ["name", "-created_at", "_x", "meta.updated_at"])
def test_as_sort_accepts(value: str) -> None:
    assert check.as_sort(value) == value


@pytest.mark.parametrize("value", ["", "-", "--name", "name desc", "1name", "name;drop", 5, None])
def test_as_sort_rejects(value: object) -> None:
    with fails("sort must be a field name"):
        check.as_sort(value)


def test_as_aware_datetime() -> None:
    aware = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
    assert check.as_aware_datetime("since", aware) is aware
    bad_values: tuple[object, ...] = (
        aware.replace(tzinfo=None),
        aware.date(),
        aware.isoformat(),
        None,
    )
    for bad in bad_values:
        with fails("since must be a timezone-aware datetime"):
            check.as_aware_datetime("since", bad)


# -- mappings and models ------------------------------------------------------------------------


def test_as_string_map() -> None:
    assert check.as_string_map("labels", {"a": "b"}) == {"a": "b"}
    with fails("labels must be a mapping of str to str"):
        check.as_string_map("labels", [("a", "b")])
    with fails("labels key must be a str"):
        check.as_string_map("labels", {1: "b"})
    with fails(r"labels\['a'\] must be a str"):
        check.as_string_map("labels", {"a": 1})


def test_as_mapping() -> None:
    assert check.as_mapping("props", {"a": [1]}) == {"a": [1]}
    bad_values: tuple[object, ...] = ([], {1: "a"}, "a=1")
    for bad in bad_values:
        with fails("props must be a mapping with str keys"):
            check.as_mapping("props", bad)


@dataclass
class Pick:
    """A model built the way generated models are: parsers raising FieldError naming the field."""

    name: str
    selected: bool

    @classmethod
    def from_dict(cls, src: Mapping[str, Any]) -> Pick:
        meta = src.get("meta", {})
        if not isinstance(meta, Mapping):
            raise FieldError("meta", "expected an object")
        try:
            selected = parse_bool(meta.get("selected", False), "selected")
        except FieldError as error:
            raise error.within("meta") from None
        return cls(parse_str(src.get("name"), "name"), selected)


def test_as_model_returns_a_model_as_is_and_builds_one_from_a_mapping() -> None:
    pick = Pick("North", True)
    assert check.as_model("item", pick, Pick, Pick.from_dict) is pick
    built = check.as_model(
        "item", {"name": "North", "meta": {"selected": True}}, Pick, Pick.from_dict
    )
    assert built == Pick("North", True)


def test_as_model_names_the_nested_field() -> None:
    with fails(r"item\.meta\.selected: expected a boolean, got string 'yes'$") as info:
        check.as_model("item", {"name": "n", "meta": {"selected": "yes"}}, Pick, Pick.from_dict)
    assert info.value.__cause__ is None
    with fails(r"item\.name: expected a string, got integer 5$"):
        check.as_model("item", {"name": 5}, Pick, Pick.from_dict)


def test_as_model_names_the_argument_for_a_problem_with_no_path() -> None:
    def whole(src: Mapping[str, Any]) -> Pick:
        raise FieldError("", "expected an object with a name")

    with fails("item: expected an object with a name"):
        check.as_model("item", {}, Pick, whole)


@pytest.mark.parametrize("value", ["North", 5, None, ["a"]])
def test_as_model_rejects_non_mappings(value: object) -> None:
    with fails("item must be a Pick or a mapping"):
        check.as_model("item", value, Pick, Pick.from_dict)


def test_as_models_names_the_index_and_field() -> None:
    items: list[Any] = [{"name": "a"}, Pick("b", False), {"name": "c", "meta": {"selected": "yes"}}]
    with fails(r"items\[2\]\.meta\.selected: expected a boolean, got string 'yes'"):
        check.as_models("items", items, Pick, Pick.from_dict)

    def flat(src: Mapping[str, Any]) -> Pick:
        return Pick(parse_str(src.get("name"), "name"), parse_bool(src.get("selected"), "selected"))

    with fails(r"items\[0\]\.selected: expected a boolean, got string 'yes'$"):
        check.as_models("items", [{"name": "a", "selected": "yes"}], Pick, flat)
    with fails(r"items\[1\] must be a Pick or a mapping"):
        check.as_models("items", [{"name": "a"}, 7], Pick, Pick.from_dict)


def test_as_models_accepts_a_list_and_rejects_strings_and_mappings() -> None:
    models = check.as_models("items", ({"name": "a"}, {"name": "b"}), Pick, Pick.from_dict)
    assert models == [Pick("a", False), Pick("b", False)]
    for bad in ("abc", b"abc", {"name": "a"}, 5):
        with fails("items must be a list of Pick"):
            check.as_models("items", bad, Pick, Pick.from_dict)


def test_as_models_huge_value_is_quoted_shortened() -> None:
    with fails(r"items\[0\]\.name") as info:
        check.as_models("items", [{"name": [HUGE]}], Pick, Pick.from_dict)
    assert len(str(info.value)) < 200
    with fails("items must be a list") as info:
        check.as_models("items", HUGE, Pick, Pick.from_dict)
    assert len(str(info.value)) < 200


# -- lists --------------------------------------------------------------------------------------


def test_as_uuid_list() -> None:
    other = uuid.uuid4()
    assert check.as_uuid_list("ids", [ID, str(other)]) == [ID, other]
    assert check.as_uuid_list("ids", (i for i in [str(ID)])) == [ID]
    with fails("ids must not be empty"):
        check.as_uuid_list("ids", [])
    with fails("ids must not repeat a value"):
        check.as_uuid_list("ids", [ID, str(ID)])
    with fails(r"ids\[1\] must be a UUID"):
        check.as_uuid_list("ids", [ID, "nope"])
    with fails("ids must be a list of UUIDs"):
        check.as_uuid_list("ids", str(ID))


def test_as_text_list() -> None:
    assert check.as_text_list("names", ["a", "b"]) == ["a", "b"]
    with fails("names must not be empty"):
        check.as_text_list("names", [])
    with fails("names must not repeat a value"):
        check.as_text_list("names", ["a", "a"])
    with fails(r"names\[1\] must be a non-empty str"):
        check.as_text_list("names", ["a", ""])
    with fails("names must be a list of str"):
        check.as_text_list("names", b"ab")


# -- blueprints ---------------------------------------------------------------------------------

XML = '<?xml version="1.0"?><blueprint name="b"><step id="1"/></blueprint>'


def test_blueprint_from_text_bytes_and_path(tmp_path: Path) -> None:
    path = tmp_path / "blueprint.xml"
    path.write_text(XML)
    assert check.as_blueprint(XML) == XML.encode()
    assert check.as_blueprint(XML.encode()) == XML.encode()
    assert check.as_blueprint(path) == XML.encode()


@pytest.mark.parametrize(
    "value", ["<blueprint>", "<a></b>", "", "not xml", b"<a>\xff</a>", "<a/><b/>"]
)
def test_blueprint_must_be_well_formed(value: str | bytes) -> None:
    with fails("blueprint is not well-formed XML: ") as info:
        check.as_blueprint(value)
    assert info.value.__suppress_context__


def test_blueprint_path_must_be_a_file(tmp_path: Path) -> None:
    with fails("blueprint path"):
        check.as_blueprint(tmp_path / "missing.xml")
    with fails("blueprint path"):
        check.as_blueprint(tmp_path)


@pytest.mark.parametrize("value", [None, 5, ["<a/>"]])
def test_blueprint_of_another_type(value: object) -> None:
    with fails("blueprint must be XML as str or bytes, or a path"):
        check.as_blueprint(value)
