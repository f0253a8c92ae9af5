"""Turn what a background task raised into one sentence for the user (never a traceback)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from easyclick2call.ui.i18n import tr_error


def describe_error(exc: BaseException) -> str:
    """ApiError and SecretsError carry their own messages (with the fix), a number that
    cannot be called (core.numbers.NotCallableNumber) says why; others get a plain sentence
    naming only the kind of failure."""
    if callable(getattr(exc, "text", None)):
        return tr_error(exc)
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str) and reason:
        return reason
    return QCoreApplication.translate(
        "Settings", "Something went wrong ({kind}). Try again; if it persists, see the log."
    ).format(kind=type(exc).__name__)
