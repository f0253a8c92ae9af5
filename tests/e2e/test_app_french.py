"""The running app speaks French when asked to: the catalogue reaches the popup."""

from __future__ import annotations

from tests.e2e.support.actions import copy_to_clipboard, wait_for_window


def test_popup_is_in_french_with_lang_fr(start_app) -> None:
    app = start_app("--lang", "fr")
    copy_to_clipboard("appelez le 01 99 00 12 34")
    wait_for_window("Appeler +33199001234 ? — EasyClick2Call", pid=app.pid)


def test_popup_is_in_french_in_a_french_session(start_app, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.setenv("LANGUAGE", "fr")
    monkeypatch.delenv("LC_ALL", raising=False)
    app = start_app("--lang", "system")  # the session's language
    copy_to_clipboard("appelez le 01 99 00 43 21")
    wait_for_window("Appeler +33199004321 ? — EasyClick2Call", pid=app.pid)
