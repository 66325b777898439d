"""Review and correct what the import detected; the result is saved and reused next time."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importers import variable_id
from barometer_gui.core.mapping import (
    BackgroundSpec,
    Mapping,
    Respondents,
    Role,
    merge_questions,
    split_question,
)
from barometer_gui.core.schema import QType

OPTION_SEPARATOR = " | "


class MappingDialog(QDialog):
    """Questions (text, type, option order), background variables and weights."""

    def __init__(self, mapping: Mapping, columns: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kobling av spørsmål"))
        self.resize(980, 600)
        self._mapping = copy.deepcopy(mapping)
        self._columns = columns
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Kontroller hvordan kolonnene i fila er tolket. Endringene lagres og brukes automatisk "
                "neste gang samme undersøkelse åpnes (f.eks. neste års eksport)."
            )
        )
        intro.setWordWrap(True)  # a longer translation wraps instead of widening the dialog
        layout.addWidget(intro)
        layout.addLayout(self._respondents_row())
        tabs = QTabWidget()
        tabs.addTab(self._questions_tab(), self.tr("Spørsmål"))
        tabs.addTab(self._background_tab(), self.tr("Bakgrunn og vekt"))
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lagre og bruk"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _respondents_row(self) -> QHBoxLayout:
        """Who counts as a respondent, by the tool's status field (stated in every footnote)."""
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Respondenter:")))
        self.respondents = QComboBox()
        for rule in Respondents:
            self.respondents.addItem(rule.display, rule)
        self.respondents.setCurrentIndex(max(self.respondents.findData(self._mapping.respondents), 0))
        status = self._mapping.status
        if status is None:
            self.respondents.setEnabled(False)
            note = self.tr("Fila har ikke noe statusfelt, så alle rader regnes som respondenter.")
        else:
            note = self.tr("Status fra {field}.").format(field=status.text or ", ".join(status.columns))
        row.addWidget(self.respondents)
        row.addWidget(QLabel(note))
        row.addStretch(1)
        return row

    def _questions_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        table = QTableWidget(0, 5)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Spørsmålstekst"),
                self.tr("Type"),
                self.tr("Svaralternativer (rekkefølge, skilt med |)"),
                self.tr("Kolonner"),
            ]
        )
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setDefaultSectionSize(44)
        table.setWordWrap(True)
        self.questions_table = table
        layout.addWidget(table)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Del opp valgt spørsmål"), self.split_selected),
            (self.tr("Slå sammen valgte til rutenett"), lambda: self.merge_selected("grid")),
            (self.tr("Slå sammen valgte til flervalg"), lambda: self.merge_selected("multi")),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._fill_questions()
        return page

    def _fill_questions(self) -> None:
        table = self.questions_table
        table.setRowCount(len(self._mapping.questions))
        widest = 0
        for row, spec in enumerate(self._mapping.questions):
            table.setItem(row, 0, _read_only(spec.id))
            table.setItem(row, 1, QTableWidgetItem(spec.text))
            combo = QComboBox()
            for key in _valid_types(spec):
                combo.addItem(QType(key).display, key)
            combo.setCurrentIndex(max(combo.findData(spec.type), 0))
            table.setCellWidget(row, 2, combo)
            widest = max(widest, combo.sizeHint().width())
            options = QTableWidgetItem(OPTION_SEPARATOR.join(spec.options))
            options.setToolTip("\n".join(spec.options))
            table.setItem(row, 3, options)
            columns = _read_only(", ".join(spec.columns))
            columns.setToolTip("\n".join(spec.columns))
            table.setItem(row, 4, columns)
        table.setColumnWidth(
            2, max(widest, table.columnWidth(2))
        )  # the type's words in full, in either language

    def _selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.questions_table.selectedIndexes()})
        return [self._mapping.questions[row].id for row in rows]

    def split_selected(self) -> None:
        self._regroup(
            lambda mapping, ids: split_question(mapping, ids[0]) if len(ids) == 1 else _one_please()
        )

    def merge_selected(self, as_type: str) -> None:
        self._regroup(lambda mapping, ids: merge_questions(mapping, ids, as_type))

    def _regroup(self, change) -> None:
        try:
            self._mapping = change(self._edited_questions(), self._selected_ids())
        except BarometerError as exc:
            QMessageBox.information(self, self.tr("Kobling av spørsmål"), exc.message)
            return
        self._fill_questions()

    def _edited_questions(self) -> Mapping:
        """The mapping with the questions table's edits applied."""
        result = copy.deepcopy(self._mapping)
        for row, spec in enumerate(result.questions):
            spec.text = self.questions_table.item(row, 1).text().strip() or spec.text
            spec.type = self.questions_table.cellWidget(row, 2).currentData()
            options = [o.strip() for o in self.questions_table.item(row, 3).text().split("|") if o.strip()]
            if options and (
                spec.type not in ("multi",) or len(options) == len(spec.options) or spec.encoding == "joined"
            ):
                spec.options = options
        return result

    def _background_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        used = {c for q in self._mapping.questions for c in q.columns}
        candidates = [c for c in self._columns if c not in used]
        current = {b.column: b for b in self._mapping.background}
        table = QTableWidget(len(candidates), 2)
        table.setHorizontalHeaderLabels([self.tr("Kolonne"), self.tr("Bruk som")])
        for row, column in enumerate(candidates):
            table.setItem(row, 0, _read_only(column))
            combo = QComboBox()
            combo.addItem(self.tr("Ikke bakgrunnsvariabel"), "")
            for role in Role:  # named when the dialog opens, so the words follow the language
                combo.addItem(role.display, role)
            combo.addItem(self.tr("Vekt"), "weight")
            role = (
                "weight"
                if column in self._mapping.weights
                else (current[column].role if column in current else "")
            )
            combo.setCurrentIndex(max(combo.findData(role), 0))
            table.setCellWidget(row, 1, combo)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(table)
        layout.addWidget(QLabel(self.tr("Vekt brukes bare når du velger den i hovedvinduet.")))
        sizes = QHBoxLayout()
        sizes.addWidget(QLabel(self.tr("Grenser for kommunestørrelse (innbyggere):")))
        self.size_bounds = QLineEdit(", ".join(str(b) for b in self._mapping.size_bounds))
        self.size_bounds.setToolTip(self.tr("Stigende tall skilt med komma, f.eks. 5000, 10000, 20000"))
        sizes.addWidget(self.size_bounds)
        layout.addLayout(sizes)
        self.background_table = table
        return page

    def mapping(self) -> Mapping:
        """The mapping as edited in the dialog."""
        result = self._edited_questions()
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
        result.respondents = Respondents(self.respondents.currentData())
        return result


def _read_only(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _valid_types(spec) -> list[str]:
    """Types the spec's columns can carry: one column is one answer; several are a group."""
    if len(spec.columns) > 1:
        return ["multi", "grid"] if spec.encoding in ("codes", "labels") else ["multi"]
    if spec.encoding == "joined":
        return ["multi"]
    return ["single", "numeric", "text"]


def _one_please() -> Mapping:
    raise BarometerError(QCoreApplication.translate("MappingDialog", "Velg ett spørsmål å dele opp."))


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
