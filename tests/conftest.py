"""Shared test set-up: a real desktop session for the whole run, isolation, and no skips in CI."""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

import pytest

from tests.harness.desktop import DesktopSession, isolate_environment

_SESSION: DesktopSession | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Before any Qt or keyring import: isolate from the user's files and start the desktop."""
    global _SESSION
    isolate_environment()
    home = Path(tempfile.mkdtemp(prefix="ec2c-tests-"))
    os.chdir(home)  # python-ovh reads ./ovh.conf: run from a folder that has none
    if hasattr(config, "workerinput"):
        return
    _SESSION = DesktopSession(home=home).start()
    config.stash[desktop_key] = _SESSION


desktop_key = pytest.StashKey[DesktopSession]()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SESSION is not None:
        _SESSION.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """In CI a skipped test is a missing test: report it as a failure."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (nothing may be skipped there): {report.longrepr}"


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_gui_thread():
    """Destroy each test's leftover Qt wrappers here, on the GUI thread: a garbage collection
    that happened to run in a worker thread later could destroy Qt objects there."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def desktop(pytestconfig: pytest.Config) -> DesktopSession:
    """The running desktop session (Xvfb, dbus, gnome-keyring, trayer)."""
    return pytestconfig.stash[desktop_key]


@pytest.fixture
def xdg_dirs(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """Fresh XDG data and config homes (desktop files, mimeapps.list, autostart) for one test,
    and no desktop name (xdg-mime then uses its generic, file-based answers)."""
    data, config = tmp_path / "xdg-data", tmp_path / "xdg-config"
    data.mkdir()
    config.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    return data, config


@pytest.fixture
def memory_keyring():
    """An in-memory keyring backend for unit tests (the real one is used by `keyring` tests)."""
    import keyring

    from easyclick2call.core.secrets import MemoryKeyring

    class TestKeyring(MemoryKeyring):
        """The demo-mode in-memory keyring, with its contents visible to assertions."""

        @property
        def store(self) -> dict[tuple[str, str], str]:
            return self._values

    previous = keyring.get_keyring()
    backend = TestKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def sandbox():
    """A fresh OVHcloud API sandbox on 127.0.0.1 (a free port), stopped after the test."""
    from easyclick2call.sandbox.server import SandboxServer

    server = SandboxServer(host="127.0.0.1", port=0).start()
    yield server
    server.stop()


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    """An empty --profile folder (settings, history and logs of one test)."""
    path = tmp_path / "profile"
    path.mkdir()
    return path
