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


def test_one_ok_saving_both_settings_makes_one_apply_with_both(qtbot, tmp_path, memory_keyring,
                                                               xdg_dirs, monkeypatch):
    """Two applies at once, the first one still seeing the old tel: value, could undo each
    other; the two keys saved together make one apply with both new values."""
    from easyclick2call.platform import integration as os_state
    from easyclick2call.ui.os_integration import OsIntegration
    from easyclick2call.ui.tasks import wait_for_tasks

    applied: list[tuple[bool, bool]] = []
    real_apply = os_state.apply

    def recorded_apply(start_at_login: bool, handle_tel_links: bool) -> list[str]:
        applied.append((start_at_login, handle_tel_links))
        return real_apply(start_at_login, handle_tel_links)

    monkeypatch.setattr(os_state, "apply", recorded_apply)
    context = make_context(tmp_path)
    integration = OsIntegration(context, lambda *args, **kwargs: None)
    context.set_setting("start_at_login", True)
    context.set_setting("handle_tel_links", True)
    qtbot.waitUntil(lambda: applied != [], timeout=5000)
    assert wait_for_tasks(10000)
    qtbot.wait(0)  # the done callback, queued back to this thread
    assert applied == [(True, True)]
    assert os_state.current_state() == os_state.IntegrationState(True, True)
    del integration
