"""The options that act as one tenant, shared by the ``tenant`` and ``ingestions`` groups."""

from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import ActAs, state_of

TenantOpt = Annotated[
    str | None,
    typer.Option(
        "--tenant",
        "-t",
        help="Act as this tenant, by id or exact name: its actor credentials are found with the "
        "API key (OAuth2 or Basic, as the tenant has).",
        rich_help_panel=p.ACT_AS_PANEL,
        callback=p.text,
        show_default=False,
    ),
]
ClientIdOpt = Annotated[
    str | None,
    typer.Option(
        "--client-id",
        help="Act with these OAuth2 client credentials (with --client-secret).",
        rich_help_panel=p.ACT_AS_PANEL,
        callback=p.text,
        show_default=False,
    ),
]
ClientSecretOpt = Annotated[
    str | None,
    typer.Option(
        "--client-secret",
        help="The OAuth2 client secret (with --client-id).",
        rich_help_panel=p.ACT_AS_PANEL,
        callback=p.text,
        show_default=False,
    ),
]
BearerTokenOpt = Annotated[
    str | None,
    typer.Option(
        "--bearer-token",
        help="Act with this bearer token (an LTI JWT, say).",
        rich_help_panel=p.ACT_AS_PANEL,
        callback=p.text,
        show_default=False,
    ),
]


def act_as(
    ctx: typer.Context,
    tenant: str | None,
    client_id: str | None,
    client_secret: str | None,
    bearer_token: str | None,
) -> None:
    """Record the credentials the group's commands act with (checked unless only
    completing)."""
    act = ActAs(tenant, client_id, client_secret, bearer_token)
    if not ctx.resilient_parsing:
        act.check()
    state_of(ctx).act_as = act
