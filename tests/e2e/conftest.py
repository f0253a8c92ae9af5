"""End-to-end fixtures: the real app process in demo mode under the session's Xvfb and tray host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.support.actions import copy_to_clipboard
from tests.e2e.support.app import AppProcess, free_port
from tests.e2e.support.notifications import NotificationServer


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)

# Seven digits or more in a row (single spaces or dots allowed between them): a phone number.
UNMASKED_NUMBER = re.compile(r"(?<![\d.:])\+?\d(?:[ .]?\d){6,}(?![\d:-])")


@pytest.fixture
def start_app(desktop, tmp_path: Path) -> Iterator:
    """Start the app (demo mode, a fresh profile, a free sandbox port); stopped after the test.

    `start_app(*args, wait=True)` returns an AppProcess once its tray icon is docked.
    """
    started: list[AppProcess] = []

    def start(*args: str, wait: bool = True, profile: Path | None = None,
              clipboard: str | None = "nothing to call here",
              env: dict[str, str] | None = None) -> AppProcess:
        if clipboard is not None:  # what an earlier test copied must not be this app's start-up
            copy_to_clipboard(f"{clipboard} ({tmp_path.name})")
        folder = profile or tmp_path / f"profile{len(started)}"
        folder.mkdir(exist_ok=True)
        output = tmp_path / f"app{len(started)}.log"
        app = AppProcess(profile=folder, port=free_port(), output=output, extra_args=args,
                         env=dict(env or {}))
        started.append(app)
        return app.start(wait=wait)

    yield start
    for app in started:
        was_running = app.proc is not None and app.proc.poll() is None
        code = app.stop()
        output = app.read_output()
        assert "Traceback" not in output, f"the app printed a traceback:\n{output[-4000:]}"
        for log_file in (app.profile / "logs").glob("*.log*"):
            text = log_file.read_text("utf-8", "replace")
            assert "Traceback" not in text, f"traceback in {log_file}:\n{text[-4000:]}"
            # Privacy: numbers are masked in logs but for their last two digits.
            leaked = UNMASKED_NUMBER.findall(text)
            assert not leaked, f"unmasked phone numbers in {log_file}: {leaked}"
        if was_running:
            assert code in (0, -15), f"the app did not quit cleanly ({code}):\n{output[-2000:]}"


@pytest.fixture
def notifications(desktop) -> Iterator[NotificationServer]:
    """A desktop notification server on the session bus (request it before `app`)."""
    with NotificationServer() as server:
        yield server


@pytest.fixture
def app(start_app) -> AppProcess:
    """One running app, ready (sandbox up, tray icon docked)."""
    return start_app()
