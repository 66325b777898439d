"""Review and correct what the import detected; the result is saved and reused next time."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from barometer_gui.core.detect import variable_id
from barometer_gui.core.mapping import BackgroundSpec, Mapping

TYPES = {
    "single": "Ett svar",
    "multi": "Flere svar",
    "grid": "Rutenett",
    "numeric": "Tall",
    "text": "Fritekst",
}
ROLES = {
    "kommunenummer": "Kommunenummer",
    "inhabitants": "Innbyggertall",
    "type": "Kommune/fylkeskommune",
    "categorical": "Kategorier",
    "numeric": "Tall",
}
OPTION_SEPARATOR = " | "


class MappingDialog(QDialog):
    """Questions (text, type, option order), background variables and weights."""

    def __init__(self, mapping: Mapping, columns: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kobling av spørsmål")
        self.resize(980, 600)
        self._mapping = copy.deepcopy(mapping)
        self._columns = columns
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Kontroller hvordan kolonnene i fila er tolket. Endringene lagres og brukes automatisk "
                "neste gang samme undersøkelse åpnes (f.eks. neste års eksport)."
            )
        )
        tabs = QTabWidget()
        tabs.addTab(self._questions_tab(), "Spørsmål")
        tabs.addTab(self._background_tab(), "Bakgrunn og vekt")
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lagre og bruk")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _questions_tab(self) -> QWidget:
        table = QTableWidget(len(self._mapping.questions), 5)
        table.setHorizontalHeaderLabels(
            ["Id", "Spørsmålstekst", "Type", "Svaralternativer (rekkefølge, skilt med |)", "Kolonner"]
        )
        for row, spec in enumerate(self._mapping.questions):
            ident = QTableWidgetItem(spec.id)
            ident.setFlags(ident.flags() & ~ident.flags().ItemIsEditable)
            table.setItem(row, 0, ident)
            table.setItem(row, 1, QTableWidgetItem(spec.text))
            combo = QComboBox()
            for key, label in TYPES.items():
                combo.addItem(label, key)
            combo.setCurrentIndex(list(TYPES).index(spec.type))
            table.setCellWidget(row, 2, combo)
            table.setItem(row, 3, QTableWidgetItem(OPTION_SEPARATOR.join(spec.options)))
            cols = QTableWidgetItem(", ".join(spec.columns))
            cols.setFlags(cols.flags() & ~cols.flags().ItemIsEditable)
            table.setItem(row, 4, cols)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.questions_table = table
        return table

    def _background_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        used = {c for q in self._mapping.questions for c in q.columns}
        candidates = [c for c in self._columns if c not in used]
        current = {b.column: b for b in self._mapping.background}
        table = QTableWidget(len(candidates), 2)
        table.setHorizontalHeaderLabels(["Kolonne", "Bruk som"])
        for row, column in enumerate(candidates):
            item = QTableWidgetItem(column)
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem("Ikke bakgrunnsvariabel", "")
            for key, label in ROLES.items():
                combo.addItem(label, key)
            combo.addItem("Vekt", "weight")
            role = (
                "weight"
                if column in self._mapping.weights
                else (current[column].role if column in current else "")
            )
            combo.setCurrentIndex(max(combo.findData(role), 0))
            table.setCellWidget(row, 1, combo)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table)
        layout.addWidget(QLabel("Vekt brukes bare når du velger den i hovedvinduet."))
        sizes = QHBoxLayout()
        sizes.addWidget(QLabel("Grenser for kommunestørrelse (innbyggere):"))
        self.size_bounds = QLineEdit(", ".join(str(b) for b in self._mapping.size_bounds))
        self.size_bounds.setToolTip("Stigende tall skilt med komma, f.eks. 5000, 10000, 20000")
        sizes.addWidget(self.size_bounds)
        layout.addLayout(sizes)
        self.background_table = table
        return page

    def mapping(self) -> Mapping:
        """The mapping as edited in the dialog."""
        result = copy.deepcopy(self._mapping)
        for row, spec in enumerate(result.questions):
            spec.text = self.questions_table.item(row, 1).text().strip() or spec.text
            spec.type = self.questions_table.cellWidget(row, 2).currentData()
            options = [o.strip() for o in self.questions_table.item(row, 3).text().split("|") if o.strip()]
            if options and (
                spec.type not in ("multi",) or len(options) == len(spec.options) or spec.encoding == "joined"
            ):
                spec.options = options
        background, weights = [], []
        previous = {b.column: b for b in self._mapping.background}
        for row in range(self.background_table.rowCount()):
            column = self.background_table.item(row, 0).text()
            role = self.background_table.cellWidget(row, 1).currentData()
            if role == "weight":
                weights.append(column)
            elif role:
                old = previous.get(column)
                background.append(
                    BackgroundSpec(
                        old.id if old else variable_id(column),
                        old.text if old else column,
                        column,
                        role,
                        old.codes if old else {},
                    )
                )
        order = {"kommunenummer": 0, "inhabitants": 1, "type": 2}
        result.background = sorted(background, key=lambda b: order.get(b.role, 3))
        result.weights = weights
        result.size_bounds = _bounds(self.size_bounds.text(), result.size_bounds)
        return result


def _bounds(text: str, fallback: list[int]) -> list[int]:
    """Ascending positive whole numbers from "5000, 10 000; 20000"; the old bounds if unreadable."""
    try:
        values = [
            int(part.replace(" ", "").replace("\u00a0", ""))
            for part in text.replace(";", ",").split(",")
            if part.strip()
        ]
    except ValueError:
        return fallback
    if not values or values != sorted(set(values)) or values[0] <= 0:
        return fallback
    return values
