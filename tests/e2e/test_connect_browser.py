"""Connect… end to end: the sandbox's validation page opened and submitted by a real headless
Chromium (Debian's /usr/bin/chromium through /usr/bin/chromedriver), reached through the app's
browser hook; the consumer key lands in the real SecretService keyring (gnome-keyring)."""

from __future__ import annotations

import threading
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt

from easyclick2call.core.secrets import SecretStore, init_backend, usable_backend
from easyclick2call.ui import browser
from easyclick2call.ui.settings_dialog import SettingsDialog
from tests.unit.test_settings_dialog_support import configure_sandbox, make_context, settings_text

pytestmark = [pytest.mark.browser, pytest.mark.keyring, pytest.mark.timeout(180)]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
)


@pytest.fixture
def chromium(tmp_path: Path):
    """A headless Chromium driven by chromedriver; nothing is ever downloaded."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


class BrowserUser:
    """Plays the person in the browser: opens the page the app asks for, presses Authorize."""

    def __init__(self, driver) -> None:
        self.driver = driver
        self.urls: list[str] = []
        self.outcome = ""
        self.error: BaseException | None = None
        self.done = threading.Event()

    def open(self, url: str) -> bool:
        self.urls.append(url)
        threading.Thread(target=self._authorize, args=(url,), daemon=True).start()
        return True

    def _authorize(self, url: str) -> None:
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        try:
            self.driver.get(url)
            assert "Authorize" in self.driver.title
            self.driver.find_element(By.ID, "authorize").click()
            WebDriverWait(self.driver, 30).until(
                expected_conditions.presence_of_element_located((By.ID, "status")))
            self.outcome = self.driver.find_element(By.ID, "status").text
        except BaseException as exc:
            self.error = exc
        finally:
            self.done.set()


def test_connect_through_a_real_browser_stores_the_key_in_the_keyring(
        qtbot, desktop, sandbox, chromium, tmp_path):
    init_backend()
    backend = usable_backend()
    assert type(backend).__module__ == "keyring.backends.SecretService", backend
    context = make_context(tmp_path / "profile")
    service = context.profile.keyring_service
    assert service.startswith("EasyClick2Call:")  # unique to this test's profile
    store = SecretStore(service)
    user = BrowserUser(chromium)
    previous = browser.set_browser_opener(user.open)
    try:
        configure_sandbox(context, sandbox)
        store.delete("consumer_key")
        dialog = SettingsDialog(context)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.account.secrets_loaded, timeout=20000):
            dialog.show()
        page = dialog.account
        page.connect_poll = 0.2
        assert page.consumer_key.state == "empty"
        with qtbot.waitSignal(page.connected, timeout=90000):
            qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
        assert user.done.wait(30)
        assert user.error is None, repr(user.error)
        assert user.outcome.startswith("Access granted")
        assert len(user.urls) == 1 and "credentialToken=" in user.urls[0]
        assert page.connect_status.text().startswith("Connected")
        assert page.consumer_key.stored_label.isHidden()
        with qtbot.waitSignal(dialog.finished, timeout=20000):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        consumer_key = store.get("consumer_key")
        assert consumer_key
        assert keyring.get_password(service, "consumer_key") == consumer_key
        assert sandbox.credential_status(consumer_key) == "validated"
        assert consumer_key not in settings_text(context)
    finally:
        browser.set_browser_opener(previous)
        store.delete_all()
