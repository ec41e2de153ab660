"""The commands: one Typer group per SDK namespace, one command per operation.

Only Typer is imported at module level (``--help`` builds everything from here); each command
imports the SDK when it runs. The annotations are evaluated at definition time on purpose (no
``from __future__ import annotations``): the scoping commands are defined in a factory.
"""

import enum
import re
from typing import Annotated, Any

import typer

from kimono_interop.cli import _codes
from kimono_interop.cli import _params as p
from kimono_interop.cli._output import OutputOptions, View
from kimono_interop.cli._overview import ATTENTION_RULE, DEFAULT_CONCURRENCY, DEFAULT_PENDING_AGE
from kimono_interop.cli._runtime import (
    ActAs,
    CliError,
    Globals,
    Session,
    State,
    done,
    execute,
    show,
    show_count,
    show_listing,
    show_many,
    state_of,
)

# -- views: what each kind of record shows in a table or CSV by default ------------------------

CLOUD = View("cloud", ("id", "name", "generation", "userdata"))
ACTOR = View("actor", ("id", "name", "type", "auth.type", "auth.client_id"))
INTEGRATION = View("integration", ("id", "name", "title", "version"))
VERSION = View("version", ("id", "version", "title", "release_state"))
TENANT = View(
    "tenant",
    ("id", "name", "integration.name", "license.status", "status.op_state", "auth.type"),
)
STATE = View(
    "state",
    (
        "rollover_mode_enabled",
        "synchronization_suspended",
        "setup_mode_enabled",
        "mass_change_pending",
    ),
)
APPLICATION = View(
    "application",
    ("tenant_id", "auth_type", "auth_state", "auth_state_pending", "deliver_tasks"),
)
SCHOOL = View("school", ("id", "name", "school_ref_id", "local_id", "selected"))
COURSE = View("course", ("id", "name", "course_ref_id", "school_id", "selected"))
ROLLOVER = View("rollover", ("id", "name", "type", "status", "start_date", "end_date"))
SCHEDULE = View("schedule", ("id", "type", "enabled", "hour", "days", "last_executed_at"))
INGESTION = View("ingestion", ("id", "type", "state", "started_at", "has_pending_task"))


def example(*lines: str) -> str:
    """A command's help epilog: its examples."""
    body = "\n".join(f"  {line}" for line in lines)
    return f"Example{'s' if len(lines) > 1 else ''}:\n\n{body}"


def output(fmt: p.Format | None, fields: str | None, show_secrets: bool) -> OutputOptions:
    """The output options of a command."""
    return OutputOptions(fmt, fields, show_secrets)


ROOT_HELP = f"""The Kimono Interop API v2 from the shell, built on the kimono-interop SDK.

Try it with no account: kimono-interop --sandbox tenants overview

Credentials and host: --api-key and --base-url, else the KIMONO_API_KEY and KIMONO_BASE_URL
environment variables (nothing else is read). Commands under 'tenant' (and 'ingestions' when
asked) act as one tenant: --tenant ID_OR_NAME uses that tenant's own actor credentials (found
with the API key), or give --client-id and --client-secret, or --bearer-token.

Output: a table on a terminal, JSON Lines when piped; --output table|json|jsonl|csv and
--fields choose. Secrets show *** unless --show-secrets. Errors are one line on stderr;
--debug adds the traceback and the request log.

Exit codes:

{_codes.exit_code_lines()}
"""

app = typer.Typer(
    name="kimono-interop",
    help=ROOT_HELP,
    epilog=example(
        "kimono-interop --sandbox tenants overview",
        "kimono-interop clouds list --output json",
        "kimono-interop tenant --tenant 'Clinton Unified School District #2' schedules list",
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from kimono_interop._version import __version__

        typer.echo(f"kimono-interop {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            help="The developer API key (default: KIMONO_API_KEY; prefer the variable, as "
            "options show in the process list).",
            show_default=False,
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="The API host (default: KIMONO_BASE_URL, else https://api.us2.kimonocloud.com).",
            show_default=False,
        ),
    ] = None,
    sandbox: Annotated[
        bool,
        typer.Option(
            "--sandbox",
            help="Run the command against a seeded local sandbox, in this process (no account "
            "needed; needs kimono-interop\\[sandbox]).",
        ),
    ] = False,
    sandbox_seed: Annotated[
        int, typer.Option("--sandbox-seed", help="The seed of the --sandbox world.")
    ] = 1,
    sandbox_tenants: Annotated[
        int,
        typer.Option(
            "--sandbox-tenants", help="Tenants in the --sandbox world.", callback=p.positive
        ),
    ] = 300,
    timeout: Annotated[
        float | None,
        typer.Option("--timeout", help="Seconds each request may take.", show_default=False),
    ] = None,
    max_retries: Annotated[
        int | None,
        typer.Option(
            "--max-retries",
            help="Retries of a failed request (default: the SDK's, 2).",
            callback=p.non_negative,
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show tracebacks, and the SDK's request log (DEBUG) on stderr."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """The Kimono Interop API v2 from the shell."""
    if timeout is not None and not timeout > 0:
        raise typer.BadParameter(
            f"must be a positive number of seconds, got {timeout}", param_hint="--timeout"
        )
    ctx.obj = State(
        Globals(
            api_key=api_key,
            base_url=base_url,
            sandbox=sandbox,
            sandbox_seed=sandbox_seed,
            sandbox_tenants=sandbox_tenants,
            debug=debug,
            timeout=timeout,
            max_retries=max_retries,
        )
    )


def _group(help: str) -> typer.Typer:
    return typer.Typer(help=help, no_args_is_help=True, rich_markup_mode="rich")


# -- actors ---------------------------------------------------------------------------------------

actors_app = _group("Actors installed in Interop Clouds (/actors).")
app.add_typer(actors_app, name="actors")


@actors_app.command("list", epilog=example("kimono-interop actors list --fields id,name,type"))
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


# -- clouds ---------------------------------------------------------------------------------------

clouds_app = _group("Interop Clouds and their actors (/clouds).")
app.add_typer(clouds_app, name="clouds")


@clouds_app.command("list", epilog=example("kimono-interop clouds list --limit 5 --output json"))
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


@clouds_app.command(
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


@clouds_app.command("get", epilog=example("kimono-interop clouds get CLOUD_ID --output json"))
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


@clouds_app.command(
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


@clouds_app.command("delete", epilog=example("kimono-interop clouds delete CLOUD_ID"))
def clouds_delete(ctx: typer.Context, id: p.CloudId) -> None:
    """Delete a cloud (exit code 5 while tenants use it)."""

    async def action(s: Session) -> None:
        await s.developer().clouds.delete(id)
        done(f"Deleted cloud {id}.")

    execute(ctx, action)


@clouds_app.command(
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


# -- integrations ---------------------------------------------------------------------------------

integrations_app = _group("Integrations, their versions and XML blueprints (/integrations).")
app.add_typer(integrations_app, name="integrations")
versions_app = _group("An integration's versions and their XML blueprints.")
integrations_app.add_typer(versions_app, name="versions")


@integrations_app.command(
    "list", epilog=example("kimono-interop integrations list --name roster-sync")
)
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


@integrations_app.command("get", epilog=example("kimono-interop integrations get INTEGRATION_ID"))
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


@integrations_app.command(
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


@integrations_app.command(
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


@integrations_app.command(
    "delete", epilog=example("kimono-interop integrations delete INTEGRATION_ID")
)
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


# -- tenants ----------------------------------------------------------------------------------

tenants_app = _group("Your tenants, with their actor credentials (/tenants, API key).")
app.add_typer(tenants_app, name="tenants")


@tenants_app.command(
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


@tenants_app.command("get", epilog=example("kimono-interop tenants get TENANT_ID --output json"))
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
        "--needs-attention keeps the tenants that need attention.\n\n" + ATTENTION_RULE
    )


@tenants_app.command(
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
    ] = DEFAULT_CONCURRENCY,
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
    ] = DEFAULT_PENDING_AGE,
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


# -- acting as a tenant ---------------------------------------------------------------------------

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


def _act_as(
    ctx: typer.Context,
    tenant: str | None,
    client_id: str | None,
    client_secret: str | None,
    bearer_token: str | None,
) -> None:
    act = ActAs(tenant, client_id, client_secret, bearer_token)
    if not ctx.resilient_parsing:
        act.check()
    state_of(ctx).act_as = act


tenant_app = _group(
    "Act as one tenant (/tenant): its state, application, scoping, rollovers and schedules."
)
app.add_typer(tenant_app, name="tenant")


@tenant_app.callback(
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
    _act_as(ctx, tenant, client_id, client_secret, bearer_token)


@tenant_app.command("get", epilog=example("kimono-interop tenant --tenant TENANT_ID get"))
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


@tenant_app.command("state", epilog=example("kimono-interop tenant --tenant TENANT_ID state"))
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


# -- tenant application -------------------------------------------------------------------------

application_app = _group("The tenant's application and its auth setup (/tenant/application).")
tenant_app.add_typer(application_app, name="application")


@application_app.command(
    "get", epilog=example("kimono-interop tenant --tenant TENANT_ID application get")
)
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


@application_app.command(
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


# -- tenant scoping: schools and courses --------------------------------------------------------

scoping_app = _group("The schools and courses that scope the tenant (/tenant/scoping).")
tenant_app.add_typer(scoping_app, name="scoping")

ItemsJsonOpt = Annotated[
    str | None,
    typer.Option(
        "--json",
        help="The items as JSON: an object, an array of objects, or JSON Lines.",
        show_default=False,
    ),
]
ItemsFileOpt = Annotated[
    str | None,
    typer.Option(
        "--file",
        help="A file of JSON (an object, an array, or JSON Lines); '-' for standard input.",
        show_default=False,
    ),
]
ItemNamesOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--name", help="An item with only this name (repeat for more).", show_default=False
    ),
]


def _scoping_group(kind: str, view: View, id_type: Any) -> typer.Typer:
    """The commands of ``tenant scoping schools`` or ``tenant scoping courses``."""
    singular = view.noun
    group = _group(f"Scoping {kind} (/tenant/scoping/{kind}).")
    names = {"items": "--json/--file/--name", "item": "--json/--file/--name"}
    base = f"kimono-interop tenant --tenant TENANT_ID scoping {kind}"

    def namespace(client: Any) -> Any:
        return getattr(client.tenant.scoping, kind)

    def inputs(items: list[dict[str, Any]]) -> list[Any]:
        from kimono_interop.models import ScopingCourseInput, ScopingSchoolInput

        model: Any = ScopingSchoolInput if kind == "schools" else ScopingCourseInput
        checked = []
        for index, item in enumerate(items):
            try:
                checked.append(model.from_dict(item))
            except ValueError as exc:
                raise CliError(
                    _codes.USAGE, f"invalid value for --json/--file/--name: item {index}: {exc}"
                ) from None
        return checked

    @group.command("list", epilog=example(f"{base} list"))
    def list_(
        ctx: typer.Context,
        page_size: p.PageSizeOpt = None,
        prefetch: p.PrefetchOpt = 1,
        limit: p.LimitOpt = None,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            pager = namespace(await s.actor()).list(page_size=page_size, prefetch=prefetch)
            await show_listing(pager, out, view, limit=limit)

        execute(ctx, action)

    list_.__doc__ = f"List every {singular} scoping the tenant."

    @group.command("get", epilog=example(f"{base} get {singular.upper()}_ID"))
    def get(
        ctx: typer.Context,
        id: id_type,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            show(await namespace(await s.actor()).get(id), out, view)

        execute(ctx, action)

    get.__doc__ = f"Show one scoping {singular}."

    @group.command(
        "create",
        epilog=example(
            f"{base} create --append --name 'Lincoln High School'",
            f"{base} create --file {kind}.json",
        ),
    )
    def create(
        ctx: typer.Context,
        json_text: ItemsJsonOpt = None,
        file: ItemsFileOpt = None,
        name: ItemNamesOpt = None,
        replace: Annotated[
            bool,
            typer.Option(
                "--replace/--append",
                help=f"Replace every existing {singular} (the API's default) or append.",
            ),
        ] = True,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        items = p.json_objects(json_text, file, name or [], options="--json/--file/--name")
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            checked = inputs(items)
            created = await namespace(await s.actor()).create(checked, replace=replace)
            show_many(created, out, view)

        execute(ctx, action, names=names)

    create.__doc__ = (
        f"Add {kind} (each needs a name): replacing every existing one (--replace, the "
        "default) or appending (--append); prints what was created."
    )

    @group.command(
        "update",
        epilog=example(f'{base} update {singular.upper()}_ID --json \'{{"name": "New"}}\''),
    )
    def update(
        ctx: typer.Context,
        id: id_type,
        json_text: ItemsJsonOpt = None,
        file: ItemsFileOpt = None,
        name: Annotated[
            str | None,
            typer.Option(
                "--name", help="Only a name (the other fields are cleared).", show_default=False
            ),
        ] = None,
        fmt: p.OutputOpt = None,
        fields: p.FieldsOpt = None,
        show_secrets: p.SecretsOpt = False,
    ) -> None:
        items = p.json_objects(
            json_text, file, [name] if name else [], options="--json/--file/--name"
        )
        if len(items) != 1:
            raise typer.BadParameter(
                f"give exactly one {singular}, got {len(items)}", param_hint="--json/--file/--name"
            )
        out = output(fmt, fields, show_secrets)

        async def action(s: Session) -> None:
            checked = inputs(items)[0]
            show(await namespace(await s.actor()).update(id, checked), out, view)

        execute(ctx, action, names=names)

    update.__doc__ = f"Replace one {singular} with the one given; prints it."

    @group.command("delete", epilog=example(f"{base} delete {singular.upper()}_ID"))
    def delete(ctx: typer.Context, id: id_type) -> None:
        async def action(s: Session) -> None:
            await namespace(await s.actor()).delete(id)
            done(f"Deleted {singular} {id}.")

        execute(ctx, action)

    delete.__doc__ = f"Delete one {singular}."

    @group.command("clear", epilog=example(f"{base} clear"))
    def clear(ctx: typer.Context) -> None:
        async def action(s: Session) -> None:
            await namespace(await s.actor()).clear()
            done(f"Deleted every {singular}.")

        execute(ctx, action)

    clear.__doc__ = f"Delete every {singular}."
    return group


scoping_app.add_typer(_scoping_group("schools", SCHOOL, p.SchoolId), name="schools")
scoping_app.add_typer(_scoping_group("courses", COURSE, p.CourseId), name="courses")


# -- tenant rollovers ---------------------------------------------------------------------------

rollovers_app = _group("The tenant's school-year rollovers (/tenant/rollovers).")
tenant_app.add_typer(rollovers_app, name="rollovers")
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


@rollovers_app.command(
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


@rollovers_app.command(
    "count", epilog=example("kimono-interop tenant -t TENANT_ID rollovers count")
)
def rollovers_count(ctx: typer.Context, fmt: p.OutputOpt = None) -> None:
    """How many rollovers the tenant has."""
    out = output(fmt, None, False)

    async def action(s: Session) -> None:
        show_count(await (await s.actor()).tenant.rollovers.count(), out)

    execute(ctx, action)


@rollovers_app.command(
    "get", epilog=example("kimono-interop tenant -t TENANT_ID rollovers get ROLLOVER_ID")
)
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


@rollovers_app.command(
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


@rollovers_app.command(
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


@rollovers_app.command(
    "delete", epilog=example("kimono-interop tenant -t TENANT_ID rollovers delete ROLLOVER_ID")
)
def rollovers_delete(ctx: typer.Context, id: p.RolloverId) -> None:
    """Delete a rollover (exit code 5 when it is active)."""

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.rollovers.delete(id)
        done(f"Deleted rollover {id}.")

    execute(ctx, action)


# -- tenant schedules ----------------------------------------------------------------------------

schedules_app = _group("The tenant's collection schedules (/tenant/schedules).")
tenant_app.add_typer(schedules_app, name="schedules")


@schedules_app.command("list", epilog=example("kimono-interop tenant -t TENANT_ID schedules list"))
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


@schedules_app.command(
    "count", epilog=example("kimono-interop tenant -t TENANT_ID schedules count")
)
def schedules_count(ctx: typer.Context, fmt: p.OutputOpt = None) -> None:
    """How many schedules the tenant has."""
    out = output(fmt, None, False)

    async def action(s: Session) -> None:
        show_count(await (await s.actor()).tenant.schedules.count(), out)

    execute(ctx, action)


@schedules_app.command(
    "get", epilog=example("kimono-interop tenant -t TENANT_ID schedules get SCHEDULE_ID")
)
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


@schedules_app.command(
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


@schedules_app.command(
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


@schedules_app.command(
    "run", epilog=example("kimono-interop tenant -t TENANT_ID schedules run SCHEDULE_ID")
)
def schedules_run(ctx: typer.Context, id: p.ScheduleId) -> None:
    """Queue a run now (exit code 5 when paused or an ingestion is pending)."""

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.schedules.run(id)
        done(f"Queued a run of schedule {id}.")

    execute(ctx, action)


@schedules_app.command(
    "delete", epilog=example("kimono-interop tenant -t TENANT_ID schedules delete SCHEDULE_ID")
)
def schedules_delete(ctx: typer.Context, id: p.ScheduleId) -> None:
    """Delete a schedule."""

    async def action(s: Session) -> None:
        await (await s.actor()).tenant.schedules.delete(id)
        done(f"Deleted schedule {id}.")

    execute(ctx, action)


# -- ingestions -----------------------------------------------------------------------------------

ingestions_app = _group(
    "Data ingestions (/ingestions): every tenant's with the API key, or one tenant's with "
    "--tenant, --client-id/--client-secret or --bearer-token."
)
app.add_typer(ingestions_app, name="ingestions")


@ingestions_app.callback(
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
    _act_as(ctx, tenant, client_id, client_secret, bearer_token)


@ingestions_app.command("list", epilog=example("kimono-interop ingestions list --limit 20"))
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


@ingestions_app.command("get", epilog=example("kimono-interop ingestions get INGESTION_ID"))
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


@ingestions_app.command("count", epilog=example("kimono-interop ingestions count"))
def ingestions_count(ctx: typer.Context, fmt: p.OutputOpt = None) -> None:
    """How many ingestions 'list' would give."""
    out = output(fmt, None, False)

    async def action(s: Session) -> None:
        show_count(await (await s.developer_or_actor()).ingestions.count(), out)

    execute(ctx, action)


# -- the sandbox ----------------------------------------------------------------------------------


@app.command(
    "sandbox",
    epilog=example(
        "kimono-interop sandbox --port 8765 --seed 1",
        "kimono-interop sandbox --port 0 --tenants 20 --api-key dev-key",
    ),
)
def sandbox(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port (0: any free one).", callback=p.non_negative)
    ] = 8765,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated data.")] = 1,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            help="The developer API key (default: a new one, printed).",
            show_default=False,
        ),
    ] = None,
    tenants: Annotated[
        int, typer.Option("--tenants", help="How many tenants to seed.", callback=p.non_negative)
    ] = 300,
    latency: Annotated[
        float, typer.Option("--latency", help="Seconds added to every request.")
    ] = 0.0,
    token_lifetime: Annotated[
        float, typer.Option("--token-lifetime", help="OAuth2 token lifetime, seconds.")
    ] = 3600.0,
    max_page_size: Annotated[
        int, typer.Option("--max-page-size", help="Cap on items per page.", callback=p.positive)
    ] = 100,
    rate_limit_every: Annotated[
        int | None,
        typer.Option(
            "--rate-limit-every",
            help="Answer every Nth request with 429.",
            callback=p.positive,
            show_default=False,
        ),
    ] = None,
    retry_after: Annotated[
        float, typer.Option("--retry-after", help="Retry-After seconds on 429 and 503.")
    ] = 1.0,
    no_paging: Annotated[
        bool, typer.Option("--no-paging", help="Omit paging.next from list responses.")
    ] = False,
) -> None:
    """Serve the local emulator of the API until interrupted (as python -m
    kimono_interop.sandbox); prints its URL and API key. Needs kimono-interop\\[sandbox]."""
    argv = ["--host", host, "--port", str(port), "--seed", str(seed), "--tenants", str(tenants)]
    argv += ["--latency", str(latency), "--token-lifetime", str(token_lifetime)]
    argv += ["--max-page-size", str(max_page_size), "--retry-after", str(retry_after)]
    if api_key is not None:
        argv += ["--api-key", api_key]
    if rate_limit_every is not None:
        argv += ["--rate-limit-every", str(rate_limit_every)]
    if no_paging:
        argv.append("--no-paging")
    from kimono_interop.sandbox.__main__ import main as serve

    code = serve(argv)
    if code:
        raise typer.Exit(code)
