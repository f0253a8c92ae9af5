"""Settings keep their shape: a small window scrolls the page instead of squashing its fields,
and choosing another endpoint never widens the dialog."""
# ruff: noqa: F811 - the shared fixtures are imported by name

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tests.unit.test_settings_dialog_support import (  # noqa: F401 - fixtures
    context,
    open_dialog,
)


def test_a_small_window_scrolls_rather_than_squashing_the_fields(qtbot, context, open_dialog):
    dialog = open_dialog(context, first_run=True)
    page = dialog.account
    fields = (page.application_key, page.application_secret, page.consumer_key,
              page.connect_button)
    dialog.resize(320, 240)  # what 200 % leaves of a small laptop screen, and less
    QCoreApplication.processEvents()
    assert dialog.height() < page.minimumSizeHint().height()  # it does fit a small screen…
    for field in fields:  # …and its fields keep their size: the page scrolls
        assert field.height() >= field.minimumSizeHint().height(), field.objectName()


def test_the_endpoint_never_widens_the_dialog(qtbot, context, open_dialog):
    dialog = open_dialog(context, advanced=True)
    combo = dialog.account.endpoint
    widths = set()
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        QCoreApplication.processEvents()
        widths.add((dialog.width(), dialog.sizeHint().width()))
    assert len(widths) == 1, widths
