"""Hjelp › Om Barometer: version, the licences of the bundled components, and the Qt (LGPL) note."""

from __future__ import annotations

import html
import importlib
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from barometer_gui import __version__
from barometer_gui.core.resources import resource

# (shown name, module to ask for its version, licence). The one-folder bundle ships exactly these.
# Names and licences with words in them are marked for the catalogue and translated when shown.
COMPONENTS = [
    ("Qt", None, "GNU LGPL v3"),
    ("PySide6 / Shiboken6", "PySide6", "GNU LGPL v3"),
    ("Python", None, "Python Software Foundation License"),
    (QT_TRANSLATE_NOOP("AboutDialog", "NumPy (med OpenBLAS)"), "numpy", "BSD 3-clause"),
    ("pandas", "pandas", "BSD 3-clause"),
    ("Matplotlib", "matplotlib", QT_TRANSLATE_NOOP("AboutDialog", "Matplotlib License (PSF-basert)")),
    ("Apache Arrow nanoarrow", "nanoarrow", "Apache License 2.0"),
    ("fastexcel / calamine", "fastexcel", "MIT"),
    ("openpyxl", "openpyxl", "MIT"),
    ("python-pptx", "pptx", "MIT"),
    ("XlsxWriter", "xlsxwriter", "BSD 2-clause"),
    ("lxml (libxml2, libxslt)", "lxml", "BSD 3-clause (libxml2/libxslt: MIT)"),
    ("defusedxml", "defusedxml", "Python Software Foundation License"),
    ("Pillow", "PIL", "MIT-CMU (HPND)"),
    ("platformdirs", "platformdirs", "MIT"),
    ("contourpy, kiwisolver, cycler, fonttools, pyparsing", None, "BSD / MIT"),
    (
        QT_TRANSLATE_NOOP("AboutDialog", "DejaVu-skrifter (i Matplotlib)"),
        None,
        QT_TRANSLATE_NOOP("AboutDialog", "Bitstream Vera / fri lisens"),
    ),
]


def _version_of(name: str, module: str | None) -> str:
    if name == "Qt":
        return qVersion()
    if name == "Python":
        return sys.version.split()[0]
    if module is None:
        return ""
    try:
        return str(getattr(importlib.import_module(module), "__version__", ""))
    except ImportError:
        return ""


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("AboutDialog", …) in the current language."""
    return QCoreApplication.translate("AboutDialog", text)


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{html.escape(_tr(name))}</td><td>{html.escape(_version_of(name, module))}</td>"
        f"<td>{html.escape(_tr(licence))}</td></tr>"
        for name, module, licence in COMPONENTS
    )
    qt_libraries = html.escape(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    intro = QCoreApplication.translate(
        "AboutDialog",
        "<p>Analyse av innovasjonsbarometeret for kommunal sektor: import, tabeller med base og tester, "
        "diagrammer og PowerPoint. Barometer er fri programvare under MIT-lisensen.</p>"
        "<p>Barometer bruker aldri nettverket. Dataene dine og eventuelle feilrapporter blir på denne maskinen.</p>",
    )
    components = QCoreApplication.translate("AboutDialog", "Komponenter og lisenser")
    columns = "".join(
        f"<th>{_tr(column)}</th>"
        for column in (
            QT_TRANSLATE_NOOP("AboutDialog", "Komponent"),
            QT_TRANSLATE_NOOP("AboutDialog", "Versjon"),
            QT_TRANSLATE_NOOP("AboutDialog", "Lisens"),
        )
    )
    heading = f'<h3>{components}</h3><table border="1" cellspacing="0" cellpadding="3"><tr>{columns}</tr>'
    lgpl = QCoreApplication.translate(
        "AboutDialog",
        "<h3>Qt og LGPL</h3>"
        "<p>Barometer bruker Qt {version} gjennom PySide6, begge under GNU Lesser General Public "
        "License versjon 3 (LGPL v3). Qt er ikke endret. Programmet er installert som en vanlig mappe, ikke som én "
        "samlet fil, og Qt-bibliotekene ligger som egne filer i denne mappa:</p>"
        "<p><code>{folder}</code></p>"
        "<p>Du kan derfor bytte dem ut med din egen bygg av Qt av samme hovedversjon (for eksempel en rettet "
        "versjon): legg de nye bibliotekene over de gamle og start Barometer på nytt. Kildekoden til Qt og "
        "PySide6 og lisensteksten (LGPL v3) finnes hos Qt-prosjektet (qt.io).</p>",
    ).format(version=html.escape(qVersion()), folder=qt_libraries)
    return f"<h2>Barometer {html.escape(__version__)}</h2>{intro}{heading}{rows}</table>{lgpl}"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Om Barometer"))
        self.resize(640, 620)
        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource("icons", "barometer.png"))).scaledToWidth(72))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Lukk"))
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)


def show_about(parent: QWidget | None = None) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.open()
    return dialog
