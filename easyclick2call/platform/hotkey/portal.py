"""The global shortcut on Wayland: the xdg-desktop-portal GlobalShortcuts interface (KDE
Plasma, GNOME 48+, the wlroots portals that have it).

The portal binds shortcuts to a session: CreateSession, then BindShortcuts with the preferred
trigger (the desktop may ask the user to confirm or pick another), then ``Activated`` signals.
Each call answers through a Request object's ``Response`` signal. All of it runs on a daemon
thread over jeepney; ``set_shortcut`` only queues the binding (it never waits for the desktop),
and a portal without the interface is reported afterwards through ``on_press(UNAVAILABLE)``.
Up and Down are not bound: a portal asks the user for every new binding. No Qt import.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import select
import threading

from easyclick2call.core.shortcut import Shortcut
from easyclick2call.platform.hotkey.base import SHORTCUT, UNAVAILABLE, OnPress, Problem

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST = "org.freedesktop.portal.Request"
_MODS = {"Ctrl": "CTRL", "Alt": "ALT", "Shift": "SHIFT", "Meta": "LOGO"}
_KEYSYMS = {"Space": "space", "PgUp": "Prior", "PgDown": "Next", "Ins": "Insert",
            "Del": "Delete"}


def trigger(shortcut: Shortcut) -> str:
    """The XDG shortcuts spelling the portal takes: "CTRL+ALT+k"."""
    mods = [_MODS[name] for name in ("Ctrl", "Alt", "Shift", "Meta") if name in shortcut.modifiers]
    key = _KEYSYMS.get(shortcut.key, shortcut.key.lower() if len(shortcut.key) == 1
                       else shortcut.key)
    return "+".join([*mods, key])


class PortalHotkeys:
    """Holds one shortcut through the portal (see the module docstring)."""

    def __init__(self, on_press: OnPress) -> None:
        self._on_press = on_press
        self._outbox: queue.Queue[Shortcut | bool] = queue.Queue()
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="portal-hotkey", daemon=True)
        self._thread.start()

    def set_shortcut(self, shortcut: Shortcut | None) -> Problem | None:
        if self._closed:
            return Problem.UNAVAILABLE
        if shortcut is not None:
            self._put(shortcut)
        return None

    def set_arrows(self, enabled: bool) -> None:
        """Not with a portal (each binding may ask the user)."""

    def close(self) -> None:
        if self._closed:
            return
        self._put(False)
        self._closed = True
        self._thread.join(2)
        if not self._thread.is_alive():
            os.close(self._wake_r)
            os.close(self._wake_w)

    def _put(self, item) -> None:
        self._outbox.put(item)
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"!")

    # -- the portal thread ----------------------------------------------------------------
    def _run(self) -> None:
        try:
            from jeepney.io.blocking import open_dbus_connection

            connection = open_dbus_connection(bus="SESSION")
        except (ImportError, OSError, KeyError, ValueError) as exc:
            log.info("no portal: %s", type(exc).__name__)
            self._report_unavailable()
            return
        try:
            self._serve(connection)
        except OSError as exc:
            log.warning("the portal connection stopped: %s", type(exc).__name__)
        finally:
            connection.close()

    def _report_unavailable(self) -> None:
        with contextlib.suppress(Exception):
            self._on_press(UNAVAILABLE)

    def _serve(self, connection) -> None:
        from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
        from jeepney.bus_messages import message_bus

        portal = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        for rule in (MatchRule(type="signal", interface=REQUEST, member="Response"),
                     MatchRule(type="signal", interface=INTERFACE, member="Activated")):
            connection.send(message_bus.AddMatch(rule))
        sender = connection.unique_name.lstrip(":").replace(".", "_")
        state = {"session": "", "want": None, "requests": {}, "token": 0}

        def call(member: str, signature: str, body: tuple, token_kind: str) -> None:
            state["token"] += 1
            token = f"ec2c{state['token']}"
            state["requests"][f"{PATH}/request/{sender}/{token}"] = token_kind
            options = {"handle_token": ("s", token)}
            if member == "CreateSession":
                options["session_handle_token"] = ("s", f"ec2c_session{state['token']}")
                body = (options,)
            else:
                body = (*body, options)
            serial = next(connection.outgoing_serial)
            state["requests"][serial] = token_kind
            connection.send(new_method_call(portal, member, signature, body), serial=serial)

        def bind() -> None:
            shortcut = state["want"]
            if not state["session"] or shortcut is None:
                return
            call("BindShortcuts", "oa(sa{sv})sa{sv}",
                 (state["session"], [(SHORTCUT, {
                     "description": ("s", "Offer to call the selected number"),
                     "preferred_trigger": ("s", trigger(shortcut))})], ""), "bind")

        call("CreateSession", "a{sv}", (), "session")
        while True:
            select.select([connection.sock, self._wake_r], [], [])
            with contextlib.suppress(BlockingIOError):
                os.read(self._wake_r, 64)
            while not self._outbox.empty():
                item = self._outbox.get()
                if item is False:
                    return
                state["want"] = item
                bind()
            while True:
                try:
                    message = connection.receive(timeout=0)
                except TimeoutError:
                    break
                header = message.header
                if header.message_type == MessageType.error:
                    kind = state["requests"].pop(header.fields.get(HeaderFields.reply_serial), None)
                    if kind is not None:  # CreateSession or BindShortcuts refused: no portal
                        log.info("the portal has no global shortcuts")
                        self._report_unavailable()
                        return
                elif header.message_type == MessageType.signal:
                    member = header.fields.get(HeaderFields.member)
                    path = header.fields.get(HeaderFields.path)
                    if member == "Response" and path in state["requests"]:
                        kind = state["requests"].pop(path)
                        response, results = message.body
                        if response != 0:
                            log.info("the portal declined the %s (%d)", kind, response)
                        elif kind == "session":
                            state["session"] = results.get("session_handle", ("s", ""))[1]
                            bind()
                    elif member == "Activated" and message.body[0] == state["session"] \
                            and message.body[1] == SHORTCUT:
                        try:
                            self._on_press(SHORTCUT)
                        except Exception:
                            log.exception("shortcut handler failed")
