"""The commands of ``kimono-interop``: the root group (global options, ``--version``) and one
module per node of the API's URL tree, as the SDK's ``resources`` package has: a Typer group
per SDK namespace, a command per operation; ``tenant/`` holds the subgroups of ``tenant``.

Only Typer is imported at module level (``--help`` builds everything from here); each command
imports the SDK when it runs. The annotations are evaluated at definition time on purpose (no
``from __future__ import annotations``): Typer reads them, and the scoping commands are
defined in a factory.
"""

from typing import Annotated

import typer

from kimono_interop.cli import _codes
from kimono_interop.cli import _params as p
from kimono_interop.cli._runtime import Globals, State
from kimono_interop.cli.commands import (
    actors,
    clouds,
    ingestions,
    integrations,
    sandbox,
    tenant,
    tenants,
)
from kimono_interop.cli.commands._common import example

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


app.add_typer(actors.app, name="actors")
app.add_typer(clouds.app, name="clouds")
app.add_typer(integrations.app, name="integrations")
app.add_typer(tenants.app, name="tenants")
app.add_typer(tenant.app, name="tenant")
app.add_typer(ingestions.app, name="ingestions")
app.command("sandbox", epilog=sandbox.EPILOG)(sandbox.sandbox)
