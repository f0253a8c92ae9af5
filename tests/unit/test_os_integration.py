"""Changing "Start at login" in the settings really writes (and removes) the XDG autostart entry,
off the GUI thread; demo mode never touches the desktop."""

from __future__ import annotations

from easyclick2call.platform.autostart import XdgAutostart
from tests.unit.test_ui_support import make_context


def test_start_at_login_follows_the_setting(qtbot, tmp_path, memory_keyring):
    from easyclick2call.ui.os_integration import OsIntegration

    context = make_context(tmp_path)
    problems: list[str] = []
    integration = OsIntegration(context, lambda title, body, error=False: problems.append(body))
    entry = XdgAutostart().path
    assert not entry.exists()
    context.set_setting("start_at_login", True)
    qtbot.waitUntil(entry.exists, timeout=10000)
    assert "easyclick2call" in entry.read_text()
    context.set_setting("start_at_login", False)
    qtbot.waitUntil(lambda: not entry.exists(), timeout=10000)
    assert problems == []
    del integration


def test_demo_mode_leaves_the_desktop_alone(qtbot, tmp_path, memory_keyring):
    from easyclick2call.ui.os_integration import OsIntegration
    from easyclick2call.ui.tasks import wait_for_tasks

    context = make_context(tmp_path, demo=True)
    integration = OsIntegration(context, lambda *args, **kwargs: None)
    context.set_setting("start_at_login", True)
    assert wait_for_tasks(5000)
    assert not XdgAutostart().path.exists()
    del integration
