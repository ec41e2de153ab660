"""``kimono-interop tenant``: act as one tenant (/tenant, as ``resources/tenant/__init__.py``):
the group's acting-as options, ``get`` and ``state``; its subgroups are the modules beside
this one."""

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, execute, show
from kimono_interop.cli.commands._acting import (
    BearerTokenOpt,
    ClientIdOpt,
    ClientSecretOpt,
    TenantOpt,
    act_as,
)
from kimono_interop.cli.commands._common import STATE, TENANT, example, group, output
from kimono_interop.cli.commands.tenant import application, rollovers, schedules, scoping

app = group(
    "Act as one tenant (/tenant): its state, application, scoping, rollovers and schedules."
)


@app.callback(
    epilog=example(
        "kimono-interop tenant --tenant 'Clinton Unified School District #2' state",
        "kimono-interop tenant --client-id ID --client-secret SECRET rollovers list",
    )
)
def tenant_group(
    ctx: typer.Context,
    tenant: TenantOpt = None,
    client_id: ClientIdOpt = None,
    client_secret: ClientSecretOpt = None,
    bearer_token: BearerTokenOpt = None,
) -> None:
    """Act as one tenant: --tenant ID_OR_NAME (its own actor credentials, found with the API
    key), --client-id with --client-secret, or --bearer-token; given before the subcommand."""
    act_as(ctx, tenant, client_id, client_secret, bearer_token)


@app.command("get", epilog=example("kimono-interop tenant --tenant TENANT_ID get"))
def tenant_get(
    ctx: typer.Context,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show this tenant's TenantInfo."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.actor()).tenant.get(), out, TENANT)

    execute(ctx, action)


@app.command("state", epilog=example("kimono-interop tenant --tenant TENANT_ID state"))
def tenant_state(
    ctx: typer.Context,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show this tenant's state: rollover mode, sync suspended, setup mode, mass change."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.actor()).tenant.state(), out, STATE)

    execute(ctx, action)


app.add_typer(application.app, name="application")
app.add_typer(scoping.app, name="scoping")
app.add_typer(rollovers.app, name="rollovers")
app.add_typer(schedules.app, name="schedules")
