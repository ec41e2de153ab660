"""``python -m kimono_interop.sandbox``: serve the sandbox until interrupted.

Exit status: 0 when interrupted, 1 when it cannot listen (``port N is already in use on HOST``),
2 on bad arguments or when the ``sandbox`` extra is not installed; each error is one line on
stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence
from typing import Any

from kimono_interop.sandbox._extra import SandboxUnavailableError

DEFAULT_PORT = 8765


def parser(default_host: str) -> argparse.ArgumentParser:
    """The command line of the sandbox."""
    p = argparse.ArgumentParser(
        prog="python -m kimono_interop.sandbox",
        description="Serve a local emulator of the Kimono Interop API v2.",
    )
    p.add_argument(
        "--host", default=default_host, help="address to listen on (default: %(default)s)"
    )
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="port (0: any free one; default: %(default)s)",
    )
    p.add_argument(
        "--seed", type=int, default=1, help="seed of the generated data (default: %(default)s)"
    )
    p.add_argument("--api-key", help="the developer API key (default: a new random one, printed)")
    p.add_argument(
        "--tenants", type=int, default=300, help="how many tenants to seed (default: %(default)s)"
    )
    p.add_argument("--latency", type=float, default=0.0, help="seconds added to every request")
    p.add_argument(
        "--token-lifetime", type=float, default=3600.0, help="OAuth2 token lifetime, seconds"
    )
    p.add_argument("--max-page-size", type=int, default=100, help="cap on items per page")
    p.add_argument("--rate-limit-every", type=int, help="answer every Nth request with 429")
    p.add_argument("--retry-after", type=float, default=1.0, help="Retry-After seconds on 429/503")
    p.add_argument("--no-paging", action="store_true", help="omit paging.next from list responses")
    return p


def knobs_from(args: argparse.Namespace) -> dict[str, Any]:
    """The start-time knobs the arguments set."""
    return {
        "latency": args.latency,
        "token_lifetime": args.token_lifetime,
        "max_page_size": args.max_page_size,
        "rate_limit_every": args.rate_limit_every,
        "retry_after": args.retry_after,
        "paging": "none" if args.no_paging else "next",
    }


async def serve(args: argparse.Namespace) -> None:
    """Serve until cancelled, after printing where and with which key."""
    from kimono_interop.sandbox.server import run_sandbox

    async with run_sandbox(
        seed=args.seed,
        api_key=args.api_key,
        tenants=args.tenants,
        host=args.host,
        port=args.port,
        **knobs_from(args),
    ) as sandbox:
        print(f"Kimono Interop sandbox at {sandbox.base_url} (seed {args.seed})", flush=True)
        print(f"  KIMONO_BASE_URL={sandbox.base_url}", flush=True)
        print(f"  KIMONO_API_KEY={sandbox.api_key}", flush=True)
        print(
            "  control: /_sandbox/health, /_sandbox/knobs, /_sandbox/counters, "
            "/_sandbox/clock, /_sandbox/reset",
            flush=True,
        )
        await asyncio.Event().wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Parse `argv` and serve; 1 when it cannot listen, 2 on bad arguments or no extra."""
    try:
        from kimono_interop.sandbox import run_sandbox  # noqa: F401 - raises when no extra
    except SandboxUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from kimono_interop.sandbox.server import DEFAULT_HOST, ListenError

    args = parser(DEFAULT_HOST).parse_args(argv)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve(args))
    except ListenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
