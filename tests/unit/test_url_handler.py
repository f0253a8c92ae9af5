"""tel:/callto:/sip: links: registered for real with xdg-mime here (and opened with xdg-open);
the Windows registry writes and the macOS bundle keys checked on what they would be."""

import os
import plistlib
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent

from easyclick2call.platform import url_handler
from easyclick2call.platform.macos_bundle import info_plist
from easyclick2call.platform.url_events import UrlOpenFilter, is_call_link
from easyclick2call.platform.url_handler import (
    DESKTOP_FILE_NAME,
    LinkRegistrationError,
    LinuxUrlHandler,
    WindowsUrlHandler,
)
from tests.unit.fake_registry import FakeRegistry

WINDOWS_EXE = r"C:\Program Files\EasyClick2Call\EasyClick2Call.exe"
SCHEMES = ("tel", "callto", "sip")




def query_default(scheme: str) -> str:
    return subprocess.run(
        ["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
        capture_output=True, text=True, check=False, timeout=30,
    ).stdout.strip()


def test_linux_registration_makes_xdg_mime_answer_with_our_desktop_file(xdg_dirs):
    data, config = xdg_dirs
    (config / "mimeapps.list").write_text(
        "[Default Applications]\ntext/html=firefox.desktop\n", encoding="utf-8")
    handler = LinuxUrlHandler()
    assert not handler.is_registered()
    handler.register(["/opt/EasyClick2Call/easyclick2call"])
    desktop = data / "applications" / DESKTOP_FILE_NAME
    assert desktop.is_file()
    check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                           text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    text = desktop.read_text(encoding="utf-8")
    assert "Exec=/opt/EasyClick2Call/easyclick2call %u\n" in text
    assert "MimeType=x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/sip;" in text
    for scheme in SCHEMES:
        assert query_default(scheme) == DESKTOP_FILE_NAME
    assert handler.is_registered()
    assert url_handler.is_registered()

    handler.unregister()
    assert not desktop.exists()
    for scheme in SCHEMES:
        assert query_default(scheme) == ""
    assert not handler.is_registered()
    mimeapps = (config / "mimeapps.list").read_text(encoding="utf-8")
    assert "text/html=firefox.desktop" in mimeapps
    assert "x-scheme-handler" not in mimeapps


def test_a_tel_link_opened_by_the_desktop_reaches_our_command(xdg_dirs, tmp_path):
    """xdg-open (what browsers and mail clients call) runs our Exec line with the link."""
    received = tmp_path / "received.txt"
    catcher = tmp_path / "catch_link.py"  # xdg-open's generic mode cannot unquote spaces
    catcher.write_text(
        "import sys, pathlib\n"
        f"pathlib.Path({str(received)!r}).write_text('\\n'.join(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    url_handler.register([sys.executable, str(catcher)])
    env = dict(os.environ)
    env.pop("DE", None)
    subprocess.run(["xdg-open", "tel:+33199001234"], check=True, timeout=30, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not received.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert received.read_text(encoding="utf-8") == "tel:+33199001234"
    url_handler.unregister()
    assert not url_handler.is_registered()


def test_apply_setting_registers_and_unregisters(xdg_dirs):
    url_handler.apply_setting(True)
    assert url_handler.is_registered()
    url_handler.apply_setting(False)
    assert not url_handler.is_registered()


def test_unregister_keeps_a_desktop_file_settings_did_not_write(xdg_dirs):
    _data, _config = xdg_dirs
    handler = LinuxUrlHandler()
    handler.register(["easyclick2call"])
    installed = handler.desktop_path
    installed.write_text(installed.read_text(encoding="utf-8").replace(
        "X-EasyClick2Call-Written-By-Settings=true\n", ""), encoding="utf-8")
    handler.unregister()
    assert installed.exists()
    mimeapps = handler.mimeapps_path.read_text(encoding="utf-8")
    assert "x-scheme-handler" not in mimeapps


def test_missing_xdg_mime_is_a_clear_error(xdg_dirs):
    handler = LinuxUrlHandler(xdg_mime="xdg-mime-not-installed")
    with pytest.raises(LinkRegistrationError, match="install the xdg-utils package"):
        handler.register(["easyclick2call"])
    assert not handler.is_registered()


def test_windows_registration_writes_capabilities_under_hkcu_and_opens_default_apps():
    registry = FakeRegistry()
    opened: list[str] = []
    handler = WindowsUrlHandler(registry, open_uri=opened.append)
    assert not handler.is_registered()
    handler.register([WINDOWS_EXE])
    for scheme in SCHEMES:
        prog_id = rf"Software\Classes\EasyClick2Call.{scheme}"
        assert registry.get_value(prog_id, "URL Protocol") == ""
        assert registry.get_value(prog_id + r"\shell\open\command", "") == (
            f'"{WINDOWS_EXE}" "%1"')
        assert registry.get_value(prog_id + r"\DefaultIcon", "") == f'"{WINDOWS_EXE}",0'
        assert registry.get_value(
            r"Software\EasyClick2Call\Capabilities\URLAssociations", scheme
        ) == f"EasyClick2Call.{scheme}"
    capabilities = registry.values(r"Software\EasyClick2Call\Capabilities")
    assert capabilities["ApplicationName"] == "EasyClick2Call"
    assert registry.get_value(r"Software\RegisteredApplications", "EasyClick2Call") == (
        r"Software\EasyClick2Call\Capabilities")
    assert opened == ["ms-settings:defaultapps?registeredAppUser=EasyClick2Call"]
    assert handler.is_registered()
    assert not handler.is_default("tel")

    # The user picks us on the Default Apps page: Windows records it as a UserChoice.
    registry.set_value(
        r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\tel\UserChoice",
        "ProgId", "EasyClick2Call.tel")
    assert handler.is_default("tel")

    handler.unregister()
    assert not handler.is_registered()
    assert all(not key.startswith((r"software\classes\easyclick2call", r"software\easyclick2call"))
               for key in registry.keys)
    assert registry.values(r"Software\RegisteredApplications") == {}


def test_windows_link_command_of_a_python_install():
    registry = FakeRegistry()
    WindowsUrlHandler(registry, open_uri=lambda uri: None).register(
        [r"C:\Python 3.12\pythonw.exe", "-m", "easyclick2call"])
    assert registry.get_value(r"Software\Classes\EasyClick2Call.callto\shell\open\command",
                              "") == r'"C:\Python 3.12\pythonw.exe" -m easyclick2call "%1"'


def test_macos_bundle_declares_the_url_schemes_and_stays_out_of_the_dock():
    keys = plistlib.loads(plistlib.dumps(info_plist("1.2.3")))
    assert keys["LSUIElement"] is True
    assert keys["NSHighResolutionCapable"] is True
    assert keys["CFBundleIdentifier"] == "io.github.easyclick2call.EasyClick2Call"
    assert keys["CFBundleShortVersionString"] == "1.2.3"
    schemes = sorted(s for t in keys["CFBundleURLTypes"] for s in t["CFBundleURLSchemes"])
    assert schemes == ["callto", "sip", "tel"]
    assert "fr" in keys["CFBundleLocalizations"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("tel:+33199001234", True), ("TEL:0199001234", True), ("callto:+33199001234", True),
     ("sip:0033199001234@sip.ovh.fr", True), ("https://example.org", False), ("tel:", False),
     ("/home/me/file.txt", False)],
)
def test_call_links_are_recognised(text, expected):
    assert is_call_link(text) is expected


def test_macos_file_open_event_with_a_tel_link_is_emitted(qapp, qtbot):
    url_filter = UrlOpenFilter()
    qapp.installEventFilter(url_filter)
    try:
        with qtbot.waitSignal(url_filter.url_opened, timeout=2000) as blocker:
            QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("tel:+33199001234")))
        assert blocker.args == ["tel:+33199001234"]
        with qtbot.assertNotEmitted(url_filter.url_opened):
            QCoreApplication.sendEvent(qapp, QFileOpenEvent("/tmp/notes.txt"))
    finally:
        qapp.removeEventFilter(url_filter)
