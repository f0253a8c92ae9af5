"""One app per profile: a second launch hands its number over; the tray host may come and go."""

from __future__ import annotations

from tests.e2e.support.actions import copy_to_clipboard, press_key, wait_for_calls, wait_for_window


def test_second_instance_hands_its_number_over_and_exits(app):
    second = app.run_second_instance("tel:+33199001234")
    assert second.returncode == 0, second.stderr[-2000:]
    popup = wait_for_window("Call +33199001234?", pid=app.pid)
    press_key(popup, "Return")
    assert wait_for_calls(app.port, 1)[0]["called_number"] == "0033199001234"
    app.assert_running()


def test_app_survives_the_tray_host_restarting(app, desktop):
    desktop.stop_tray()
    app.assert_running()
    copy_to_clipboard("01 99 00 99 06")  # still watching without a tray
    wait_for_window("Call +33199009906?", pid=app.pid)
    desktop.start_tray()
    app.wait_icon_docked(timeout=20)
    app.assert_running()
