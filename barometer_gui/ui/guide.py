"""The Norwegian user guide (resources/guide/), shown inside the program with F1: no browser, no network."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from barometer_gui.core.resources import resource

GUIDE_FILE = ("guide", "brukerveiledning.html")


class GuideDialog(QDialog):
    """A non-modal window beside the main window, so the user can read and click at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Barometer – brukerveiledning")
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # only the guide's own anchors; nothing leaves the machine
        self.browser.setSource(QUrl.fromLocalFile(str(resource(*GUIDE_FILE))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Lukk")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def show_guide(parent: QWidget | None = None) -> GuideDialog:
    """Open the guide, or raise the one already open for this parent."""
    existing = parent.findChild(GuideDialog) if parent is not None else None
    dialog = existing or GuideDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def add_help_actions(menu: QMenu, parent: QWidget) -> tuple[QAction, QAction]:
    """The two Hjelp-menu entries: «Brukerveiledning» (F1) and «Om Barometer»."""
    from barometer_gui.ui.about import show_about

    guide = QAction("&Brukerveiledning", parent)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1 (Cmd+? on macOS)
    guide.triggered.connect(lambda: show_guide(parent))
    about = QAction("&Om Barometer", parent)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(parent))
    menu.addAction(guide)
    menu.addAction(about)
    return guide, about
