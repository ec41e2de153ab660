"""``kimono-interop clouds``: Interop Clouds and their actors (/clouds, as
``resources/clouds.py``)."""

from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, done, execute, show, show_listing
from kimono_interop.cli.commands._common import ACTOR, CLOUD, example, group, output

app = group("Interop Clouds and their actors (/clouds).")


@app.command("list", epilog=example("kimono-interop clouds list --limit 5 --output json"))
def clouds_list(
    ctx: typer.Context,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every cloud of the accounts visible to you."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().clouds.list(page_size=page_size, prefetch=prefetch)
        await show_listing(pager, out, CLOUD, limit=limit)

    execute(ctx, action)


@app.command(
    "search", epilog=example("kimono-interop clouds search --name 'Acme Learning Cloud 1'")
)
def clouds_search(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Exact name.", callback=p.text, show_default=False),
    ] = None,
    userdata: Annotated[
        str | None, typer.Option("--userdata", help="Exact userdata.", show_default=False)
    ] = None,
    generation: Annotated[
        int | None,
        typer.Option(
            "--generation", help="Generation.", callback=p.non_negative, show_default=False
        ),
    ] = None,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List the clouds matching every filter given."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().clouds.search(
            name=name,
            userdata=userdata,
            generation=generation,
            page_size=page_size,
            prefetch=prefetch,
        )
        await show_listing(pager, out, CLOUD, limit=limit)

    execute(ctx, action)


@app.command("get", epilog=example("kimono-interop clouds get CLOUD_ID --output json"))
def clouds_get(
    ctx: typer.Context,
    id: p.CloudId,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show one cloud."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await s.developer().clouds.get(id), out, CLOUD)

    execute(ctx, action)


@app.command(
    "create", epilog=example("kimono-interop clouds create --name 'Lab cloud' --generation 2")
)
def clouds_create(
    ctx: typer.Context,
    name: p.NameOpt,
    userdata: Annotated[
        str | None, typer.Option("--userdata", help="Free text kept with it.", show_default=False)
    ] = None,
    generation: Annotated[
        int | None,
        typer.Option(
            "--generation", help="Generation.", callback=p.non_negative, show_default=False
        ),
    ] = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Create a cloud; prints it."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        cloud = await s.developer().clouds.create(
            name=name, userdata=userdata, generation=generation
        )
        show(cloud, out, CLOUD)

    execute(ctx, action)


@app.command("delete", epilog=example("kimono-interop clouds delete CLOUD_ID"))
def clouds_delete(ctx: typer.Context, id: p.CloudId) -> None:
    """Delete a cloud (exit code 5 while tenants use it)."""

    async def action(s: Session) -> None:
        await s.developer().clouds.delete(id)
        done(f"Deleted cloud {id}.")

    execute(ctx, action)


@app.command(
    "actors", epilog=example("kimono-interop clouds actors CLOUD_ID --include-credentials")
)
def clouds_actors(
    ctx: typer.Context,
    id: p.CloudId,
    include_credentials: Annotated[
        bool,
        typer.Option(
            "--include-credentials",
            help="Ask for the actors' credentials too (secrets still masked unless "
            "--show-secrets).",
        ),
    ] = False,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List the actors of one cloud."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().clouds.actors(
            id, include_credentials=include_credentials, page_size=page_size, prefetch=prefetch
        )
        await show_listing(pager, out, ACTOR, limit=limit)

    execute(ctx, action)
