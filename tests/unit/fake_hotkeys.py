"""Stand-ins for the Windows (user32) and macOS (Carbon) hot-key calls, which cannot run here.

Each keeps a system-wide table of registered combinations, as the OS does: a combination another
"program" holds cannot be registered again."""

from __future__ import annotations

import queue
import threading

from easyclick2call.platform.hotkey import macos, windows


class FakeUser32:
    """RegisterHotKey / UnregisterHotKey / GetMessageW / PostThreadMessageW, per thread."""

    def __init__(self, taken: set[tuple[int, int]] | None = None) -> None:
        self.taken = set(taken or ())  # (modifiers without MOD_NOREPEAT, vk) other programs hold
        self.registered: dict[int, tuple[int, int]] = {}  # id -> (modifiers, vk)
        self.threads: set[int] = set()  # the threads that called register/unregister
        self._messages: queue.Queue[tuple[int, int]] = queue.Queue()

    def register_hotkey(self, hotkey_id: int, modifiers: int, vk: int) -> int:
        self.threads.add(threading.get_ident())
        if (modifiers & ~windows.MOD_NOREPEAT, vk) in self.taken or hotkey_id in self.registered:
            return windows.ERROR_HOTKEY_ALREADY_REGISTERED
        self.registered[hotkey_id] = (modifiers, vk)
        return 0

    def unregister_hotkey(self, hotkey_id: int) -> None:
        self.threads.add(threading.get_ident())
        self.registered.pop(hotkey_id, None)

    def thread_id(self) -> int:
        return threading.get_ident()

    def get_message(self) -> tuple[int, int]:
        return self._messages.get()

    def post_thread_message(self, _thread_id: int, message: int) -> None:
        self._messages.put((message, 0))

    def press(self, modifiers: int, vk: int) -> bool:
        """The user presses a combination: WM_HOTKEY for the id that holds it, if any."""
        for hotkey_id, (held_mods, held_vk) in self.registered.items():
            if (held_mods & ~windows.MOD_NOREPEAT, held_vk) == (modifiers, vk):
                self._messages.put((windows.WM_HOTKEY, hotkey_id))
                return True
        return False


class FakeCarbon:
    """InstallEventHandler / RegisterEventHotKey / UnregisterEventHotKey."""

    def __init__(self, taken: set[tuple[int, int]] | None = None) -> None:
        self.taken = set(taken or ())  # (key code, modifiers) held exclusively by others
        self.registered: dict[int, tuple[int, int, int]] = {}  # ref -> (code, mods, hot-key id)
        self.handler = None
        self._next_ref = 100

    def install_handler(self, on_event) -> None:
        self.handler = on_event

    def register(self, key_code: int, modifiers: int, hotkey_id: int) -> tuple[int, int]:
        if (key_code, modifiers) in self.taken:
            return macos.EVENT_HOTKEY_EXISTS, 0
        self._next_ref += 1
        self.registered[self._next_ref] = (key_code, modifiers, hotkey_id)
        return 0, self._next_ref

    def unregister(self, ref: int) -> None:
        del self.registered[ref]

    def send(self, kind: int, key_code: int, modifiers: int) -> None:
        """The user presses or releases a combination (the main thread's event loop)."""
        for code, mods, hotkey_id in list(self.registered.values()):
            if (code, mods) == (key_code, modifiers):
                self.handler(kind, hotkey_id)
