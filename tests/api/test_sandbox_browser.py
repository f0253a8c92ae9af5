"""The consumer-key validation page in a real headless chromium: read it, click Authorize/Refuse."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium():
    """Debian's chromium, headless, driven by chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"):
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def _pending_key(ovh_client) -> dict:
    request = ovh_client.new_consumer_key_request()
    request.add_rule("GET", "/me")
    request.add_rule("POST", "/telephony/*/line/*/click2Call")
    return request.request()


@pytest.mark.parametrize(
    ("button", "status", "text"),
    [("authorize", "validated", "Access granted"), ("refuse", "refused", "Access refused")],
)
def test_decision_in_a_real_browser(sandbox, ovh_client, chromium, button, status, text) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    def status_text() -> str:
        """The result page's status line, once the form's navigation has finished."""
        located = expected_conditions.presence_of_element_located((By.ID, "status"))
        return WebDriverWait(chromium, 15, poll_frequency=0.05).until(located).text

    pending = _pending_key(ovh_client)
    chromium.get(pending["validationUrl"])
    assert chromium.find_element(By.ID, "application").text == "EasyClick2Call demo"
    rules = chromium.find_element(By.ID, "rules").text
    assert "/telephony/*/line/*/click2Call" in rules and "/me" in rules
    chromium.find_element(By.ID, button).click()
    assert text in status_text()
    assert sandbox.credential_status(pending["consumerKey"]) == status

    chromium.get(pending["validationUrl"])  # a second visit cannot change the decision
    assert status in status_text()
    assert not chromium.find_elements(By.ID, "authorize")
