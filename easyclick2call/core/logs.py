"""Logging to the profile's log folder, rotated, with phone numbers and secrets redacted.

Rules for every module: never log clipboard text (not even a piece of it: log its length if
anything), never log a secret, and pass phone numbers as arguments — the :class:`RedactingFilter`
masks them but for their last two digits ("+••••••••34"), masks every secret value registered
with :func:`register_secret` (SecretStore registers each value it reads or writes) and anything
that looks like an OVHcloud key (32 letters and digits), including in tracebacks.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from pathlib import Path

from easyclick2call.core.paths import Profile, ensure_dir, ensure_private_file

LOG_FILE_NAME = "easyclick2call.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
MASK = "•"
SECRET_MASK = "••••••••"
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_SEPARATORS = " .\\-\u00a0\u202f\u2009()"
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"  # 0-255, no leading zero
# An IPv4 address is kept as is; a phone-like run (6+ digits, maybe separated, maybe after +)
# is masked. The alternation order matters: addresses are tried first.
_NUMBER_OR_ADDRESS = re.compile(
    rf"(?P<ip>(?<![\d.]){_OCTET}(?:\.{_OCTET}){{3}}(?![\d.]))"
    rf"|(?P<number>(?:\+|(?<![\d+]))\d(?:[{_SEPARATORS}]{{0,2}}\d){{5,}})"
)
_KEY_LIKE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])")
MIN_SECRET_LENGTH = 6  # shorter values would mask ordinary words

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(value: str) -> None:
    """From now on, `value` is masked in every log line of this process."""
    value = (value or "").strip()
    if len(value) >= MIN_SECRET_LENGTH:
        with _secrets_lock:
            _secrets.add(value)


def _mask_number(match: re.Match[str]) -> str:
    if match.group("ip"):
        return match.group("ip")
    text = match.group("number")
    digits = [char for char in text if char.isdigit()]
    prefix = "+" if text.startswith("+") else ""
    return prefix + MASK * (len(digits) - 2) + "".join(digits[-2:])


def redact(text: str) -> str:
    """`text` with secrets, key-like tokens and phone numbers masked."""
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, SECRET_MASK)
    text = _KEY_LIKE.sub(SECRET_MASK, text)
    return _NUMBER_OR_ADDRESS.sub(_mask_number, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback) with :func:`redact`; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: log it rather than lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_HANDLER_MARK = "_easyclick2call_handler"


def setup_logging(profile: Profile, level: int | str = logging.INFO,
                  console: bool = False) -> Path:
    """Log to ``profile.log_dir/easyclick2call.log`` (1 MB × 3, redacted); returns the file.

    Calling it again replaces the handlers it installed before. With `console`, warnings and
    errors also go to stderr, redacted too."""
    log_dir = ensure_dir(profile.log_dir)
    path = log_dir / LOG_FILE_NAME
    ensure_private_file(path)  # user-only before logging opens it
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [file_handler]
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.WARNING)
        handlers.append(stream)
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(RedactingFilter())
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)
    root.setLevel(level)
    return path
