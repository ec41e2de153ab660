"""``kimono-interop ingestions``: data ingestions, every tenant's or one tenant's (/ingestions,
as ``resources/ingestions.py``)."""

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, execute, show, show_count, show_listing
from kimono_interop.cli.commands._acting import (
    BearerTokenOpt,
    ClientIdOpt,
    ClientSecretOpt,
    TenantOpt,
    act_as,
)
from kimono_interop.cli.commands._common import INGESTION, example, group, output

app = group(
    "Data ingestions (/ingestions): every tenant's with the API key, or one tenant's with "
    "--tenant, --client-id/--client-secret or --bearer-token."
)


@app.callback(
    epilog=example(
        "kimono-interop ingestions list", "kimono-interop ingestions --tenant TENANT_ID count"
    )
)
def ingestions_group(
    ctx: typer.Context,
    tenant: TenantOpt = None,
    client_id: ClientIdOpt = None,
    client_secret: ClientSecretOpt = None,
    bearer_token: BearerTokenOpt = None,
) -> None:
    """Data ingestions: with the API key, every tenant's; acting as a tenant, its own."""
    act_as(ctx, tenant, client_id, client_secret, bearer_token)


@app.command("list", epilog=example("kimono-interop ingestions list --limit 20"))
def ingestions_list(
    ctx: typer.Context,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every ingestion visible to the credentials in use."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = (await s.developer_or_actor()).ingestions.list(
            page_size=page_size, prefetch=prefetch
        )
        await show_listing(pager, out, INGESTION, limit=limit)

    execute(ctx, action)


@app.command("get", epilog=example("kimono-interop ingestions get INGESTION_ID"))
def ingestions_get(
    ctx: typer.Context,
    id: p.IngestionId,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show one ingestion."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await (await s.developer_or_actor()).ingestions.get(id), out, INGESTION)

    execute(ctx, action)


@app.command("count", epilog=example("kimono-interop ingestions count"))
def ingestions_count(ctx: typer.Context, fmt: p.OutputOpt = None) -> None:
    """How many ingestions 'list' would give."""
    out = output(fmt, None, False)

    async def action(s: Session) -> None:
        show_count(await (await s.developer_or_actor()).ingestions.count(), out)

    execute(ctx, action)
