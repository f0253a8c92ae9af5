"""`easyclick2call sandbox`: run the local OVHcloud API sandbox in the foreground."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from easyclick2call.commands.exit_codes import EXIT_OK, EXIT_USAGE


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `sandbox` sub-command."""
    parser = subparsers.add_parser(
        "sandbox",
        help="run a local OVHcloud API sandbox (demo account) on loopback",
        description=(
            "Run a local emulator of the OVHcloud API routes EasyClick2Call uses, with a demo "
            "account. The first line printed is a JSON object with the endpoint and the demo "
            "credentials. Stops on Ctrl+C or SIGTERM."
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="loopback address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=0, help="TCP port; 0 picks a free one (default 0)"
    )
    parser.add_argument(
        "--state",
        metavar="FILE",
        default=None,
        help="JSON file that keeps the sandbox's account and calls between runs",
    )
    parser.set_defaults(handler=run_sandbox)


def run_sandbox(args: argparse.Namespace) -> int:
    """Serve until SIGINT/SIGTERM; the first stdout line is `info()` as JSON."""
    from easyclick2call.sandbox.server import NotLoopbackError, SandboxServer

    try:
        server = SandboxServer(host=args.host, port=args.port, state_file=args.state)
        server.start()
    except NotLoopbackError as exc:
        print(f"easyclick2call sandbox: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:
        print(f"easyclick2call sandbox: cannot start: {exc}", file=sys.stderr)
        return EXIT_USAGE
    stop = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(json.dumps(server.info()), flush=True)
        print(
            f"OVHcloud API sandbox listening on {server.endpoint} (Ctrl+C to stop)",
            file=sys.stderr,
            flush=True,
        )
        server.serve_until(stop)
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK
