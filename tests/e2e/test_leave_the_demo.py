"""The way out of the demo: "Set up my account…" closes the demo and opens Settings on the user's
own profile, with nothing of the demo's in it; and one demo at a time."""

from __future__ import annotations

import configparser
import os
import signal
import subprocess
import sys
from pathlib import Path

from easyclick2call.core.paths import resolve_profile
from easyclick2call.core.secrets import SecretStore
from tests.e2e.support.actions import focus, open_tray_menu, poll, wait_for_window, xdotool
from tests.e2e.support.app import free_port, tray_icon_docked, wait_for_exit

SETTINGS_TITLE = "Settings — EasyClick2Call"
REPO = Path(__file__).resolve().parents[2]


def stored(profile: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(profile / "settings.ini", encoding="utf-8")
    return dict(parser["General"]) if parser.has_section("General") else {}


def choose_set_up_from_the_tray_menu(app) -> None:
    open_tray_menu(app.pid)
    # From the top, Up wraps to the last entries: Quit, About, Settings…, History…, Set up….
    xdotool("key", "--delay", "60", "Up", "Up", "Up", "Up", "Up", "Return")


def test_set_up_my_account_leaves_the_demo_for_the_real_profiles_settings(start_app):
    app = start_app()
    assert stored(app.profile)["demo"] == "true"  # the demo lives in this --profile folder
    choose_set_up_from_the_tray_menu(app)
    assert wait_for_exit(app.proc, 20) == 0
    window = wait_for_window(SETTINGS_TITLE, timeout=30)
    relaunched = int(xdotool("getwindowpid", str(window)))
    secrets = SecretStore(resolve_profile(str(app.profile)).keyring_service)
    try:
        assert "(Demo)" not in xdotool("getwindowname", str(window))
        # Nothing of the demo's is left in the profile: endpoint, keys, line, the flag.
        left = stored(app.profile)
        assert not {"demo", "endpoint", "application_key", "line", "billing_account"} & set(left)
        # What the user types is what the profile keeps.
        focus(window)
        xdotool("key", "alt+k")
        xdotool("type", "--delay", "5", "MyRealAppKey2026")
        xdotool("key", "Tab")
        xdotool("type", "--delay", "5", "MyRealApplicationSecret2026")
        xdotool("key", "Return")  # OK
        poll(lambda: stored(app.profile).get("application_key") == "MyRealAppKey2026", 15,
             "the application key in the real profile")
        after = stored(app.profile)
        assert "demo" not in after and "endpoint" not in after  # OVHcloud Europe, the default
        assert "127.0.0.1" not in (app.profile / "settings.ini").read_text(encoding="utf-8")
        # The secret went to the system keyring, under this profile; the demo's never did.
        assert poll(lambda: secrets.get("application_secret"), 15,
                    "the secret in the keyring") == "MyRealApplicationSecret2026"
        assert secrets.get("consumer_key") == ""
    finally:
        os.kill(relaunched, signal.SIGTERM)
        secrets.delete_all()


def test_a_second_demo_hands_over_to_the_first_and_exits(desktop, tmp_path: Path) -> None:
    """Two `run.sh` with nothing configured: one demo, one tray icon."""
    env = {**os.environ, "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env.pop("EASYCLICK2CALL_PROFILE", None)
    port = free_port()
    log = (tmp_path / "first.log").open("wb")
    first = subprocess.Popen(
        [sys.executable, "-m", "easyclick2call", "--demo-if-unconfigured", "--lang", "en",
         "--sandbox-port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        poll(lambda: first.poll() is None and tray_icon_docked(first.pid), 30,
             "the first demo's tray icon")
        second = subprocess.run(
            ["bash", str(REPO / "scripts" / "run.sh"), "--lang", "en"], env=env,
            capture_output=True, text=True, timeout=60, check=False)
        assert second.returncode == 0, second.stderr
        # It handed over: the running demo shows its Call-a-number box.
        wait_for_window("Call a number — EasyClick2Call (Demo)", pid=first.pid)
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(15)
        log.close()
