"""``kimono-interop tenant application``: the tenant's application and its auth setup
(/tenant/application, as ``resources/tenant/application.py``)."""

import enum
from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, done, execute, show
from kimono_interop.cli.commands._common import APPLICATION, example, group, output

app = group("The tenant's application and its auth setup (/tenant/application).")


@app.command("get", epilog=example("kimono-interop tenant --tenant TENANT_ID application get"))
def application_get(
    ctx: typer.Context,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show the tenant's application (auth props masked unless --show-secrets)."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.actor()).tenant.application.get(), out, APPLICATION)

    execute(ctx, action)


class AuthStatePending(enum.StrEnum):
    """What a driver reports after the auth setup."""

    confirmed = "confirmed"
    error = "error"


@app.command(
    "update",
    epilog=example(
        "kimono-interop tenant --tenant TENANT_ID application update --auth-state-pending "
        "confirmed --auth-message 'Connected'"
    ),
)
def application_update(
    ctx: typer.Context,
    auth_message: Annotated[
        str | None,
        typer.Option("--auth-message", help="A message about the outcome.", show_default=False),
    ] = None,
    auth_props_pending: Annotated[
        list[str] | None,
        typer.Option(
            "--auth-props-pending",
            metavar="KEY=VALUE",
            help="An auth property to set (repeat for more).",
            show_default=False,
        ),
    ] = None,
    auth_state_pending: Annotated[
        AuthStatePending | None,
        typer.Option(
            "--auth-state-pending",
            help="The outcome of the auth setup.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Report the outcome of the auth setup (only while auth_state_pending is updating, exit
    code 5 otherwise)."""
    props = None
    if auth_props_pending:
        props = p.key_values(auth_props_pending, "--auth-props-pending")
    if auth_message is None and props is None and auth_state_pending is None:
        raise typer.BadParameter(
            "give at least one",
            param_hint="--auth-message/--auth-props-pending/--auth-state-pending",
        )
    state = None if auth_state_pending is None else auth_state_pending.value

    async def action(s: Session) -> None:
        application = (await s.actor()).tenant.application
        await application.update(
            auth_message=auth_message, auth_props_pending=props, auth_state_pending=state
        )
        done("Updated the tenant's application.")

    execute(ctx, action)
