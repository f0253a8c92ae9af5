"""`easyclick2call install` / `uninstall`: the command and menu entry for the user (Linux, BSD).

``install`` is what scripts/setup.sh runs; ``uninstall`` removes it, with the start-at-login
entry and the tel:-link registration, and says what it keeps (settings, history, logs, keyring
entries) and the commands that remove those too.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from easyclick2call.commands.exit_codes import EXIT_OK, EXIT_USAGE

NOT_HERE = ("easyclick2call {command}: only for Linux and the BSDs; on Windows and macOS use the "
            "installer (Settings → Apps on Windows, drag the app to the Bin on macOS).")


def register(subparsers: argparse._SubParsersAction) -> None:
    install = subparsers.add_parser(
        "install", help="add the easyclick2call command and a menu entry for you (Linux)",
        description="Link ~/.local/bin/easyclick2call to this program and add EasyClick2Call "
                    "to your desktop's menu (scripts/setup.sh does it).")
    install.add_argument("--quiet", action="store_true", help="print nothing (set-up)")
    install.set_defaults(handler=run_install)
    uninstall = subparsers.add_parser(
        "uninstall", help="remove what set-up added; says how to remove your data too",
        description="Remove the easyclick2call command in ~/.local/bin, the menu entry and its "
                    "icons, the start-at-login entry and the tel: link registration. Settings, "
                    "history, logs and keyring entries are kept; the commands that remove them "
                    "are printed.")
    uninstall.set_defaults(handler=run_uninstall)


def _linux_like() -> bool:
    from easyclick2call.platform.command_line import platform_family

    return platform_family() == "unix"


def _program() -> Path:
    """The easyclick2call program next to this Python (the virtual environment's)."""
    return Path(sys.executable).parent / "easyclick2call"


def run_install(args: argparse.Namespace) -> int:
    if not _linux_like():
        print(NOT_HERE.format(command="install"), file=sys.stderr)
        return EXIT_USAGE
    from easyclick2call.platform.user_install import UserInstall
    from easyclick2call.resources import resource_path

    target = UserInstall()
    done = target.install(_program(), resource_path("linux"))
    if args.quiet:
        return EXIT_OK
    for line in done:
        print(line)
    if str(target.launcher.parent) not in os.environ.get("PATH", "").split(os.pathsep):
        print(f"{target.launcher.parent} is not on your PATH yet: log in again (Debian and "
              f"Ubuntu add it at login when it exists), or add it to PATH.")
    return EXIT_OK


def run_uninstall(args: argparse.Namespace) -> int:
    if not _linux_like():
        print(NOT_HERE.format(command="uninstall"), file=sys.stderr)
        return EXIT_USAGE
    from easyclick2call.platform import autostart, url_handler
    from easyclick2call.platform.user_install import UserInstall

    removed = UserInstall().uninstall()
    if autostart.is_enabled():
        autostart.apply_setting(False)
        removed.append("start at login")
    try:
        if url_handler.is_registered():
            url_handler.unregister()
            removed.append("tel:, callto: and sip: links")
    except url_handler.LinkRegistrationError as exc:
        print(f"easyclick2call uninstall: tel: links: {exc}", file=sys.stderr)
    print("Removed: " + ("; ".join(removed) if removed else "nothing (set-up added nothing "
                                                             "here)") + ".")
    print(_kept_text())
    return EXIT_OK


def _kept_text() -> str:
    """What stays, where, and how to remove it."""
    from easyclick2call.core.paths import Profile
    from easyclick2call.core.secrets import SECRET_NAMES

    profile = Profile(None)
    folders = " ".join(str(path) for path in dict.fromkeys(
        (profile.config_dir, profile.data_dir, profile.log_dir.parent, profile.cache_dir)))
    unset = "\n".join(f"  {_program()} config unset {name}" for name in SECRET_NAMES)
    return (
        "Kept: your settings, call history and logs, and your secrets in the system keyring "
        "(service 'EasyClick2Call').\n"
        "To remove your secrets too, run:\n"
        f"{unset}\n"
        "then your settings, history and logs:\n"
        f"  rm -rf {folders}\n"
        "and finally the source folder with its .venv."
    )
