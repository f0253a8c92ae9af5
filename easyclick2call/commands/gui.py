"""`easyclick2call [options] [NUMBER | tel:URI]`: the tray app.

Options: ``--demo`` (the built-in sandbox, an isolated profile, an in-memory keyring),
``--demo-if-unconfigured`` (demo only when no account is set up; used by scripts/run.sh),
``--sandbox-port N`` (the demo sandbox's port, 0 = a free one), ``--profile DIR`` (or
$EASYCLICK2CALL_PROFILE), ``--lang en|fr``. A NUMBER or tel:/callto:/sip: URI shows the popup for
it — in the running instance when there is one (this launch then exits 0).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from easyclick2call import APP_ID
from easyclick2call.commands.exit_codes import EXIT_OK, EXIT_USAGE
from easyclick2call.core.i18n_marks import QT_TRANSLATE_NOOP
from easyclick2call.platform import os_traits

log = logging.getLogger(__name__)

EXIT_NO_INSTANCE = 1
DEMO_LINE = QT_TRANSLATE_NOOP(
    "Cli",
    "Demo — copy a phone number anywhere to try it (nothing is really dialled); "
    "“Set up my account…” in the tray menu connects your OVHcloud account, “Quit” stops it.")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="easyclick2call",
        description="Clipboard dialer for OVHcloud SIP lines (the tray app).",
    )
    parser.add_argument("--demo", action="store_true",
                        help="use the built-in OVHcloud sandbox (nothing is really dialled)")
    parser.add_argument("--demo-if-unconfigured", action="store_true",
                        help="start in demo mode only when no account is configured")
    parser.add_argument("--set-up-account", action="store_true",
                        help="open Settings on Account (how the demo's “Set up my account…” "
                             "comes back on your own profile)")
    parser.add_argument("--sandbox-port", type=int, default=0, metavar="N",
                        help="port of the demo sandbox on 127.0.0.1 (default: a free one)")
    parser.add_argument("--profile", metavar="DIR",
                        help="keep settings, history and logs in DIR "
                             "(default: $EASYCLICK2CALL_PROFILE, else the usual folders)")
    parser.add_argument("--lang", choices=("system", "en", "fr"),
                        help="language of the interface (default: the setting, else the system)")
    parser.add_argument("number", nargs="?", metavar="NUMBER",
                        help="a number or a tel:/callto:/sip: URI to offer to call")
    return parser


def _setup_qt(argv0: str):
    from PySide6.QtWidgets import QApplication

    if os_traits.needs_app_user_model_id():
        from easyclick2call.platform.app_identity import set_windows_app_user_model_id

        set_windows_app_user_model_id()  # before any window: notifications show our name
    from easyclick2call.platform.session import preferred_qt_platform

    chosen = preferred_qt_platform()
    if chosen:  # GNOME on Wayland: XWayland, where copies reach a background app
        os.environ["QT_QPA_PLATFORM"] = chosen
    app = QApplication.instance() or QApplication([argv0])
    app.setApplicationName("EasyClick2Call")
    app.setOrganizationName("EasyClick2Call")
    app.setDesktopFileName(APP_ID)  # matches resources/linux/<APP_ID>.desktop
    app.setQuitOnLastWindowClosed(False)
    return app


def _early_tray_icon(demo: bool):
    """The tray icon, shown before anything else is loaded (None when there is no tray).

    The app adopts it once it is wired (ui.tray.Tray): menu, tooltip and state icon follow."""
    from PySide6.QtWidgets import QSystemTrayIcon

    from easyclick2call.ui.icons import tray_icon

    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = QSystemTrayIcon(tray_icon("demo" if demo else "normal"))
    icon.show()
    return icon


def _quit_on_signals(app) -> object:
    """SIGINT/SIGTERM end the event loop cleanly (a wake-up fd: no polling timer)."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    if not os_traits.has_posix_signals():
        return None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def woke() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        app.quit()

    notifier.activated.connect(woke)
    return (reader, writer, notifier)


def run_gui(argv: Sequence[str]) -> int:
    """Start the tray app (or hand the number to the running one); the process exit code.

    The order is chosen for a quick start: single-instance check, QApplication and the tray
    icon first; the rest (logging, settings, history, the demo sandbox, the watcher, the popup
    and calling machinery) is set up from the event loop right after (:class:`_Startup`)."""
    args = build_parser().parse_args(list(argv))
    if not 0 <= args.sandbox_port <= 65535:
        print("--sandbox-port must be between 0 and 65535", file=sys.stderr)
        return EXIT_USAGE

    from easyclick2call.platform.session import display_available

    if not display_available():
        from easyclick2call.platform.session import NO_DISPLAY_TO_START

        _say(args.lang, "Session", NO_DISPLAY_TO_START)
        return EXIT_USAGE
    from easyclick2call.core.paths import resolve_profile
    from easyclick2call.platform.clipboard import share_one_allocator_arena
    from easyclick2call.platform.single_instance import SingleInstance, send_to_running
    from easyclick2call.ui.pyside_imports import lighten_pyside_import_check

    share_one_allocator_arena()  # before Qt and the workers start their threads
    lighten_pyside_import_check()  # PySide6 is imported now: ~5 MB of sources not kept
    qt_app = _setup_qt(sys.argv[0] if sys.argv else "easyclick2call")
    profile = resolve_profile(args.profile)
    demo_wanted = args.demo and not args.set_up_account
    if args.demo_if_unconfigured and not demo_wanted and not args.set_up_account:
        from easyclick2call.core.settings import Settings
        from easyclick2call.ui.qsettings_store import QSettingsStore

        probe = Settings(QSettingsStore(profile))
        signed_in = probe.get("application_key") or probe.get("client_id")
        # A profile still holding the demo's account (--profile) is not configured either.
        demo_wanted = not (signed_in and probe.get("line")) or bool(probe.get("demo"))
    temporary = None
    if demo_wanted and not profile.is_custom:
        from easyclick2call.ui.demo import demo_profile

        # Never the user's real profile: a temporary one (no other instance can hold it).
        profile, temporary = demo_profile(None)

    profile.ensure()
    if temporary is not None:
        from easyclick2call.ui.demo import demo_instance_key

        instance_key, lock_dir = demo_instance_key()  # one demo at a time
    else:
        instance_key, lock_dir = str(profile.root or profile.config_dir), profile.data_dir
    instance = SingleInstance(instance_key, lock_dir)
    if not instance.acquire():
        if temporary is not None:
            temporary.cleanup()
        message = {"cmd": "offer", "text": args.number} if args.number else {"cmd": "show"}
        reply = send_to_running(instance_key, message)
        if reply is None:
            print("EasyClick2Call is already running for this profile but does not answer; "
                  "close it and try again.", file=sys.stderr)
            return EXIT_NO_INSTANCE
        return EXIT_OK

    startup = _Startup(qt_app, args, profile, instance, demo=demo_wanted,
                       tray_icon=_early_tray_icon(demo_wanted))
    if demo_wanted:  # once its icon is there: what the demo is and how to leave it
        _say(args.lang, "Cli", DEMO_LINE, sys.stdout)
    keep = _quit_on_signals(qt_app)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, startup.finish)
    try:
        code = int(qt_app.exec())
        if startup.error is not None:
            raise startup.error
        return code
    finally:
        if keep is not None:  # a late signal (a launcher forwarding it again) finds no closed fd
            import signal

            signal.set_wakeup_fd(-1)
        del keep
        startup.shut_down()
        instance.release()
        if temporary is not None:
            temporary.cleanup()
        if startup.app is not None and startup.app.relaunch:
            _relaunch(startup.app.relaunch, args)


def _relaunch(extra: list[str], args) -> None:
    """Start the app again (detached) once this instance has let go of everything: its
    single-instance lock included, so the new one does not hand over to this one."""
    import subprocess

    from easyclick2call.platform.command_line import app_command

    argv = [*app_command(), *extra]
    if args.profile:
        argv += ["--profile", args.profile]
    if args.lang:
        argv += ["--lang", args.lang]
    log.info("starting again: %s", " ".join(extra))
    subprocess.Popen(argv, stdin=subprocess.DEVNULL, start_new_session=True)


def _say(lang: str | None, context: str, english: str, stream=sys.stderr) -> None:
    """One line on a terminal stream, in French when --lang or the locale says so (said before
    the app's translator is installed: read from the catalogue as the command line does)."""
    from easyclick2call.commands.language import cli_language
    from easyclick2call.commands.translation import translator_for

    language = lang if lang in ("en", "fr") else cli_language()
    print(translator_for(language)(context, english), file=stream, flush=True)


class _Startup:
    """Everything after the tray icon: run once from the event loop, undone at exit."""

    def __init__(self, qt_app, args, profile, instance, *, demo: bool, tray_icon) -> None:
        self.qt_app = qt_app
        self.args = args
        self.profile = profile
        self.instance = instance
        self.demo = demo
        self.tray_icon = tray_icon
        self.app = None
        self.sandbox = None
        self.url_filter = None
        self.os_integration = None
        self.error: BaseException | None = None

    def finish(self) -> None:
        try:
            self._finish()
        except BaseException as exc:  # raised again once the event loop has returned
            self.error = exc
            self.qt_app.exit(1)

    def _finish(self) -> None:
        from easyclick2call.core.logs import setup_logging
        from easyclick2call.core.settings import Settings
        from easyclick2call.ui.app import EasyClickApp
        from easyclick2call.ui.context import AppContext, LazyHistory, LazySecretStore
        from easyclick2call.ui.icons import app_icon
        from easyclick2call.ui.qsettings_store import QSettingsStore
        from easyclick2call.ui.style import apply_desktop_style

        self.qt_app.setWindowIcon(app_icon())
        apply_desktop_style(self.qt_app)
        args, profile = self.args, self.profile
        level = os.environ.get("EASYCLICK2CALL_LOG_LEVEL", "INFO").upper()
        setup_logging(profile, level=level if level in LOG_LEVELS else "INFO", console=True)
        log.info("starting (demo=%s, custom profile=%s)", self.demo, profile.is_custom)
        settings = Settings(QSettingsStore(profile))
        if args.set_up_account:
            from easyclick2call.ui.demo import forget_demo_account

            forget_demo_account(settings)
        secrets = LazySecretStore(profile.keyring_service)
        if self.demo:
            from easyclick2call.ui.demo import demo_secrets, seed_account, start_sandbox

            secrets = demo_secrets(profile.keyring_service)
            # It answers only once the clipboard is watched: whoever waits for the demo's
            # sandbox (a script, a test) can copy a number as soon as it answers.
            self.sandbox = start_sandbox(args.sandbox_port, serve=False)
            seed_account(settings, secrets, self.sandbox.seed_info())
        from easyclick2call.ui.i18n import install_translator

        language = install_translator(self.qt_app, args.lang or str(settings.get("language")))
        context = AppContext(profile, settings, secrets, LazyHistory(profile.history_db),
                             demo=self.demo, sandbox=self.sandbox, language=language)
        app = EasyClickApp(context, tray_icon=self.tray_icon)
        self.app = app
        self.instance.message_received.connect(lambda message: _handle_message(app, message))
        app.start()
        from easyclick2call.ui.damage_notices import DamageNotices

        DamageNotices(lambda *a, **k: app.notifier.notify(*a, **k), parent=app)  # noqa: PLW0108 (notifier made on first use)
        if self.sandbox is not None:
            self.sandbox.start()
        _say_once_if_the_clipboard_cannot_be_watched(app)
        from easyclick2call.ui.os_integration import OsIntegration

        self.os_integration = OsIntegration(
            context, lambda *args, **kwargs: app.notifier.notify(*args, **kwargs),  # noqa: PLW0108 (notifier made on first use)
            parent=app)

        if os_traits.urls_arrive_as_file_open_events():  # tel: links as file-open events
            from easyclick2call.platform.url_events import UrlOpenFilter

            self.url_filter = UrlOpenFilter(self.qt_app)
            self.url_filter.url_opened.connect(app.offer_text)
            self.qt_app.installEventFilter(self.url_filter)
        if args.set_up_account:
            app.show_settings("account")
        else:
            app.first_run()
        if args.number:
            app.offer_text(args.number)
        # What start-up made lives as long as the app: keep it out of the collector's passes,
        # so that a collection during a copy only looks at what is new.
        import gc

        gc.freeze()

    def shut_down(self) -> None:
        from easyclick2call.ui.tasks import wait_for_tasks

        if self.app is not None:
            self.app.watcher.stop()
        wait_for_tasks(5000)
        if self.sandbox is not None:
            self.sandbox.stop()


def _say_once_if_the_clipboard_cannot_be_watched(app) -> None:
    """On a desktop (Wayland) where a background app never sees copies, say so once, plainly."""
    from easyclick2call.platform.session import clipboard_watch_support

    watchable, reason = clipboard_watch_support()
    if watchable:
        return
    from PySide6.QtCore import QCoreApplication

    log.warning("the clipboard cannot be watched in this session")
    app.notifier.notify(
        QCoreApplication.translate("Startup", "Copied numbers cannot be noticed here"),
        QCoreApplication.translate("Session", reason),
        error=True,
    )


def _handle_message(app, message: dict) -> None:
    """A later launch handed something over: its number, or just "show yourself"."""
    if message.get("cmd") == "offer" and isinstance(message.get("text"), str):
        app.offer_text(message["text"][:1000], "handover")
    else:
        app.show_call_dialog()
