"""Packaging files: the Linux desktop file and AppStream metainfo pass the freedesktop.org
validators, and the installers write exactly what the app's own code writes."""

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from easyclick2call import APP_ID, __version__
from easyclick2call.platform.autostart import RUN_KEY, WindowsAutostart
from easyclick2call.platform.url_handler import WindowsUrlHandler
from tests.unit.fake_registry import FakeRegistry

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "resources" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ISS = ROOT / "packaging" / "windows" / "easyclick2call.iss"
INSTALLED_EXE = r"{app}\EasyClick2Call.exe"


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


def desktop_keys(path: Path) -> dict[str, str]:
    keys = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("[Desktop Action"):
            break
        key, sep, value = line.partition("=")
        if sep:
            keys[key] = value
    return keys


def test_desktop_file_passes_desktop_file_validate():
    result = run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_passes_appstreamcli_validate_strictly():
    result = run("appstreamcli", "validate", "--no-net", "--strict", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_handles_phone_links_and_names_an_existing_icon():
    keys = desktop_keys(DESKTOP)
    assert keys["MimeType"] == (
        "x-scheme-handler/tel;x-scheme-handler/callto;x-scheme-handler/sip;")
    assert keys["Exec"].endswith(" %u")
    assert keys["Icon"] == APP_ID
    icons = LINUX / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Name[fr]=Appeler le numéro du presse-papiers" in DESKTOP.read_text(encoding="utf-8")


def test_metainfo_matches_the_app_id_desktop_file_and_version():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__
    assert sorted(m.text for m in root.iter("mediatype")) == [
        "x-scheme-handler/callto", "x-scheme-handler/sip", "x-scheme-handler/tel"]


def iss_registry_values() -> set[tuple[str, str, str]]:
    """(subkey, value name, data) of every HKCU [Registry] line of the Inno Setup script."""
    text = ISS.read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE))
    values = set()
    for line in text.splitlines():
        if not line.startswith("Root: HKCU;"):
            continue
        params = dict(re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]+)', line))
        if "ValueType" not in params:
            continue

        def unquote(value: str) -> str:
            value = value.strip()
            if value.startswith('"'):
                value = value[1:-1].replace('""', '"')
            return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)

        values.add((unquote(params["Subkey"]).lower(), unquote(params.get("ValueName", '""')),
                    unquote(params["ValueData"])))
    return values


def test_windows_installer_writes_the_same_link_keys_as_the_app():
    registry = FakeRegistry()
    WindowsUrlHandler(registry, open_uri=lambda uri: None).register([INSTALLED_EXE])
    installer = iss_registry_values()
    written = {(key, name, value) for key, names in registry.keys.items()
               for name, value in names.items() if name != "ApplicationDescription"}
    assert written <= installer, sorted(written - installer)


def test_windows_installer_start_at_login_value_is_the_quoted_program():
    registry = FakeRegistry()
    WindowsAutostart(registry).enable([INSTALLED_EXE])
    value = registry.get_value(RUN_KEY, "EasyClick2Call")
    assert value == f'"{INSTALLED_EXE}"'
    assert (RUN_KEY.lower(), "EasyClick2Call", value) in iss_registry_values()


def test_windows_installer_sets_the_app_user_model_id_for_notifications():
    text = ISS.read_text(encoding="utf-8")
    assert f'#define AppUserModelId "{APP_ID}"' in text
    shortcuts = [line for line in text.splitlines() if line.startswith('Name: "{auto')]
    assert shortcuts and all('AppUserModelID: "{#AppUserModelId}"' in s for s in shortcuts)
    assert (rf"software\classes\appusermodelid\{APP_ID}".lower(), "DisplayName",
            "EasyClick2Call") in iss_registry_values()


def test_version_is_the_same_everywhere():
    iss = ISS.read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss
    version_info = (ROOT / "packaging" / "windows" / "version_info.txt").read_text()
    assert f"StringStruct('ProductVersion', '{__version__}')" in version_info
    numbers = (*(int(n) for n in __version__.split(".")), 0)
    assert f"filevers={numbers}" in version_info


def test_pyinstaller_spec_bundles_keyring_backends_and_the_macos_keys():
    spec = (ROOT / "packaging" / "easyclick2call.spec").read_text(encoding="utf-8")
    for backend in ("keyring.backends.SecretService", "keyring.backends.macOS",
                    "keyring.backends.Windows", "keyring.backends.kwallet"):
        assert f'"{backend}"' in spec
    assert "info_plist=info_plist(__version__)" in spec
    assert "PySide6.QtQml" in spec and "PySide6.QtQuick" in spec  # excluded
