"""``kimono-interop integrations``: integrations, and ``integrations versions``: their versions
and XML blueprints (/integrations, as ``resources/integrations.py``)."""

from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Session, done, execute, show, show_listing
from kimono_interop.cli.commands._common import INTEGRATION, VERSION, example, group, output

app = group("Integrations, their versions and XML blueprints (/integrations).")
versions_app = group("An integration's versions and their XML blueprints.")
app.add_typer(versions_app, name="versions")


@app.command("list", epilog=example("kimono-interop integrations list --name roster-sync"))
def integrations_list(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Only the one with this name.", callback=p.text),
    ] = None,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every integration, or the one with this name."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().integrations.list(name=name, page_size=page_size, prefetch=prefetch)
        await show_listing(pager, out, INTEGRATION, limit=limit)

    execute(ctx, action)


@app.command("get", epilog=example("kimono-interop integrations get INTEGRATION_ID"))
def integrations_get(
    ctx: typer.Context,
    id: Annotated[str, p.id_argument("integration")],
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Show one integration."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        show(await s.developer().integrations.get(id), out, INTEGRATION)

    execute(ctx, action)


@app.command(
    "create",
    epilog=example("kimono-interop integrations create --name grade-pass --title 'Grade pass'"),
)
def integrations_create(
    ctx: typer.Context,
    name: p.NameOpt,
    title: p.TitleOpt = None,
    version: Annotated[
        str | None,
        typer.Option("--version", help="Its version string.", callback=p.text, show_default=False),
    ] = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Create an integration (exit code 5 when the name is taken); prints it."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        created = await s.developer().integrations.create(name=name, title=title, version=version)
        show(created, out, INTEGRATION)

    execute(ctx, action)


@app.command(
    "update", epilog=example("kimono-interop integrations update INTEGRATION_ID --title 'New'")
)
def integrations_update(
    ctx: typer.Context,
    id: Annotated[str, p.id_argument("integration")],
    name: p.OptionalNameOpt = None,
    title: p.TitleOpt = None,
    version: Annotated[
        str | None,
        typer.Option("--version", help="Its version string.", callback=p.text, show_default=False),
    ] = None,
) -> None:
    """Change an integration's name, title or version."""
    if name is None and title is None and version is None:
        raise typer.BadParameter("give at least one", param_hint="--name/--title/--version")

    async def action(s: Session) -> None:
        await s.developer().integrations.update(id, name=name, title=title, version=version)
        done(f"Updated integration {id}.")

    execute(ctx, action)


@app.command("delete", epilog=example("kimono-interop integrations delete INTEGRATION_ID"))
def integrations_delete(
    ctx: typer.Context, id: Annotated[str, p.id_argument("integration")]
) -> None:
    """Delete an integration (exit code 5 while it has tenants)."""

    async def action(s: Session) -> None:
        await s.developer().integrations.delete(id)
        done(f"Deleted integration {id}.")

    execute(ctx, action)


@versions_app.command(
    "list", epilog=example("kimono-interop integrations versions list INTEGRATION_ID")
)
def versions_list(
    ctx: typer.Context,
    integration_id: p.IntegrationId,
    page_size: p.PageSizeOpt = None,
    prefetch: p.PrefetchOpt = 1,
    limit: p.LimitOpt = None,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """List every version of one integration."""
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        pager = s.developer().integrations.versions.list(
            integration_id, page_size=page_size, prefetch=prefetch
        )
        await show_listing(pager, out, VERSION, limit=limit)

    execute(ctx, action)


@versions_app.command(
    "create",
    epilog=example("kimono-interop integrations versions create INTEGRATION_ID blueprint.xml"),
)
def versions_create(
    ctx: typer.Context,
    integration_id: p.IntegrationId,
    file: p.BlueprintArg,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Create a version from an XML blueprint file; prints it."""
    blueprint = p.read_blueprint(file)
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        created = await s.developer().integrations.versions.create(integration_id, blueprint)
        show(created, out, VERSION)

    execute(ctx, action)


@versions_app.command(
    "update",
    epilog=example(
        "kimono-interop integrations versions update INTEGRATION_ID 1.2.0 --release-state beta"
    ),
)
def versions_update(
    ctx: typer.Context,
    integration_id: p.IntegrationId,
    version: p.VersionArg,
    title: p.TitleOpt = None,
    release_state: Annotated[
        str | None,
        typer.Option(
            "--release-state",
            help="development, beta, released, deprecated (or another value the API knows).",
            callback=p.text,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Change a version's title or release state."""
    if title is None and release_state is None:
        raise typer.BadParameter("give at least one", param_hint="--title/--release-state")

    async def action(s: Session) -> None:
        await s.developer().integrations.versions.update(
            integration_id, version, title=title, release_state=release_state
        )
        done(f"Updated version {version} of integration {integration_id}.")

    execute(ctx, action)


@versions_app.command(
    "delete", epilog=example("kimono-interop integrations versions delete INTEGRATION_ID 1.2.0")
)
def versions_delete(
    ctx: typer.Context, integration_id: p.IntegrationId, version: p.VersionArg
) -> None:
    """Delete a version."""

    async def action(s: Session) -> None:
        await s.developer().integrations.versions.delete(integration_id, version)
        done(f"Deleted version {version} of integration {integration_id}.")

    execute(ctx, action)


@versions_app.command(
    "put-blueprint",
    epilog=example(
        "kimono-interop integrations versions put-blueprint INTEGRATION_ID 1.2.0 blueprint.xml"
    ),
)
def versions_put_blueprint(
    ctx: typer.Context,
    integration_id: p.IntegrationId,
    version: p.VersionArg,
    file: p.BlueprintArg,
    fmt: p.OutputOpt = None,
    fields: p.FieldsOpt = None,
    show_secrets: p.SecretsOpt = False,
) -> None:
    """Replace a version's XML blueprint with a file's; prints the version."""
    blueprint = p.read_blueprint(file)
    out = output(fmt, fields, show_secrets)

    async def action(s: Session) -> None:
        updated = await s.developer().integrations.versions.put_blueprint(
            integration_id, version, blueprint
        )
        show(updated, out, VERSION)

    execute(ctx, action)
