from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.app_auth_scheme import AppAuthScheme
from ..types import (
    UNSET,
    Unset,
    mask_secret,
    mask_secret_keys,
    parse_enum,
    parse_str,
    require_object,
)

T = TypeVar("T", bound="AppAuth")


@_attrs_define
class AppAuth:
    """The tenant application's own credentials toward the third-party system. Every field but `scheme` is a secret or may
    be one.

    """

    scheme: AppAuthScheme
    """ Known values: `oauth2` (the docs' example). Also listed, from AppAuth's fields: `basic` (guessed: not in the
    docs), `api_key` (guessed: not in the docs) and `token` (guessed: not in the docs). """
    token: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    refresh_token: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    client_id: str | Unset = UNSET
    client_secret: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    username: str | Unset = UNSET
    password: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    api_key: str | Unset = _attrs_field(default=UNSET, repr=mask_secret)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=mask_secret_keys)
    """Fields the spec does not list, kept as the server sent them (secret-named keys masked in repr)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict of this model, unknown fields included."""
        scheme = self.scheme.value

        token = self.token

        refresh_token = self.refresh_token

        client_id = self.client_id

        client_secret = self.client_secret

        username = self.username

        password = self.password

        api_key = self.api_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scheme": scheme,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if api_key is not UNSET:
            field_dict["api_key"] = api_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Parse a JSON object; a value that does not match the spec raises FieldError naming it."""
        d = src_dict if type(src_dict) is dict else require_object(src_dict)
        _n = 1
        _v = d.get("scheme", UNSET)
        scheme = parse_enum(_v, AppAuthScheme, "scheme")

        _v = d.get("token", UNSET)
        if _v is UNSET:
            token = UNSET
        else:
            _n += 1
            token = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "token"))

        _v = d.get("refresh_token", UNSET)
        if _v is UNSET:
            refresh_token = UNSET
        else:
            _n += 1
            refresh_token = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "refresh_token"))

        _v = d.get("client_id", UNSET)
        if _v is UNSET:
            client_id = UNSET
        else:
            _n += 1
            client_id = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "client_id"))

        _v = d.get("client_secret", UNSET)
        if _v is UNSET:
            client_secret = UNSET
        else:
            _n += 1
            client_secret = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "client_secret"))

        _v = d.get("username", UNSET)
        if _v is UNSET:
            username = UNSET
        else:
            _n += 1
            username = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "username"))

        _v = d.get("password", UNSET)
        if _v is UNSET:
            password = UNSET
        else:
            _n += 1
            password = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "password"))

        _v = d.get("api_key", UNSET)
        if _v is UNSET:
            api_key = UNSET
        else:
            _n += 1
            api_key = UNSET if _v is None else (_v if type(_v) is str else parse_str(_v, "api_key"))

        app_auth = object.__new__(cls)
        app_auth.scheme = scheme
        app_auth.token = token
        app_auth.refresh_token = refresh_token
        app_auth.client_id = client_id
        app_auth.client_secret = client_secret
        app_auth.username = username
        app_auth.password = password
        app_auth.api_key = api_key
        extra = {} if len(d) == _n else {k: v for k, v in d.items() if k not in _FIELDS}
        app_auth.additional_properties = extra
        return app_auth

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


_FIELDS: frozenset[str] = frozenset(
    (
        "scheme",
        "token",
        "refresh_token",
        "client_id",
        "client_secret",
        "username",
        "password",
        "api_key",
    )
)
"""The JSON names of the fields this model declares (the others are additional properties)."""
