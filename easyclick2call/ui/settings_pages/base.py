"""What every settings page has in common, and fields generated from the settings declarations.

A page loads its fields from the context's settings, reports invalid fields (`validate`), and
hands the dialog what to save (`pending_settings`, `pending_secrets`). Labels and tooltips come
from `core.settings.SETTINGS` (key, type, default, label, help, group, choices) and are
translated in the "Settings" context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from easyclick2call.core.settings import BY_KEY, Setting, settings_in_group
from easyclick2call.ui.settings_pages.hotkey_edit import HotkeyEdit
from easyclick2call.ui.settings_pages.widgets import CountryCombo, ListEditor, mark_invalid


def tr_settings(text: str) -> str:
    return QCoreApplication.translate("Settings", text) if text else ""


def declaration(key: str) -> Setting | None:
    return BY_KEY.get(key)


def in_groups(group: str) -> list[Setting]:
    """The settings of one page, in declaration order."""
    return settings_in_group(group)


def label_for(key: str, fallback: str) -> str:
    setting = declaration(key)
    label = getattr(setting, "label", "") if setting is not None else ""
    return tr_settings(label) if label else fallback


def help_for(key: str) -> str:
    setting = declaration(key)
    return tr_settings(getattr(setting, "help", "") or "") if setting is not None else ""


def default_for(key: str, fallback: Any = None) -> Any:
    setting = declaration(key)
    return setting.default_value() if setting is not None else fallback


def choices_for(key: str) -> list[tuple[Any, str]]:
    """(value, translated label) pairs of a setting with choices."""
    setting = declaration(key)
    if setting is None or not setting.choices:
        return []
    labels = setting.choice_labels or setting.choices
    return [(value, tr_settings(label))
            for value, label in zip(setting.choices, labels, strict=True)]


def with_mnemonic(label: str, used: set[str] | None = None) -> str:
    """Give a label an &mnemonic unless it already has one: the first letter not in `used`
    (word starts first, then any letter), recorded in `used`."""
    if not label or "&" in label.replace("&&", ""):
        if used is not None and "&" in label:
            used.add(label[label.index("&") + 1].lower())
        return label
    taken = used if used is not None else set()
    starts = [i for i, ch in enumerate(label) if ch.isalnum() and (i == 0 or label[i - 1] == " ")]
    others = [i for i, ch in enumerate(label) if ch.isalpha() and i not in starts]
    for index in starts + others:
        if label[index].lower() not in taken:
            taken.add(label[index].lower())
            return label[:index] + "&" + label[index:]
    return label


def set_help(widget: QWidget, text: str) -> None:
    """Tooltip + what's-this from the declaration; kept so mark_invalid can restore it."""
    widget.setProperty("help_text", text)
    widget.setToolTip(text)
    widget.setWhatsThis(text)


def show_invalid(widget: QWidget, message: str | None) -> None:
    mark_invalid(widget, message)
    if not message:
        widget.setToolTip(str(widget.property("help_text") or ""))


class SettingsPage(QWidget):
    """Base of a page; `changed` fires on any edit so the dialog can re-validate."""

    changed = Signal()
    name = "page"

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        """Fill the fields from the stored settings."""

    def validate(self) -> dict[QWidget, str]:
        """Invalid fields and why (empty when the page can be saved)."""
        return {}

    def pending_settings(self) -> dict[str, Any]:
        return {}

    def pending_secrets(self) -> dict[str, str | None]:
        return {}

    def saved(self) -> None:
        """The dialog stored everything successfully."""

    def page_shown(self) -> None:
        """The user switched to this page."""

    def setting(self, key: str, fallback: Any = None) -> Any:
        try:
            value = self.context.settings.get(key)
        except KeyError:
            return fallback
        return fallback if value is None else value


class DeclaredFields:
    """Editors generated from declarations, laid out in a QFormLayout with buddies."""

    def __init__(self, page: SettingsPage, form: QFormLayout, settings: list[Any],
                 special: dict[str, QWidget] | None = None) -> None:
        self.page = page
        self.editors: dict[str, QWidget] = {}
        self.declared: dict[str, Any] = {}
        self.mnemonics: set[str] = set(getattr(page, "reserved_mnemonics", ""))
        special = special or {}
        for setting in settings:
            key = setting.key
            editor = special.get(key) or self._make_editor(setting)
            editor.setObjectName(f"field_{key}")
            self.editors[key] = editor
            self.declared[key] = setting
            set_help(editor, tr_settings(getattr(setting, "help", "") or ""))
            label_text = with_mnemonic(tr_settings(setting.label or key), self.mnemonics)
            if isinstance(editor, QCheckBox):
                editor.setText(label_text)
                form.addRow(editor)
            else:
                label = QLabel(label_text, page)
                label.setBuddy(editor)
                form.addRow(label, editor)
            self._connect(editor)

    def _make_editor(self, setting: Any) -> QWidget:
        kind = getattr(setting, "type", str)
        key = setting.key
        if getattr(setting, "choices", None):
            combo = QComboBox(self.page)
            for value, label in choices_for(key):
                combo.addItem(label, value)
            return combo
        if key in ("region", "default_region", "country"):
            return CountryCombo(self.page)
        if kind is bool:
            return QCheckBox(self.page)
        if kind is int:
            spin = QSpinBox(self.page)
            # As wide as its largest value, not the whole row.
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            spin.setRange(int(getattr(setting, "minimum", None) or 0),
                          int(getattr(setting, "maximum", None) or 100000))
            return spin
        if kind in (list, tuple):
            return ListEditor(getattr(setting, "default", ()) or (), tr_settings(setting.label),
                              parent=self.page)
        return QLineEdit(self.page)

    def _connect(self, editor: QWidget) -> None:
        emit = self.page.changed.emit
        if isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda *_: emit())
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda *_: emit())
        elif isinstance(editor, QSpinBox):
            editor.valueChanged.connect(lambda *_: emit())
        elif isinstance(editor, (ListEditor, HotkeyEdit)):
            editor.changed.connect(emit)
        elif isinstance(editor, QLineEdit):
            editor.textChanged.connect(lambda *_: emit())

    def load(self) -> None:
        for key, editor in self.editors.items():
            value = self.page.setting(key, getattr(self.declared[key], "default", None))
            set_editor_value(editor, value)

    def values(self) -> dict[str, Any]:
        return {key: editor_value(editor) for key, editor in self.editors.items()}

    def validate(self) -> dict[QWidget, str]:
        """Each value checked against its declaration (type, choices, validator)."""
        errors: dict[QWidget, str] = {}
        for key, value in self.values().items():
            check = getattr(self.declared[key], "validate", None)
            if check is None:
                continue
            try:
                check(value)
            except ValueError as exc:
                target = self.editors[key]
                errors[getattr(target, "list", target)] = tr_settings(str(exc))
        return errors


def set_editor_value(editor: QWidget, value: Any) -> None:
    if isinstance(editor, CountryCombo):
        editor.set_region(str(value or ""))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QComboBox):
        index = editor.findData(value)
        if index >= 0:
            editor.setCurrentIndex(index)
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value or 0))
    elif isinstance(editor, ListEditor):
        editor.set_values(list(value or ()))
    elif isinstance(editor, HotkeyEdit):
        editor.set_value(str(value or ""))
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))


def editor_value(editor: QWidget) -> Any:
    if isinstance(editor, CountryCombo):
        return editor.region()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, ListEditor):
        return editor.values()
    if isinstance(editor, HotkeyEdit):
        return editor.value()
    if isinstance(editor, QLineEdit):
        return editor.text().strip()
    raise TypeError(type(editor).__name__)
