"""``kimono-interop actors``: every cloud's actors (/actors, as ``resources/actors.py``)."""

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, execute, show_listing
from kimono_interop.cli.commands._common import ACTOR, example, group, output

app = group("Actors installed in Interop Clouds (/actors).")


@app.command("list", epilog=example("kimono-interop actors list --fields id,name,type"))
def actors_list(
    ctx: typer.Context,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every actor of the clouds of the accounts visible to you."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().actors.list(page_size=page_size, prefetch=prefetch)
        await show_listing(pager, out, ACTOR, limit=limit)

    execute(ctx, action)
