"""``kimono-interop tenant rollovers``: the tenant's school-year rollovers (/tenant/rollovers,
as ``resources/tenant/rollovers.py``)."""

import re
from typing import Annotated, Any

import typer

from kimono_interop.cli import _codes
from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import (
    CliError,
    Session,
    done,
    execute,
    show,
    show_count,
    show_listing,
)
from kimono_interop.cli.commands._common import ROLLOVER, example, group, output

app = group("The tenant's school-year rollovers (/tenant/rollovers).")

RolloverTypeOpt = Annotated[
    str,
    typer.Option("--type", help="The rollover's type (the docs show new_year).", callback=p.text),
]
RolloverStatusOpt = Annotated[
    str,
    typer.Option(
        "--status",
        help="Its status: upcoming, active, completed, cancelled, failed.",
        callback=p.text,
    ),
]
_SORT = re.compile(r"-?[A-Za-z_][A-Za-z0-9_.]*")
MetadataOpt = Annotated[
    str | None,
    typer.Option("--metadata", help="Metadata as a JSON object.", show_default=False),
]


def _metadata(text: str | None) -> Any:
    """Rollover metadata from JSON, checked as the SDK will (before any request)."""
    if text is None:
        return None
    data = p.json_object(text, "--metadata")
    from kimono_interop.models import RolloverMetadata

    try:
        return RolloverMetadata.from_dict(data)
    except ValueError as exc:
        raise CliError(_codes.USAGE, f"invalid value for --metadata: {exc}") from None


@app.command(
    "list", epilog=example("kimono-interop tenant -t TENANT_ID rollovers list --sort -start_date")
)
def rollovers_list(
    ctx: typer.Context,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            help="Sort by this field ('-' first: descending).",
            callback=p.text,
            show_default=False,
        ),
    ] = None,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every rollover of the tenant."""
    if sort is not None and not _SORT.fullmatch(sort):
        raise typer.BadParameter(
            f"{sort!r} is not a field name (optionally with '-' first)", param_hint="--sort"
        )
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = (await s.actor()).tenant.rollovers.list(
            sort=sort, page_size=page_size, prefetch=prefetch
        )
        await show_listing(pager, out, ROLLOVER, limit=limit)

    execute(ctx, action)


@app.command("count", epilog=example("kimono-interop tenant -t TENANT_ID rollovers count"))
def rollovers_count(ctx: typer.Context, fmt: p.OutputOpt = None) -> None:
    """How many rollovers the tenant has."""
    out = output(fmt, None, False)

    async def action(s: Session) -> None:
        show_count(await (await s.actor()).tenant.rollovers.count(), out)

    execute(ctx, action)


@app.command("get", epilog=example("kimono-interop tenant -t TENANT_ID rollovers get ROLLOVER_ID"))
def rollovers_get(
    ctx: typer.Context,
    id: p.RolloverId,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show one rollover."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.actor()).tenant.rollovers.get(id), out, ROLLOVER)

    execute(ctx, action)


@app.command(
    "create",
    epilog=example(
        "kimono-interop tenant -t TENANT_ID rollovers create --type new_year --status upcoming "
        "--cloud-id CLOUD_ID"
    ),
)
def rollovers_create(
    ctx: typer.Context,
    type: RolloverTypeOpt,
    status: RolloverStatusOpt,
    cloud_id: p.CloudIdOpt,
    actor_id: p.ActorIdOpt = None,
    metadata: MetadataOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Create a rollover; the service derives its name and dates (exit code 5 when it overlaps
    another); prints it."""
    if metadata is not None:
        p.json_object(metadata, "--metadata")
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        meta = _metadata(metadata)
        created = await (await s.actor()).tenant.rollovers.create(
            type=type, status=status, cloud_id=cloud_id, actor_id=actor_id, metadata=meta
        )
        show(created, out, ROLLOVER)

    execute(ctx, action)


@app.command(
    "update",
    epilog=example(
        "kimono-interop tenant -t TENANT_ID rollovers update ROLLOVER_ID --type new_year "
        "--status cancelled --cloud-id CLOUD_ID"
    ),
)
def rollovers_update(
    ctx: typer.Context,
    id: p.RolloverId,
    type: RolloverTypeOpt,
    status: RolloverStatusOpt,
    cloud_id: p.CloudIdOpt,
    actor_id: p.ActorIdOpt = None,
    metadata: MetadataOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Replace a rollover (exit code 5 when it would overlap another); prints it."""
    out = output(fmt, fields, show_secrets)
    if metadata is not None:
        p.json_object(metadata, "--metadata")

    async def action(s: Session) -> None:
        meta = _metadata(metadata)
        updated = await (await s.actor()).tenant.rollovers.update(
            id, type=type, status=status, cloud_id=cloud_id, actor_id=actor_id, metadata=meta
        )
        show(updated, out, ROLLOVER)

    execute(ctx, action)


@app.command(
    "delete", epilog=example("kimono-interop tenant -t TENANT_ID rollovers delete ROLLOVER_ID")
)
def rollovers_delete(ctx: typer.Context, id: p.RolloverId) -> None:
    """Delete a rollover (exit code 5 when it is active)."""

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.rollovers.delete(id)
        done(f"Deleted rollover {id}.")

    execute(ctx, action)
