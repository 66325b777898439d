"""Core and command-line texts: every `t("…")` string has an English entry, no visible literal bypasses it.

The window's texts go through Qt's tr() and the .ts catalogue instead: tests/test_i18n_ui.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from barometer_gui.core.i18n import catalogue, set_language, t, using_language
from barometer_gui.core.i18n.argparse_words import NB

PACKAGE = Path(__file__).resolve().parent.parent / "barometer_gui"
#: modules whose user-visible text is routed through t() (ui/main.py: the start-up lines said before Qt runs)
TRANSLATED = [
    "ui/main.py",
    "cli.py",
    "core/project.py",
    "core/i18n/messages.py",
]
#: Qt calls that put text on screen
VISIBLE = {
    "setText",
    "setWindowTitle",
    "setTitle",
    "setToolTip",
    "setPlaceholderText",
    "setAccessibleName",
    "showMessage",
    "addMenu",
    "addAction",
    "setInformativeText",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QAction",
}


def translated_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "t"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]


@pytest.mark.parametrize("module", TRANSLATED)
def test_english_catalogue_has_every_string(module):
    missing = [s for s in translated_strings(PACKAGE / module) if s not in catalogue("en")]
    assert missing == [], f"add to core/i18n/en.py: {missing}"


@pytest.mark.parametrize("module", TRANSLATED)
def test_no_visible_literal_bypasses_the_catalogue(module):
    offenders = []
    for node in ast.walk(ast.parse((PACKAGE / module).read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in VISIBLE and node.args:
            first = node.args[0]
            parts = first.values if isinstance(first, ast.JoinedStr) else [first]
            literal = any(
                isinstance(p, ast.Constant) and isinstance(p.value, str) and any(c.isalpha() for c in p.value)
                for p in parts
            )
            if literal:
                offenders.append(f"{name}: line {node.lineno}")
    assert offenders == []


def test_placeholders_survive_translation():
    for source, english in catalogue("en").items():
        assert sorted(_fields(source)) == sorted(_fields(english)), source


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_switching_language():
    try:
        assert t("avbrutt.") == "avbrutt."
        set_language("en")
        assert t("avbrutt.") == "cancelled."
        assert t("Fant ikke fila «{name}».", name="a.xlsx") == "Could not find the file “a.xlsx”."
    finally:
        set_language("nb")


def test_argparse_words_cover_the_messages_users_meet():
    for message in ("usage: ", "the following arguments are required: %s", "unrecognized arguments: %s"):
        assert message in NB


def test_qt_speaks_bokmal_and_english(qapp):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from barometer_gui.ui.main import install_qt_translations

    try:
        install_qt_translations("nb")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Se i:"
        assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Lim inn"
        box = QMessageBox(QMessageBox.Icon.Warning, "x", "y", QMessageBox.StandardButton.Cancel)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"
        install_qt_translations("en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        install_qt_translations("nb")


def test_using_language_is_local_to_the_block_and_thread():
    import threading

    seen = {}
    with using_language("en"):
        assert t("avbrutt.") == "cancelled."
        worker = threading.Thread(target=lambda: seen.setdefault("other", t("avbrutt.")))
        worker.start()
        worker.join()
    assert t("avbrutt.") == "avbrutt."
    assert seen["other"] == "avbrutt."
