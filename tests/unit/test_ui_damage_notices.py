"""The app tells the user once about a damaged settings file or call history: a notification
(from whatever thread found the damage) and a banner at the top of the Settings dialog."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from easyclick2call.core import damaged
from easyclick2call.core.history import CallRecord, History
from easyclick2call.ui.damage_notices import DamageNotices, settings_banner_text
from easyclick2call.ui.notifications import Notifier
from tests.unit.test_settings_dialog_support import make_context, open_dialog  # noqa: F401


@pytest.fixture(autouse=True)
def _no_stale_notices():
    damaged.take_pending()
    yield
    damaged.take_pending()


@pytest.fixture
def notifier(qtbot) -> Notifier:
    notifier = Notifier(use_desktop=False)
    yield notifier
    for toast in notifier.toasts:
        toast.close()


@pytest.fixture
def listening(notifier: Notifier):
    """listening() -> a DamageNotices showing on `notifier`, stopped after the test."""
    made: list[DamageNotices] = []

    def make() -> DamageNotices:
        made.append(DamageNotices(notifier.notify))
        return made[-1]

    yield make
    for notices in made:
        notices.stop()
        notices.deleteLater()

def titles(notifier: Notifier) -> list[str]:
    return [toast.windowTitle() for toast in notifier.toasts]


def test_a_history_damaged_on_a_worker_thread_is_shown_once(qtbot, notifier, listening,
                                                           tmp_path: Path):
    notices = listening()
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"\x00\x01 this is not SQLite " * 200)
    history = History(path)

    def call_recorded_by_a_worker() -> None:
        history.add(CallRecord.new("+33199001234", "", "l1", "placed", source="popup"))
        history.add(CallRecord.new("+33199001235", "", "l1", "placed", source="popup"))

    worker = threading.Thread(target=call_recorded_by_a_worker)
    worker.start()
    worker.join(30)
    qtbot.waitUntil(lambda: len(notices.shown) == 1, timeout=5000)
    assert titles(notifier) == ["EasyClick2Call — Call history repaired"]
    kept = next(p for p in tmp_path.glob("history.sqlite3.damaged-*")
                if not p.name.endswith(("-wal", "-shm")))
    assert str(kept) in notifier.toasts[0].body_label.text()
    assert len(history.all()) == 2


def test_notices_reported_before_the_app_listens_are_shown_then(qtbot, notifier, listening,
                                                               profile_dir):
    (profile_dir / "settings.ini").write_bytes(b"[General]\nregion=BE\n\xff\xfe\n")
    make_context(profile_dir)  # reads (and repairs) the settings before any notifier exists
    notices = listening()
    qtbot.waitUntil(lambda: len(notices.shown) == 1, timeout=5000)
    assert titles(notifier) == ["EasyClick2Call — Settings file repaired"]


def test_the_settings_dialog_shows_a_banner_after_a_repair(qtbot, profile_dir, memory_keyring,
                                                           open_dialog):  # noqa: F811
    (profile_dir / "settings.ini").write_bytes(b"[General]\nregion=BE\ngarbage line\n")
    context = make_context(profile_dir)
    dialog = open_dialog(context)
    assert dialog.banner.isVisible()
    kept = next(profile_dir.glob("settings.ini.damaged-*"))
    assert "every setting that could still be read is kept" in dialog.banner.text()
    assert str(kept) in dialog.banner.text()
    assert context.settings.get("region") == "BE"


def test_no_banner_when_all_is_well(qtbot, profile_dir, memory_keyring, open_dialog):  # noqa: F811
    dialog = open_dialog(make_context(profile_dir))
    assert not dialog.banner.isVisible() and dialog.banner.text() == ""


def test_an_invalid_endpoint_is_named_in_the_banner(profile_dir, memory_keyring):
    (profile_dir / "settings.ini").write_text("[General]\nendpoint=xyz\n")
    text = settings_banner_text(make_context(profile_dir))
    assert text == 'The endpoint setting "xyz" is not valid — choose one in Account.'
