"""The user guide (resources/guide/, bokmål or English), shown inside the program with F1: no browser, no network."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from barometer_gui.core.i18n import language
from barometer_gui.core.resources import resource

#: the guide in each language the window speaks (bokmål is the fallback)
GUIDE_FILES = {"nb": ("guide", "brukerveiledning.html"), "en": ("guide", "user-guide.html")}


def guide_file() -> tuple[str, str]:
    """The guide for the window's current language."""
    return GUIDE_FILES.get(language(), GUIDE_FILES["nb"])


class GuideDialog(QDialog):
    """A non-modal window beside the main window, so the user can read and click at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # only the guide's own anchors; nothing leaves the machine
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Title, button and the guide itself in the current language (again after a language switch)."""
        self.setWindowTitle(self.tr("Barometer – brukerveiledning"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Lukk"))
        path = resource(*guide_file())
        if self.browser.source().toLocalFile() != str(path):  # a followed anchor keeps its place
            self.browser.setSource(QUrl.fromLocalFile(str(path)))


def show_guide(parent: QWidget | None = None) -> GuideDialog:
    """Open the guide, or raise the one already open for this parent."""
    existing = parent.findChild(GuideDialog) if parent is not None else None
    dialog = existing or GuideDialog(parent)
    dialog.retranslate()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _show_about(parent: QWidget) -> None:
    """Imported when asked for: About reads package metadata, which is not needed to start."""
    from barometer_gui.ui.about import show_about

    show_about(parent)


def add_help_actions(menu: QMenu, parent: QWidget) -> tuple[QAction, QAction]:
    """The two Hjelp-menu entries: «Brukerveiledning» (F1) and «Om Barometer»."""
    guide = QAction(QCoreApplication.translate("MainWindow", "&Brukerveiledning"), parent)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1 (Cmd+? on macOS)
    guide.triggered.connect(lambda: show_guide(parent))
    about = QAction(QCoreApplication.translate("MainWindow", "&Om Barometer"), parent)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _show_about(parent))
    menu.addAction(guide)
    menu.addAction(about)
    return guide, about
