"""Logs: rotated files in the profile, numbers masked but for two digits, secrets never written."""

from __future__ import annotations

import logging
import re
import stat
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from easyclick2call.core.logs import (
    BACKUP_COUNT,
    LOG_FILE_NAME,
    RedactingFilter,
    redact,
    register_secret,
    setup_logging,
)
from easyclick2call.core.paths import resolve_profile

CONSUMER_KEY = "MtSwSrPpNjqfVSmJhLbPyr2i45lSwPU1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("calling +33 1 99 00 12 34", "calling +•••••••••34"),
        ("calling +33199001234", "calling +•••••••••34"),
        ("national 01 99 00 12 34", "national ••••••••34"),
        ("dots 01.99.00.12.34 dashes 01-99-00-12-34", "dots ••••••••34 dashes ••••••••34"),
        ("ovh format 0033199001234", "ovh format •••••••••••34"),
        ("with (0) +33 (0)1 99 00 12 34", "with (0) +••••••••••34"),
        ("narrow\u202fspaces 01\u202f99\u202f00\u202f12\u202f34", "narrow\u202fspaces ••••••••34"),
        ("short 12345 and id 42 stay", "short 12345 and id 42 stay"),
        ("sandbox http://127.0.0.1:8080/1.0 stays", "sandbox http://127.0.0.1:8080/1.0 stays"),
        (f"ck={CONSUMER_KEY}", "ck=••••••••"),
    ],
)
def test_redaction(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_registered_secrets_are_masked_anywhere() -> None:
    register_secret("pa$$w0rd-of-mine")
    register_secret("abc")  # too short to mask without masking ordinary words
    assert redact("login failed for pa$$w0rd-of-mine!") == "login failed for ••••••••!"
    assert redact("abc") == "abc"


def test_filter_rewrites_message_args_and_traceback() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "call %s with %s failed",
                               ("+33199001234", CONSUMER_KEY), None)
    try:
        raise ValueError(f"bad key {CONSUMER_KEY} for +33199001234")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert RedactingFilter().filter(record)
    text = logging.Formatter().format(record)
    assert CONSUMER_KEY not in text and "+33199001234" not in text
    assert "+•••••••••34" in text and "ValueError" in text


@pytest.fixture
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_setup_logging_writes_a_private_redacted_file(profile_dir: Path,
                                                      restore_root_logger) -> None:
    profile = resolve_profile(str(profile_dir))
    path = setup_logging(profile, logging.DEBUG)
    assert path == profile.log_dir / LOG_FILE_NAME
    register_secret("s3cret-application-secret")
    log = logging.getLogger("easyclick2call.test")
    log.info("Calling %s on line %s", "+33199001234", "0033972123456")
    log.warning("secret s3cret-application-secret and key %s", CONSUMER_KEY)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "Calling +•••••••••34 on line •••••••••••56" in text
    for secret in ("+33199001234", "s3cret-application-secret", CONSUMER_KEY, "0033972123456"):
        assert secret not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile.log_dir.stat().st_mode) == 0o700


def test_setup_twice_keeps_one_handler_and_rotates(profile_dir: Path,
                                                   restore_root_logger) -> None:
    profile = resolve_profile(str(profile_dir))
    setup_logging(profile)
    path = setup_logging(profile)
    ours = [h for h in logging.getLogger().handlers
            if getattr(h, "baseFilename", None) == str(path)]
    assert len(ours) == 1
    ours[0].maxBytes = 2000  # rotate quickly for the test
    log = logging.getLogger("easyclick2call.test")
    for index in range(400):
        log.info("line %d %s", index, "x" * 50)
    files = sorted(p.name for p in profile.log_dir.iterdir())
    assert files == [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in range(1, BACKUP_COUNT + 1)]


@settings(max_examples=300, deadline=None)
@given(
    digits=st.text(alphabet="0123456789", min_size=6, max_size=15),
    plus=st.booleans(),
    separator=st.sampled_from(["", " ", ".", "-", "\u202f"]),
    before=st.text(alphabet="abc xyz:=", max_size=10),
    after=st.text(alphabet=" xyz,;!", max_size=10),
)
def test_no_phone_number_survives_redaction(digits: str, plus: bool, separator: str,
                                            before: str, after: str) -> None:
    pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
    number = ("+" if plus else "") + separator.join(pairs)
    assume(not re.fullmatch(r"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}\d+", number))  # IPv4
    redacted = redact(f"{before}{number}{after}")
    assert digits not in redacted.replace(separator, "") if separator else digits not in redacted
    assert redacted.endswith(digits[-2:] + after)
