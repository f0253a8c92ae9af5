"""The test session really is a desktop: an X server, a tray host and an unlocked keyring."""

import os
import subprocess

from tests.harness.desktop import tray_owner


def test_x_server_and_tray_are_up(desktop):
    assert os.environ["DISPLAY"]
    assert tray_owner() != 0


def test_clipboard_round_trips_through_xclip(desktop):
    subprocess.run(["xclip", "-selection", "clipboard"], input=b"hello", check=True, timeout=10)
    out = subprocess.run(["xclip", "-selection", "clipboard", "-o"], capture_output=True,
                         check=True, timeout=10).stdout
    assert out == b"hello"


def test_secret_service_keyring_is_unlocked(desktop):
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    assert backend.priority > 0  # viable: a Secret Service answers on the session bus
    backend.set_password("easyclick2call-selftest", "probe", "s3cret")
    assert backend.get_password("easyclick2call-selftest", "probe") == "s3cret"
    backend.delete_password("easyclick2call-selftest", "probe")
