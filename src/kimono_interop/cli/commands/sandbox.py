"""``kimono-interop sandbox``: serve the local emulator of the API (no URL-tree node: the
``kimono_interop.sandbox`` package). The root group registers :func:`sandbox` with
:data:`EPILOG`."""

from typing import Annotated

import typer

from kimono_interop.cli import _params as p
from kimono_interop.cli.commands._common import example

EPILOG = example(
    "kimono-interop sandbox --port 8765 --seed 1",
    "kimono-interop sandbox --port 0 --tenants 20 --api-key dev-key",
)
"""The command's help epilog: its examples."""


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
