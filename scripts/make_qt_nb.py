"""Write resources/translations/qtbase_nb.ts and compile it to .qm with pyside6-lrelease.

PySide6-Essentials ships Qt's own catalogues for nynorsk, Danish and Swedish but
not bokmål, so Qt's buttons, context menus and (non-native) file dialogs would
speak English. This covers the Qt texts a Barometer user meets. Run after
editing the table: `python scripts/make_qt_nb.py`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations" / "qtbase_nb.ts"

TEXTS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "OK",
        "Save": "Lagre",
        "Save All": "Lagre alle",
        "Open": "Åpne",
        "&Yes": "&Ja",
        "Yes to &All": "Ja til &alle",
        "&No": "&Nei",
        "N&o to All": "N&ei til alle",
        "Abort": "Avbryt",
        "Retry": "Prøv igjen",
        "Ignore": "Ignorer",
        "Close": "Lukk",
        "Cancel": "Avbryt",
        "Discard": "Forkast",
        "Help": "Hjelp",
        "Apply": "Bruk",
        "Reset": "Tilbakestill",
        "Restore Defaults": "Gjenopprett standardverdier",
    },
    "QMessageBox": {"Show Details...": "Vis detaljer …", "Hide Details...": "Skjul detaljer …", "OK": "OK"},
    "QProgressDialog": {"Cancel": "Avbryt"},
    "QLineEdit": {
        "&Undo": "&Angre",
        "&Redo": "&Gjør om",
        "Cu&t": "Klipp &ut",
        "&Copy": "&Kopier",
        "&Paste": "&Lim inn",
        "Delete": "Slett",
        "Select All": "Merk alt",
    },
    "QWidgetTextControl": {
        "&Undo": "&Angre",
        "&Redo": "&Gjør om",
        "Cu&t": "Klipp &ut",
        "&Copy": "&Kopier",
        "Copy &Link Location": "Kopier &lenkeadresse",
        "&Paste": "&Lim inn",
        "Delete": "Slett",
        "Select All": "Merk alt",
    },
    "QAbstractSpinBox": {"&Select All": "&Merk alt", "&Step up": "Trinn &opp", "Step &down": "Trinn &ned"},
    "QFileDialog": {
        "Look in:": "Se i:",
        "File &name:": "Fil&navn:",
        "Files of type:": "Filtype:",
        "Back": "Tilbake",
        "Forward": "Fram",
        "Parent Directory": "Overordnet mappe",
        "Create New Folder": "Ny mappe",
        "List View": "Liste",
        "Detail View": "Detaljer",
        "&Open": "&Åpne",
        "&Save": "&Lagre",
        "Open": "Åpne",
        "Save As": "Lagre som",
        "&Choose": "&Velg",
        "Find Directory": "Finn mappe",
        "Directory:": "Mappe:",
        "All Files (*)": "Alle filer (*)",
        "New Folder": "Ny mappe",
        "&New Folder": "&Ny mappe",
        "&Rename": "&Gi nytt navn",
        "&Delete": "&Slett",
        "Show &hidden files": "Vis &skjulte filer",
        "Recent Places": "Nylig brukte steder",
        "My Computer": "Min datamaskin",
        "Drive": "Stasjon",
        "File": "Fil",
        "File Folder": "Filmappe",
        "Folder": "Mappe",
        "Alias": "Alias",
        "Shortcut": "Snarvei",
        "Unknown": "Ukjent",
        "Sidebar": "Sidestolpe",
        "Files": "Filer",
        "Go back": "Gå tilbake",
        "Go forward": "Gå fram",
        "Go to the parent directory": "Gå til overordnet mappe",
        "Create a New Folder": "Lag en ny mappe",
        "Change to list view mode": "Vis som liste",
        "Change to detail view mode": "Vis detaljer",
        "Remove": "Fjern",
        "Are you sure you want to delete '%1'?": "Vil du virkelig slette «%1»?",
        "Could not delete directory.": "Kunne ikke slette mappa.",
        "%1 already exists.\nDo you want to replace it?": "%1 finnes allerede.\nVil du erstatte den?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": "%1\nFant ikke fila.\nSjekk at filnavnet er riktig.",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": "%1\nFant ikke mappa.\nSjekk at mappenavnet er riktig.",
    },
    "QFileSystemModel": {
        "Name": "Navn",
        "Size": "Størrelse",
        "Type": "Type",
        "Kind": "Type",
        "Date Modified": "Endret",
        "My Computer": "Min datamaskin",
        "Computer": "Datamaskin",
    },
}


def ts_text() -> str:
    contexts = []
    for context, messages in TEXTS.items():
        body = "".join(
            f"    <message>\n        <source>{escape(source)}</source>\n"
            f"        <translation>{escape(target)}</translation>\n    </message>\n"
            for source, target in messages.items()
        )
        contexts.append(f"<context>\n    <name>{context}</name>\n{body}</context>\n")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="nb_NO">\n'
        + "".join(contexts)
        + "</TS>\n"
    )


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(ts_text(), encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(OUT), "-qm", str(OUT.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
