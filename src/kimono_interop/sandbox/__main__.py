"""``python -m kimono_interop.sandbox``: serve the sandbox until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Sequence
from typing import Any

from kimono_interop.sandbox.server import DEFAULT_HOST, run_sandbox


def parser() -> argparse.ArgumentParser:
    """The command line of the sandbox."""
    p = argparse.ArgumentParser(
        prog="python -m kimono_interop.sandbox",
        description="Serve a local emulator of the Kimono Interop API v2.",
    )
    p.add_argument(
        "--host", default=DEFAULT_HOST, help="address to listen on (default: %(default)s)"
    )
    p.add_argument(
        "--port", type=int, default=8765, help="port (0: any free one; default: %(default)s)"
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
        print("  control: /_sandbox/health, /_sandbox/knobs, /_sandbox/counters", flush=True)
        await asyncio.Event().wait()


def main(argv: Sequence[str] | None = None) -> int:
    """Parse `argv` and serve; 2 on bad arguments."""
    args = parser().parse_args(argv)
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve(args))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
