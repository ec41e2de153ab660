"""``kimono-interop tenants``: your tenants with their actor credentials, and the fleet
overview (/tenants with the API key, as ``resources/tenants.py``)."""

from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, execute, show, show_listing
from kimono_interop.cli.commands._common import TENANT, example, group, output

app = group("Your tenants, with their actor credentials (/tenants, API key).")


@app.command(
    "list",
    epilog=example(
        "kimono-interop tenants list --integration roster-sync --fields id,name,license.status"
    ),
)
def tenants_list(
    ctx: typer.Context,
    account: p.AccountsOpt = None,
    integration: p.IntegrationsOpt = None,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every tenant, or those of some accounts or integrations.

    Each tenant comes with its actor credentials: the secrets show *** unless --show-secrets.
    """
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().tenants.list(
            accounts=account or None,
            integrations=integration or None,
            page_size=page_size,
            prefetch=prefetch,
        )
        await show_listing(pager, out, TENANT, limit=limit)

    execute(ctx, action, names={"accounts": "--account", "integrations": "--integration"})


@app.command("get", epilog=example("kimono-interop tenants get TENANT_ID --output json"))
def tenants_get(
    ctx: typer.Context,
    id: p.TenantId,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show one tenant, with its actor credentials (secrets masked unless --show-secrets)."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await s.developer().tenants.get(id), out, TENANT)

    execute(ctx, action)


def _overview_help() -> str:
    return (
        "One row per tenant: name, integration, license, op and setup state, sync suspended, "
        "rollover mode, application auth state and pending state, next rollover, pending "
        "ingestion, and why it needs attention.\n\n"
        "Tenants are read concurrently (--concurrency at a time, and at most that many requests "
        "in flight), each with its own actor credentials (one OAuth2 token per tenant). A tenant "
        "that fails keeps its row, with the error, and the exit code is then 1.\n\n"
        "--needs-attention keeps the tenants that need attention.\n\n" + p.ATTENTION_RULE
    )


@app.command(
    "overview",
    help=_overview_help(),
    epilog=example(
        "kimono-interop --sandbox tenants overview",
        "kimono-interop tenants overview --needs-attention --integration roster-sync",
        "kimono-interop tenants overview --output csv > tenants.csv",
    ),
)
def tenants_overview(
    ctx: typer.Context,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency",
            help="Tenants read at once, and the most requests in flight.",
            callback=p.positive,
        ),
    ] = p.DEFAULT_CONCURRENCY,
    needs_attention: Annotated[
        bool,
        typer.Option("--needs-attention", help="Only the tenants that need attention (see above)."),
    ] = False,
    integration: Annotated[
        list[str] | None,
        typer.Option(
            "--integration",
            help="Only tenants of this integration, by name or id (repeat for more).",
            show_default=False,
        ),
    ] = None,
    account: Annotated[
        list[str] | None,
        typer.Option(
            "--account",
            help="Only tenants of this account, by id or name (repeat for more).",
            show_default=False,
        ),
    ] = None,
    pending_older_than: Annotated[
        str,
        typer.Option(
            "--pending-older-than",
            help="A pending ingestion older than this needs attention: 30m, 24h, 7d.",
            callback=p.duration,
        ),
    ] = p.DEFAULT_PENDING_AGE,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> int:
        from kimono_interop.cli._overview import Filters, overview

        filters = Filters(
            integrations=integration or (),
            accounts=account or (),
            needs_attention=needs_attention,
            pending_older_than=p.parse_duration(pending_older_than),
        )
        return await overview(
            s, out, filters, concurrency=concurrency, page_size=page_size, prefetch=prefetch
        )

    execute(
        ctx,
        action,
        max_in_flight=concurrency,
        many_requests=True,
        names={"integrations": "--integration"},
    )
