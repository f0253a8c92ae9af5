"""Make EasyClick2Call the handler of tel:, callto: and sip: links (the `handle_tel_links` setting).

- Linux/BSD: our .desktop file (with ``x-scheme-handler/…`` MIME types) in
  ``$XDG_DATA_HOME/applications``, then ``xdg-mime default`` for each scheme.
- Windows: URL capabilities under HKCU (a ProgID per scheme, ``Capabilities\\URLAssociations``,
  ``RegisteredApplications``); Windows lets only the user pick the default, so we then open the
  Default Apps page.
- macOS: the schemes are declared in the bundle's Info.plist (``CFBundleURLTypes``, see
  :mod:`easyclick2call.platform.macos_bundle`); the links arrive as ``QFileOpenEvent`` (see
  :mod:`easyclick2call.platform.url_events`); :class:`MacUrlHandler` asks Launch Services to make
  the bundle the default.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from platformdirs.unix import Unix

from easyclick2call import APP_ID, APP_NAME
from easyclick2call.platform.command_line import (
    app_command,
    desktop_exec,
    platform_family,
    windows_command_line,
)
from easyclick2call.platform.registry import Registry, WindowsRegistry

SCHEMES = ("tel", "callto", "sip")
DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
WRITTEN_MARK = "X-EasyClick2Call-Written-By-Settings"
# The same file is the menu entry set-up wrote (platform/user_install.py): kept when links are
# switched off.
MENU_MARK = "X-EasyClick2Call-Menu-Entry"

WIN_CAPABILITIES_KEY = rf"Software\{APP_NAME}\Capabilities"
WIN_REGISTERED_APPS_KEY = r"Software\RegisteredApplications"
# Windows 11 opens the app's own page with registeredAppUser; Windows 10 ignores it.
WIN_DEFAULT_APPS_URI = f"ms-settings:defaultapps?registeredAppUser={APP_NAME}"
WIN_USER_CHOICE_KEY = (
    r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\{scheme}\UserChoice"
)


class LinkRegistrationError(RuntimeError):
    """Registration failed; the message says why and what to do."""


class UrlHandler(Protocol):
    def register(self, command: Sequence[str]) -> None: ...

    def unregister(self) -> None: ...

    def is_registered(self) -> bool: ...


def win_prog_id(scheme: str) -> str:
    return f"{APP_NAME}.{scheme}"


def handler_desktop_entry(command: Sequence[str]) -> str:
    """The .desktop file written for the user: launches `command` with the link as argument."""
    mime_types = "".join(f"x-scheme-handler/{scheme};" for scheme in SCHEMES)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "GenericName=Clipboard dialer\n"
        "GenericName[fr]=Composeur téléphonique\n"
        "Comment=Call phone numbers from the clipboard through your OVHcloud line\n"
        "Comment[fr]=Appeler les numéros du presse-papiers avec votre ligne OVHcloud\n"
        f"Exec={desktop_exec(command)} %u\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Network;Telephony;Qt;\n"
        f"MimeType={mime_types}\n"
        "StartupNotify=false\n"
        f"{WRITTEN_MARK}=true\n"
    )


class LinuxUrlHandler:
    """Register through the freedesktop.org MIME-apps machinery, with ``xdg-mime``."""

    def __init__(
        self,
        data_home: Path | None = None,
        config_home: Path | None = None,
        xdg_mime: str = "xdg-mime",
    ) -> None:
        self.data_home = data_home
        self.config_home = config_home
        self.xdg_mime = xdg_mime

    @property
    def desktop_path(self) -> Path:
        return (self.data_home or Unix().user_data_path) / "applications" / DESKTOP_FILE_NAME

    @property
    def mimeapps_path(self) -> Path:
        return (self.config_home or Unix().user_config_path) / "mimeapps.list"

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.data_home is not None:
            env["XDG_DATA_HOME"] = str(self.data_home)
        if self.config_home is not None:
            env["XDG_CONFIG_HOME"] = str(self.config_home)
        return env

    def _xdg_mime(self, *args: str) -> str:
        program = shutil.which(self.xdg_mime)
        if program is None:
            raise LinkRegistrationError(
                "xdg-mime was not found; install the xdg-utils package, then try again."
            )
        result = subprocess.run(
            [program, *args], capture_output=True, text=True, timeout=30, env=self._env(),
            check=False,
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise LinkRegistrationError(
                "xdg-mime could not set the default application"
                + (f": {detail[-1]}" if detail else ".")
            )
        return result.stdout.strip()

    def register(self, command: Sequence[str]) -> None:
        path = self.desktop_path
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        entry = handler_desktop_entry(command)
        if path.is_file() and MENU_MARK in path.read_text(encoding="utf-8", errors="replace"):
            entry += f"{MENU_MARK}=true\n"
        tmp.write_text(entry, encoding="utf-8")
        tmp.replace(path)
        self._update_cache()
        for scheme in SCHEMES:
            self._xdg_mime("default", DESKTOP_FILE_NAME, f"x-scheme-handler/{scheme}")

    def default_for(self, scheme: str) -> str:
        """The desktop file name handling `scheme` ("" when none)."""
        try:
            return self._xdg_mime("query", "default", f"x-scheme-handler/{scheme}")
        except LinkRegistrationError:
            return ""

    def is_registered(self) -> bool:
        return all(self.default_for(scheme) == DESKTOP_FILE_NAME for scheme in SCHEMES)

    def unregister(self) -> None:
        """Drop our defaults from mimeapps.list, and the .desktop file if Settings wrote it."""
        path = self.mimeapps_path
        if path.is_file():
            parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
            parser.optionxform = str  # type: ignore[assignment,method-assign]
            parser.read(path, encoding="utf-8")
            for section in ("Default Applications", "Added Associations"):
                if not parser.has_section(section):
                    continue
                for scheme in SCHEMES:
                    key = f"x-scheme-handler/{scheme}"
                    value = parser.get(section, key, fallback=None)
                    if value is None:
                        continue
                    kept = [v for v in value.split(";") if v and v != DESKTOP_FILE_NAME]
                    if kept:
                        parser.set(section, key, ";".join(kept) + ";")
                    else:
                        parser.remove_option(section, key)
            with path.open("w", encoding="utf-8") as handle:
                parser.write(handle, space_around_delimiters=False)
        desktop = self.desktop_path
        text = desktop.read_text(encoding="utf-8") if desktop.is_file() else ""
        if WRITTEN_MARK in text and MENU_MARK not in text:
            desktop.unlink()
            self._update_cache()

    def _update_cache(self) -> None:
        """Refresh mimeinfo.cache, which desktops (and xdg-mime) use to find handlers."""
        updater = shutil.which("update-desktop-database")
        applications = self.desktop_path.parent
        if updater and applications.is_dir():
            subprocess.run(
                [updater, "-q", str(applications)], capture_output=True, timeout=30, check=False
            )


class WindowsUrlHandler:
    """URL capabilities under HKCU; the user confirms the default on the Default Apps page."""

    def __init__(
        self,
        registry: Registry | None = None,
        open_uri: Callable[[str], None] | None = None,
    ) -> None:
        self.registry = registry if registry is not None else WindowsRegistry()
        self.open_uri = open_uri if open_uri is not None else _startfile

    def register(self, command: Sequence[str]) -> None:
        reg = self.registry
        program = command[0]
        open_command = windows_command_line(command) + ' "%1"'
        for scheme in SCHEMES:
            prog_id = rf"Software\Classes\{win_prog_id(scheme)}"
            reg.set_value(prog_id, "", f"{APP_NAME} ({scheme}: link)")
            reg.set_value(prog_id, "URL Protocol", "")
            reg.set_value(prog_id + r"\DefaultIcon", "", f'"{program}",0')
            reg.set_value(prog_id + r"\shell\open\command", "", open_command)
        reg.set_value(WIN_CAPABILITIES_KEY, "ApplicationName", APP_NAME)
        reg.set_value(
            WIN_CAPABILITIES_KEY,
            "ApplicationDescription",
            "Call phone numbers from the clipboard through your OVHcloud line",
        )
        for scheme in SCHEMES:
            reg.set_value(WIN_CAPABILITIES_KEY + r"\URLAssociations", scheme, win_prog_id(scheme))
        reg.set_value(WIN_REGISTERED_APPS_KEY, APP_NAME, WIN_CAPABILITIES_KEY)
        self.open_uri(WIN_DEFAULT_APPS_URI)

    def unregister(self) -> None:
        reg = self.registry
        reg.delete_value(WIN_REGISTERED_APPS_KEY, APP_NAME)
        reg.delete_tree(rf"Software\{APP_NAME}\Capabilities")
        for scheme in SCHEMES:
            reg.delete_tree(rf"Software\Classes\{win_prog_id(scheme)}")

    def is_registered(self) -> bool:
        return self.registry.get_value(WIN_REGISTERED_APPS_KEY, APP_NAME) == WIN_CAPABILITIES_KEY

    def is_default(self, scheme: str) -> bool:
        """True when the user picked us for `scheme` on the Default Apps page."""
        key = WIN_USER_CHOICE_KEY.format(scheme=scheme)
        return self.registry.get_value(key, "ProgId") == win_prog_id(scheme)


def _startfile(uri: str) -> None:
    os.startfile(uri)  # type: ignore[attr-defined]  # Windows only


class MacUrlHandler:
    """Launch Services: the bundle declares the schemes; this makes it their default handler."""

    def __init__(self, bundle_id: str = APP_ID) -> None:
        self.bundle_id = bundle_id

    def _services(self):
        import ctypes
        import ctypes.util

        core = ctypes.cdll.LoadLibrary(ctypes.util.find_library("CoreServices") or "")
        cf = ctypes.cdll.LoadLibrary(ctypes.util.find_library("CoreFoundation") or "")
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
        cf.CFStringGetCString.argtypes = [
            ctypes.c_void_p, ctypes.c_char_p, ctypes.c_long, ctypes.c_uint32,
        ]
        cf.CFRelease.argtypes = [ctypes.c_void_p]
        core.LSSetDefaultHandlerForURLScheme.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        core.LSSetDefaultHandlerForURLScheme.restype = ctypes.c_int32
        core.LSCopyDefaultHandlerForURLScheme.argtypes = [ctypes.c_void_p]
        core.LSCopyDefaultHandlerForURLScheme.restype = ctypes.c_void_p
        return ctypes, core, cf

    def _cfstring(self, cf, text: str):
        utf8 = 0x08000100
        return cf.CFStringCreateWithCString(None, text.encode(), utf8)

    def register(self, command: Sequence[str]) -> None:
        _ctypes, core, cf = self._services()
        bundle = self._cfstring(cf, self.bundle_id)
        try:
            for scheme in SCHEMES:
                ref = self._cfstring(cf, scheme)
                status = core.LSSetDefaultHandlerForURLScheme(ref, bundle)
                cf.CFRelease(ref)
                if status != 0:
                    raise LinkRegistrationError(
                        f"macOS refused to make {APP_NAME} the handler of {scheme}: links "
                        f"(error {status}); run the app from /Applications and try again."
                    )
        finally:
            cf.CFRelease(bundle)

    def unregister(self) -> None:
        """macOS has no "no default": the user picks another app (e.g. FaceTime's settings)."""

    def is_registered(self) -> bool:
        ctypes, core, cf = self._services()
        for scheme in SCHEMES:
            ref = self._cfstring(cf, scheme)
            handler = core.LSCopyDefaultHandlerForURLScheme(ref)
            cf.CFRelease(ref)
            if not handler:
                return False
            buffer = ctypes.create_string_buffer(256)
            cf.CFStringGetCString(handler, buffer, 256, 0x08000100)
            cf.CFRelease(handler)
            if buffer.value.decode().lower() != self.bundle_id.lower():
                return False
        return True


def url_handler_for(platform: str | None = None) -> UrlHandler:
    """The handler for `platform` (default: the running OS)."""
    backends = {"windows": WindowsUrlHandler, "macos": MacUrlHandler, "unix": LinuxUrlHandler}
    return backends[platform_family(platform)]()


def register(command: Sequence[str] | None = None) -> None:
    """Handle tel:/callto:/sip: links with `command` (default: the running app)."""
    url_handler_for().register(list(command) if command else app_command())


def unregister() -> None:
    url_handler_for().unregister()


def is_registered() -> bool:
    return url_handler_for().is_registered()


def apply_setting(handle_tel_links: bool) -> None:
    """Make the OS match the setting (called when Settings are applied)."""
    if handle_tel_links:
        register()
    else:
        unregister()  # safe when not registered: it only removes what is ours
