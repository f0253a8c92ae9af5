"""The Settings dialog's one call: the OS follows the two desktop-integration checkboxes."""

from easyclick2call.platform import integration


def test_both_settings_on_then_off(xdg_dirs):
    assert integration.current_state() == integration.IntegrationState(False, False)
    assert integration.apply(start_at_login=True, handle_tel_links=True) == []
    assert integration.current_state() == integration.IntegrationState(True, True)
    assert (xdg_dirs[1] / "autostart").is_dir()
    assert integration.apply(start_at_login=False, handle_tel_links=False) == []
    assert integration.current_state() == integration.IntegrationState(False, False)


def test_a_failure_is_a_sentence_and_the_other_setting_still_applies(xdg_dirs, monkeypatch):
    monkeypatch.setenv("PATH", str(xdg_dirs[0]))  # no xdg-mime on PATH
    problems = integration.apply(start_at_login=True, handle_tel_links=True)
    assert problems == [
        "xdg-mime was not found; install the xdg-utils package, then try again."]
    assert integration.current_state().start_at_login


def test_unwritable_autostart_folder_is_reported(xdg_dirs):
    blocker = xdg_dirs[1] / "autostart"
    blocker.write_text("a file where the folder should be")
    problems = integration.apply(start_at_login=True, handle_tel_links=False)
    assert len(problems) == 1
    assert problems[0].startswith("Could not change “Start at login”")
