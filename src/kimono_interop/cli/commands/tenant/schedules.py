"""``kimono-interop tenant schedules``: the tenant's collection schedules (/tenant/schedules,
as ``resources/tenant/schedules.py``)."""

from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, done, execute, show, show_count, show_listing
from kimono_interop.cli.commands._common import SCHEDULE, example, group, output

app = group("The tenant's collection schedules (/tenant/schedules).")


@app.command("list", epilog=example("kimono-interop tenant -t TENANT_ID schedules list"))
def schedules_list(
    ctx: typer.Context,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every schedule of the tenant."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = (await s.actor()).tenant.schedules.list(page_size=page_size, prefetch=prefetch)
        await show_listing(pager, out, SCHEDULE, limit=limit)

    execute(ctx, action)


@app.command("count", epilog=example("kimono-interop tenant -t TENANT_ID schedules count"))
def schedules_count(ctx: typer.Context, fmt: p.OutputOpt = None) -> None:
    """How many schedules the tenant has."""
    out = output(fmt, None, False)

    async def action(s: Session) -> None:
        show_count(await (await s.actor()).tenant.schedules.count(), out)

    execute(ctx, action)


@app.command("get", epilog=example("kimono-interop tenant -t TENANT_ID schedules get SCHEDULE_ID"))
def schedules_get(
    ctx: typer.Context,
    id: p.ScheduleId,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show one schedule."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.actor()).tenant.schedules.get(id), out, SCHEDULE)

    execute(ctx, action)


@app.command(
    "create", epilog=example("kimono-interop tenant -t TENANT_ID schedules create --hour 3")
)
def schedules_create(
    ctx: typer.Context,
    hour: p.HourOpt,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Create a daily collection schedule at an hour (UTC); prints it."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.actor()).tenant.schedules.create(hour=hour), out, SCHEDULE)

    execute(ctx, action)


@app.command(
    "update",
    epilog=example("kimono-interop tenant -t TENANT_ID schedules update SCHEDULE_ID --disabled"),
)
def schedules_update(
    ctx: typer.Context,
    id: p.ScheduleId,
    enabled: Annotated[
        bool | None,
        typer.Option(
            "--enabled/--disabled", help="Resume or pause it (required).", show_default=False
        ),
    ] = None,
) -> None:
    """Pause (--disabled) or resume (--enabled) a schedule: the only change the API allows."""
    if enabled is None:
        raise typer.BadParameter("give --enabled or --disabled", param_hint="--enabled/--disabled")

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.schedules.update(id, enabled=enabled)
        done(f"{'Resumed' if enabled else 'Paused'} schedule {id}.")

    execute(ctx, action)


@app.command("run", epilog=example("kimono-interop tenant -t TENANT_ID schedules run SCHEDULE_ID"))
def schedules_run(ctx: typer.Context, id: p.ScheduleId) -> None:
    """Queue a run now (exit code 5 when paused or an ingestion is pending)."""

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.schedules.run(id)
        done(f"Queued a run of schedule {id}.")

    execute(ctx, action)


@app.command(
    "delete", epilog=example("kimono-interop tenant -t TENANT_ID schedules delete SCHEDULE_ID")
)
def schedules_delete(ctx: typer.Context, id: p.ScheduleId) -> None:
    """Delete a schedule."""

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.schedules.delete(id)
        done(f"Deleted schedule {id}.")

    execute(ctx, action)
