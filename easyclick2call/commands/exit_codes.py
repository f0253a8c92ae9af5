"""The exit codes every sub-command shares (documented in the README and docs/cli.md)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOT_CALLABLE = 3
EXIT_AUTH = 4
EXIT_NETWORK = 5
EXIT_CANCELLED = 130  # Ctrl+C (during `connect`)


def exit_code_for(error) -> int:
    """The exit code of an ovhapi ApiError, by its family (a server failure by default)."""
    return {
        "auth": EXIT_AUTH,
        "network": EXIT_NETWORK,
        "input": EXIT_USAGE,
        "number": EXIT_NOT_CALLABLE,
        "cancelled": EXIT_CANCELLED,
    }.get(error.family, EXIT_NETWORK)
