"""`easyclick2call events`: follow the live-event stream, one line per event (scripts and
troubleshooting).

The stream's token comes from the profile's keyring when it has one for the same lines, else
a new one is made (and kept there); `--all-lines` follows every line of the billing account
(its token) instead of the configured line (the line's own token). Runs until Ctrl+C, or
until `--count` events were printed. With `--json`, each line is the event as the stream sent
it, its `Token` masked.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading

from easyclick2call.commands.api import (
    _common,
    _pick_billing_account,
    _pick_line,
    _run,
    _telephony,
    load_config,
)
from easyclick2call.commands.exit_codes import EXIT_OK
from easyclick2call.commands.translation import cli_text, translate


class _MemorySecrets:
    """The token's home when the profile has no keyring entry of its own (environment only)."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def get(self, name: str) -> str:
        return self._values.get(name, "")

    def set(self, name: str, value: str) -> None:
        self._values[name] = value

    def delete(self, name: str) -> None:
        self._values.pop(name, None)


def format_event(event, as_json: bool) -> str:
    """One output line for a core.line_events.LineEvent."""
    from easyclick2call.core.line_events import e164

    if as_json:
        raw = dict(event.raw)
        if "Token" in raw:
            raw["Token"] = "***"
        return json.dumps(raw, ensure_ascii=False, sort_keys=True)
    parts = [event.raw.get("Date") or f"{event.at:.3f}", e164(event.line), event.event]
    if event.call_id:
        arrow = {"incoming": "←", "outgoing": "→"}.get(event.direction, "·")
        parts += [f"{arrow} {e164(event.remote)}" if event.remote else arrow, event.call_id]
    return "  ".join(parts)


def cmd_events(args: argparse.Namespace) -> int:
    from easyclick2call.core.event_stream import CONNECTED, RECONNECTING, TOKEN_FAILED, EventStream
    from easyclick2call.core.secrets import SecretStore
    from easyclick2call.ovhapi.client import make_client
    from easyclick2call.ovhapi.event_tokens import (
        EventTokens,
        TokenKeeper,
        TokenScope,
        events_url,
    )

    config = load_config(args)
    telephony = _telephony(config)
    billing_account = _pick_billing_account(config, telephony)
    line = None if args.all_lines else _pick_line(config, telephony, billing_account)
    stored = config.profile is not None and bool(config.stored_application_key or
                                                 config.values.get("client_id"))
    secrets = SecretStore(config.profile.keyring_service) if stored else _MemorySecrets()
    keeper = TokenKeeper(EventTokens(make_client(config.identity())),
                         TokenScope(billing_account, line), secrets)
    keeper.current()  # fails here, with its message and exit code, when no token can be had
    done = threading.Event()
    printed = 0
    lock = threading.Lock()

    def on_events(events) -> None:
        nonlocal printed
        with lock:
            for event in events:
                if done.is_set():
                    return
                print(format_event(event, args.json), flush=True)
                printed += 1
                if args.count and printed >= args.count:
                    done.set()

    last_status = [""]

    def on_status(status: str, detail: object) -> None:
        if status == last_status[0]:
            return
        last_status[0] = status
        if status == RECONNECTING:
            print(translate("Cli", "Connection lost; reconnecting…"),
                  file=sys.stderr, flush=True)
        elif status == TOKEN_FAILED:
            said = callable(getattr(detail, "text", None))
            text = cli_text(detail) if said else type(detail).__name__  # type: ignore[arg-type]
            print(f"easyclick2call: {text}", file=sys.stderr, flush=True)
        elif status == CONNECTED and not args.json:
            print(translate("Cli", "Following live events (Ctrl+C to stop)…"),
                  file=sys.stderr, flush=True)

    stream = EventStream(events_url(config.endpoint), keeper.current, on_events,
                         on_status=on_status)
    stream.start()
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stream.stop()
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `events`."""
    events = subparsers.add_parser(
        "events",
        parents=[_common()],
        help="follow the line's live call events (one line per event)",
        description=(
            "Follow OVHcloud's live-event stream for the configured line (or, with --all-lines, "
            "every line of the billing account) and print one line per event until Ctrl+C."
        ),
    )
    events.add_argument("--all-lines", action="store_true",
                        help="every line of the billing account (its token)")
    events.add_argument("--count", type=int, default=0, metavar="N",
                        help="stop after N events (0: never)")
    events.set_defaults(handler=_run(cmd_events))
