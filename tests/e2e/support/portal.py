"""A stand-in for xdg-desktop-portal's GlobalShortcuts interface on the session bus (Debian's
portals have no back-end for it), as a desktop that offers global shortcuts answers: it creates
sessions, binds the shortcuts it is asked for (recording their preferred triggers) and, on
`press(shortcut_id)`, sends Activated — what the desktop does when the user presses the keys.
Runs in a thread of the test process over jeepney."""

from __future__ import annotations

from jeepney import DBusAddress, HeaderFields, new_error, new_method_return

from tests.e2e.support.bus_service import BusService

NAME = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"


class GlobalShortcutsPortal(BusService):
    """Context manager; `.bindings()` maps shortcut id -> preferred trigger, once bound."""

    thread_name = "portal"
    bus_name = NAME

    def __init__(self) -> None:
        self.bound: dict[str, str] = {}
        self.sessions: list[str] = []
        super().__init__()

    def press(self, shortcut_id: str) -> None:
        """The user presses the keys bound to `shortcut_id`."""
        with self._lock:
            session = self.sessions[-1]
        self.emit(DBusAddress(PATH, interface=INTERFACE), "Activated", "osta{sv}",
                  (session, shortcut_id, 0, {}))

    def bindings(self) -> dict[str, str]:
        with self._lock:
            return dict(self.bound)

    def _answer(self, connection, message) -> None:
        member = message.header.fields.get(HeaderFields.member)
        if message.header.fields.get(HeaderFields.interface) != INTERFACE:
            # Other portals (Qt asks the Settings one) are not offered here.
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownInterface"))
            return
        sender = message.header.fields.get(HeaderFields.sender, ":0").lstrip(":")
        sender = sender.replace(".", "_")
        options = message.body[-1] if message.body else {}
        token = options.get("handle_token", ("s", "t"))[1]
        request = f"{PATH}/request/{sender}/{token}"
        if member == "CreateSession":
            session = f"{PATH}/session/{sender}/{options['session_handle_token'][1]}"
            with self._lock:
                self.sessions.append(session)
            results = {"session_handle": ("s", session)}
        elif member == "BindShortcuts":
            _session, shortcuts, _parent, _options = message.body
            with self._lock:
                for shortcut_id, props in shortcuts:
                    self.bound[shortcut_id] = props.get("preferred_trigger", ("s", ""))[1]
            results = {"shortcuts": ("a(sa{sv})", shortcuts)}
        else:
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))
            return
        connection.send(new_method_return(message, "o", (request,)))
        self.emit(DBusAddress(request, interface="org.freedesktop.portal.Request"), "Response",
                  "ua{sv}", (0, results))
