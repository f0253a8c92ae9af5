"""Read the X11 CLIPBOARD / PRIMARY text over our own X connection, on our own thread.

Qt's QClipboard reads a selection on the GUI thread, one request at a time: it asks the X server
who owns the selection (three times for one ``text()``), asks the owner for its TARGETS, waits,
then asks for the text and waits again — and it blocks the GUI thread for up to 5 s when the
owner does not answer. This reader sends the three conversions it needs (TARGETS, the password
managers' ``x-kde-passwordManagerHint`` and UTF8_STRING) in one go, so the owner answers them in
one wake-up, reads the answers on a thread of its own (INCR transfers of big text included) and
hands the result to a callback. The GUI thread only sends the requests.

The concealed check needs the TARGETS list, so the text of a concealed copy does reach this
process; it is then dropped without being decoded, logged or kept. The reader never owns a
selection and never writes to one.

Pure Python (ctypes over libxcb, which Qt's X11 platform plugin loads anyway); no Qt import.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from easyclick2call.platform.clipboard.concealed import KDE_HINT, is_concealed

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 5.0  # as Qt's clipboard; counted again from each chunk of an INCR transfer

# Read statuses
TEXT = "text"
CONCEALED = "concealed"
NOT_TEXT = "not-text"
NO_OWNER = "no-owner"
TIMEOUT = "timeout"
FAILED = "failed"

# X protocol constants
_SELECTION_NOTIFY = 31
_PROPERTY_NOTIFY = 28
_PROPERTY_NEW_VALUE = 0
_NONE = 0
_CURRENT_TIME = 0
_ANY_PROPERTY_TYPE = 0
_WINDOW_CLASS_INPUT_ONLY = 2
_CW_EVENT_MASK = 0x800
_PROPERTY_CHANGE_MASK = 0x400000
_ALL = 0x1FFFFFFF  # long_length for "the whole property"

# Text targets in order of preference, and how to decode each one.
_TEXT_TARGETS = (
    ("UTF8_STRING", "utf-8"),
    ("text/plain;charset=utf-8", "utf-8"),
    ("STRING", "latin-1"),
    ("TEXT", "utf-8"),
    ("text/plain", "utf-8"),
)
# Atoms whose names matter when the owner lists them (TARGETS gives numbers, not names).
_KNOWN = ("CLIPBOARD", "PRIMARY", "TARGETS", "INCR", KDE_HINT,
          *(name for name, _ in _TEXT_TARGETS))
_SLOTS = 4  # property names used in turn, so that a late answer to an old request is told apart
_MAX_ASKS = 64


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _ScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint32)), ("rem", ctypes.c_int),
                ("index", ctypes.c_int)]


def _load_xcb() -> ctypes.CDLL | None:
    # Qt's X11 plugin has loaded libxcb.so.1 already; find_library (which runs ldconfig) is
    # only for a system that names it otherwise.
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        name = ctypes.util.find_library("xcb")
        if name is None:
            return None
        try:
            xcb = ctypes.CDLL(name)
        except OSError:
            return None
    u8, u16, u32, ptr = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32, ctypes.c_void_p
    signatures = {
        "xcb_connect": (ptr, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]),
        "xcb_connection_has_error": (ctypes.c_int, [ptr]),
        "xcb_disconnect": (None, [ptr]),
        "xcb_get_setup": (ptr, [ptr]),
        "xcb_setup_roots_iterator": (_ScreenIterator, [ptr]),
        "xcb_screen_next": (None, [ctypes.POINTER(_ScreenIterator)]),
        "xcb_generate_id": (u32, [ptr]),
        "xcb_create_window": (_Cookie, [ptr, u8, u32, u32, ctypes.c_int16, ctypes.c_int16, u16,
                                        u16, u16, u16, u32, u32, ptr]),
        "xcb_intern_atom": (_Cookie, [ptr, u8, u16, ctypes.c_char_p]),
        "xcb_intern_atom_reply": (ptr, [ptr, _Cookie, ptr]),
        "xcb_convert_selection": (_Cookie, [ptr, u32, u32, u32, u32, u32]),
        "xcb_get_property": (_Cookie, [ptr, u8, u32, u32, u32, u32, u32]),
        "xcb_get_property_reply": (ptr, [ptr, _Cookie, ptr]),
        "xcb_get_property_value": (ptr, [ptr]),
        "xcb_get_property_value_length": (ctypes.c_int, [ptr]),
        "xcb_delete_property": (_Cookie, [ptr, u32, u32]),
        "xcb_poll_for_event": (ptr, [ptr]),
        "xcb_get_file_descriptor": (ctypes.c_int, [ptr]),
        "xcb_flush": (ctypes.c_int, [ptr]),
    }
    try:
        for fname, (restype, argtypes) in signatures.items():
            function = getattr(xcb, fname)
            function.restype = restype
            function.argtypes = argtypes
    except AttributeError:
        return None
    return xcb


_libc = ctypes.CDLL(None)
_libc.free.argtypes = [ctypes.c_void_p]
_libc.free.restype = None


@dataclass(frozen=True)
class SelectionText:
    """What one read gave: the text (status TEXT), or why there is none."""

    request: int
    selection: str  # "CLIPBOARD" or "PRIMARY"
    status: str
    text: str | None = None


@dataclass
class _Read:
    """One request under way."""

    request: int
    selection: str
    slot: int
    deadline: float
    targets: list[int] | None = None
    targets_done: bool = False
    hint: bytes | None = None
    hint_done: bool = True  # asked (and then not done) only of an owner that lists the hint
    text_target: int = 0  # the text target asked for; those before it were not offered
    text: bytes | None = None
    text_done: bool = False
    chunks: list[bytes] = field(default_factory=list)  # of an INCR transfer


@dataclass(frozen=True)
class _Ask:
    """One conversion asked of an owner and not answered yet."""

    read: _Read
    kind: str  # "TARGETS", "HINT" or "TEXT"
    target: int


class SelectionReader:
    """Reads selections on a daemon thread; ``on_result(SelectionText)`` is called there.

    ``request(selection)`` may be called from any thread (the GUI thread); it returns the request
    number found again in the result. A newer request for the same selection supersedes an older
    one: the older one gets no result."""

    def __init__(self, on_result: Callable[[SelectionText], None],
                 display: str | None = None) -> None:
        self._on_result = on_result
        self._xcb = _load_xcb()
        if self._xcb is None:
            raise OSError("libxcb is not available")
        name = (display if display is not None else os.environ.get("DISPLAY", "")).encode()
        screen = ctypes.c_int(0)
        self._conn = self._xcb.xcb_connect(name or None, ctypes.byref(screen))
        if not self._conn or self._xcb.xcb_connection_has_error(self._conn):
            if self._conn:
                self._xcb.xcb_disconnect(self._conn)
            raise OSError("cannot connect to the X server")
        self._lock = threading.Lock()
        self._reads: dict[str, _Read] = {}  # selection -> the read under way
        self._asks: list[_Ask] = []  # in the order sent: owners answer in that order
        self._transfers: dict[int, _Read] = {}  # text property -> its INCR transfer under way
        self._next_request = 0
        self._next_slot = 0
        self._closed = False
        try:
            self._atoms = self._intern_all(screen.value)
        except OSError:
            self._xcb.xcb_disconnect(self._conn)
            raise
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        self._thread = threading.Thread(target=self._run, name="x11-selection", daemon=True)
        self._thread.start()

    # -- set-up ---------------------------------------------------------------------------
    def _intern_all(self, screen_number: int) -> dict[str, int]:
        xcb, conn = self._xcb, self._conn
        iterator = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(conn))
        for _ in range(screen_number):
            xcb.xcb_screen_next(ctypes.byref(iterator))
        root = iterator.data[0]  # xcb_screen_t starts with its root window
        # One window per slot: some owners (xclip) take the deletion of any property of the
        # window they send a big text to as the go-ahead for its next chunk, so reads under way
        # at the same time must not share a window.
        mask = ctypes.c_uint32(_PROPERTY_CHANGE_MASK)
        self._windows = [xcb.xcb_generate_id(conn) for _ in range(_SLOTS)]
        for window in self._windows:
            xcb.xcb_create_window(conn, 0, window, root, -10, -10, 1, 1, 0,
                                  _WINDOW_CLASS_INPUT_ONLY, 0, _CW_EVENT_MASK, ctypes.byref(mask))
        names = [*_KNOWN, *(f"_EASYCLICK2CALL_{kind}{slot}" for slot in range(_SLOTS)
                            for kind in ("TARGETS", "HINT", "TEXT"))]
        cookies = [xcb.xcb_intern_atom(conn, 0, len(n.encode()), n.encode()) for n in names]
        atoms = {}
        for atom_name, cookie in zip(names, cookies, strict=True):
            reply = xcb.xcb_intern_atom_reply(conn, cookie, None)
            if not reply:
                raise OSError("the X server did not answer")
            atoms[atom_name] = ctypes.cast(reply, ctypes.POINTER(ctypes.c_uint32))[2]
            _libc.free(reply)
        self._names = {atom: atom_name for atom_name, atom in atoms.items()}
        self._decoding = {atoms[n]: encoding for n, encoding in _TEXT_TARGETS}
        self._text_order = [atoms[n] for n, _encoding in _TEXT_TARGETS]
        return atoms

    def _property(self, kind: str, slot: int) -> int:
        return self._atoms[f"_EASYCLICK2CALL_{kind}{slot}"]

    # -- requests (any thread) ------------------------------------------------------------
    def request(self, selection: str = "CLIPBOARD") -> int:
        """Ask the owner of `selection` for its text; the answer goes to on_result."""
        with self._lock:
            if self._closed:
                raise OSError("the selection reader is closed")
            self._next_request += 1
            slot = self._free_slot()
            read = _Read(self._next_request, selection, slot,
                         time.monotonic() + READ_TIMEOUT_S, text_target=self._text_order[0])
            self._reads[selection] = read
            # Answers still awaited in this slot's properties can no longer be told from the new
            # ones (an owner that never answered): forgotten, as are the oldest beyond a bound.
            self._asks = [ask for ask in self._asks[-_MAX_ASKS:] if ask.read.slot != slot]
            self._transfers.pop(self._property("TEXT", slot), None)
            self._ask(read, "TARGETS", self._atoms["TARGETS"])
            self._ask(read, "TEXT", read.text_target)
            self._xcb.xcb_flush(self._conn)
            self._wake()  # a new deadline to watch
        return read.request

    def _free_slot(self) -> int:
        """The next property slot that no read under way (of either selection) nor transfer
        holds, in turn; the lock is held."""
        held = {read.slot for read in self._reads.values()}
        held |= {read.slot for read in self._transfers.values()}
        for step in range(_SLOTS):
            slot = (self._next_slot + step) % _SLOTS
            if slot not in held:
                break
        else:
            slot = self._next_slot
        self._next_slot = (slot + 1) % _SLOTS
        return slot

    def _wake(self) -> None:
        """Wake the reading thread (the lock is held, so its pipe is still open)."""
        with contextlib.suppress(BlockingIOError):
            os.write(self._wake_w, b"!")

    def _ask(self, read: _Read, kind: str, target: int) -> None:
        """Send one ConvertSelection (the lock is held)."""
        self._asks.append(_Ask(read, kind, target))
        self._xcb.xcb_convert_selection(self._conn, self._windows[read.slot],
                                        self._atoms[read.selection],
                                        target, self._property(kind, read.slot), _CURRENT_TIME)

    def close(self) -> None:
        """Stop the thread; it drops the X connection on its way out."""
        with self._lock:
            self._closed = True
            self._reads.clear()
            if self._conn is not None:
                self._wake()
        self._thread.join(2)

    @property
    def alive(self) -> bool:
        return not self._closed

    # -- the reading thread ---------------------------------------------------------------
    def _run(self) -> None:
        fd = self._xcb.xcb_get_file_descriptor(self._conn)
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        poller.register(self._wake_r, select.POLLIN)
        try:
            while True:
                with self._lock:
                    if self._closed:
                        return
                    deadlines = [read.deadline for read in self._reads.values()]
                timeout = None if not deadlines else max(0.0, min(deadlines) - time.monotonic())
                ready = poller.poll(None if timeout is None else int(timeout * 1000) + 1)
                for ready_fd, _events in ready:
                    if ready_fd == self._wake_r:
                        with contextlib.suppress(BlockingIOError):
                            os.read(self._wake_r, 64)
                self._drain_events()
                if self._xcb.xcb_connection_has_error(self._conn):
                    log.warning("the X connection of the selection reader was lost")
                    return
                self._expire()
        except Exception:  # never let the thread die silently with reads pending
            log.exception("selection reader stopped")
        finally:
            self._shut()

    def _shut(self) -> None:
        """The thread's end: no more requests, resources freed, reads under way failed."""
        with self._lock:
            self._closed = True
            reads = list(self._reads.values())
            self._reads.clear()
            self._xcb.xcb_disconnect(self._conn)
            self._conn = None
            os.close(self._wake_r)
            os.close(self._wake_w)
        for read in reads:
            self._deliver(SelectionText(read.request, read.selection, FAILED))

    def _drain_events(self) -> None:
        """Handle what the X server sent, a batch at a time: the properties named by all the
        owners' answers in a batch are asked for together (one round trip, not one each)."""
        while True:
            events = self._pending_events()
            if not events:
                return
            matched = [self._match(*event[1:]) if event[0] == "answer" else None
                       for event in events]
            cookies = [self._ask_property(answer) if answer is not None else None
                       for answer in matched]
            for event, answer, cookie in zip(events, matched, cookies, strict=True):
                if event[0] == "answer":
                    if answer is not None:
                        self._selection_notify(answer, cookie)
                else:
                    self._property_new_value(event[1])

    def _pending_events(self) -> list[tuple[str, int, ...]]:
        """("answer", selection, target, property) and ("new-value", property) events."""
        xcb, events = self._xcb, []
        while True:
            event = xcb.xcb_poll_for_event(self._conn)
            if not event:
                return events
            try:
                words = ctypes.cast(event, ctypes.POINTER(ctypes.c_uint32))
                kind = ctypes.cast(event, ctypes.POINTER(ctypes.c_uint8))[0] & 0x7F
                if kind == _SELECTION_NOTIFY:
                    events.append(("answer", words[3], words[4], words[5]))
                elif kind == _PROPERTY_NOTIFY:
                    state = ctypes.cast(event, ctypes.POINTER(ctypes.c_uint8))[16]
                    if state == _PROPERTY_NEW_VALUE:
                        events.append(("new-value", words[2]))
            finally:
                _libc.free(event)

    def _match(self, selection: int, target: int, prop: int) -> tuple[_Ask, int, bool] | None:
        """(the ask an owner's answer is for, the property it wrote — NONE for a refusal —,
        whether its read is still the current one); None when nothing asked matches."""
        with self._lock:
            ask = next((a for a in self._asks
                        if a.target == target and self._atoms[a.read.selection] == selection
                        and (prop == _NONE or self._property(a.kind, a.read.slot) == prop)),
                       None)
            if ask is None:
                return None
            self._asks.remove(ask)
            return ask, prop, self._reads.get(ask.read.selection) is ask.read

    def _ask_property(self, answer: tuple[_Ask, int, bool]) -> _Cookie | None:
        """Send the GetProperty for an answer (its reply is taken in _selection_notify).

        Only the text is deleted once read (that is what drives an INCR transfer, which is
        taken to its end even for a superseded read: see _property_new_value); deleting the
        small TARGETS / hint answers could be taken by an owner busy sending the text in chunks
        as the go-ahead for its next chunk (xclip does not check which property)."""
        ask, prop, current = answer
        if prop == _NONE or not (current or ask.kind == "TEXT"):
            return None
        return self._xcb.xcb_get_property(self._conn, int(ask.kind == "TEXT"),
                                          self._windows[ask.read.slot], prop,
                                          _ANY_PROPERTY_TYPE, 0, _ALL)

    def _selection_notify(self, answer: tuple[_Ask, int, bool], cookie: _Cookie | None) -> None:
        """An owner's answer: the property it wrote, read; or a refusal."""
        ask, _prop, current = answer
        read, kind = ask.read, ask.kind
        log.debug("%s answer for read %d%s: %s", read.selection, read.request,
                  "" if current else " (superseded)",
                  kind if cookie is not None else f"{kind} refused or not read")
        value, value_type, fmt = (None, 0, 0) if cookie is None else self._property_reply(cookie)
        if kind == "TEXT" and value_type == self._atoms["INCR"]:
            # The owner sends the text in chunks, one per deleted property (taken to its end
            # even for a superseded read, then dropped).
            read.deadline = time.monotonic() + READ_TIMEOUT_S
            with self._lock:
                self._transfers[self._property("TEXT", read.slot)] = read
            return
        if not current:
            return
        if kind == "TARGETS":
            read.targets_done = True
            if fmt == 32 and value:
                count = len(value) // 4
                read.targets = list((ctypes.c_uint32 * count).from_buffer_copy(value[:count * 4]))
            if read.targets and self._atoms[KDE_HINT] in read.targets:
                read.hint_done = False  # a password manager's mark: its value says
                self._send(read, "HINT", self._atoms[KDE_HINT])
        elif kind == "HINT":
            read.hint_done = True
            read.hint = value
        else:
            read.text_done = True
            read.text = value
        self._progress(read)

    def _property_new_value(self, prop: int) -> None:
        """A chunk of an INCR transfer. A transfer whose read was superseded is still taken to
        its end (and dropped): the owner waits for each chunk to be taken, and some (xclip)
        would wait for ever."""
        with self._lock:
            read = self._transfers.get(prop)
            current = read is not None and self._reads.get(read.selection) is read
        if read is None:
            return
        value = self._take_property(self._windows[read.slot], prop)
        if value is None:
            return  # no chunk there (an event for a property already read)
        read.deadline = time.monotonic() + READ_TIMEOUT_S
        if value:
            if current:
                read.chunks.append(value)
            return
        with self._lock:
            self._transfers.pop(prop, None)
        read.text_done = True
        read.text = b"".join(read.chunks)
        read.chunks.clear()
        if current:
            self._progress(read)

    def _take_property(self, window: int, prop: int) -> bytes | None:
        """Read and delete a property of one of our windows; None when there is none."""
        cookie = self._xcb.xcb_get_property(self._conn, 1, window, prop,
                                            _ANY_PROPERTY_TYPE, 0, _ALL)
        return self._property_reply(cookie)[0]

    def _property_reply(self, cookie: _Cookie) -> tuple[bytes | None, int, int]:
        """(bytes — None when there is no such property —, type atom, format)."""
        xcb = self._xcb
        reply = xcb.xcb_get_property_reply(self._conn, cookie, None)
        if not reply:
            return None, 0, 0
        try:
            header = ctypes.cast(reply, ctypes.POINTER(ctypes.c_uint32))
            fmt = ctypes.cast(reply, ctypes.POINTER(ctypes.c_uint8))[1]
            value_type = header[2]
            if value_type == _NONE:
                return None, 0, 0
            length = xcb.xcb_get_property_value_length(reply)
            data = ctypes.string_at(xcb.xcb_get_property_value(reply), length) if length else b""
            return data, value_type, fmt
        finally:
            _libc.free(reply)

    def _progress(self, read: _Read) -> None:
        """After each answer: ask for another text target, or finish.

        TARGETS is trusted when the owner gives it: some owners (xclip) answer any target with
        their data, so a text answer is kept only for a target they list."""
        if not (read.targets_done and read.text_done):
            return
        offered = read.targets
        if read.text is None or (offered is not None and read.text_target not in offered):
            read.text = None
            # An owner with no TARGETS (old X programs) may still give STRING, the oldest type.
            candidates = offered if offered is not None else [self._atoms["STRING"]]
            later = self._text_order[self._text_order.index(read.text_target) + 1:]
            fallback = next((atom for atom in later if atom in candidates), None)
            if fallback is not None:
                read.text_target, read.text_done = fallback, False
                self._send(read, "TEXT", fallback)
                return
        if read.hint_done:
            self._finish(read, *self._outcome(read))

    def _send(self, read: _Read, kind: str, target: int) -> None:
        with self._lock:
            self._ask(read, kind, target)
            self._xcb.xcb_flush(self._conn)

    def _outcome(self, read: _Read) -> tuple[str, str | None]:
        if read.targets is None and read.text is None:
            return NO_OWNER, None
        names = [self._names.get(atom, "") for atom in read.targets or ()]
        if is_concealed(names, lambda _fmt: read.hint or b""):
            return CONCEALED, None
        if read.text is None:
            return NOT_TEXT, None
        encoding = self._decoding.get(read.text_target, "utf-8")
        text = read.text.rstrip(b"\0").decode(encoding, "replace")
        return TEXT, text

    def _finish(self, read: _Read, status: str, text: str | None) -> None:
        with self._lock:
            if self._reads.get(read.selection) is not read:
                return  # superseded meanwhile
            del self._reads[read.selection]
        self._deliver(SelectionText(read.request, read.selection, status, text))

    def _deliver(self, result: SelectionText) -> None:
        try:
            self._on_result(result)
        except Exception:
            log.exception("selection result handler failed")

    def _expire(self) -> None:
        now = time.monotonic()
        with self._lock:
            late = [read for read in self._reads.values() if read.deadline <= now]
            for read in late:
                del self._reads[read.selection]
            for prop, read in list(self._transfers.items()):
                if read.deadline <= now:
                    del self._transfers[prop]
        for read in late:
            log.info("the %s owner did not answer within %.0f s", read.selection,
                     READ_TIMEOUT_S)
            self._deliver(SelectionText(read.request, read.selection, TIMEOUT))
