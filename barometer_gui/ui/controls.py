"""The controls above the table: breakdown, filter, "my area against the country", weight, base, view.

Each control is a labelled pair in a `FlowLayout`, so on a narrow or scaled
screen the pairs wrap onto more lines; the window can also hide the whole panel.
The panel knows the survey's variables and turns the choices into the parts of a
`TableSpec`; it never computes anything from the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from barometer_gui.core.errors import translated
from barometer_gui.ui.flow_layout import FlowLayout
from barometer_gui.ui.value_picker import ValuePicker

if TYPE_CHECKING:  # core.schema brings pandas: loaded with the data, after the window shows
    from barometer_gui.core.schema import Background, Survey


def category_values(survey: Survey, variable: Background) -> list[str]:
    """The categories present in the data, in the variable's own order."""
    column = survey.data[variable.column]
    present = set(column.dropna().unique())
    values = list(column.cat.categories) if hasattr(column, "cat") else sorted(present, key=str)
    return [str(v) for v in values if v in present]


class ControlsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.survey: Survey | None = None
        self.by_combo = QComboBox()
        self.filter_variable = QComboBox()
        self.filter_value = ValuePicker()
        #: filters on different variables are combined with "and"; the values ticked for one variable with "or"
        self.filters = [(self.filter_variable, self.filter_value), (QComboBox(), ValuePicker())]
        self.area_type = QComboBox()
        self.area = QComboBox()
        self.weight_combo = QComboBox()
        self.min_base = QSpinBox()
        self.min_base.setRange(0, 1000)
        self.min_base.setValue(5)
        self.summary_box = QCheckBox()
        self.transposed_box = QCheckBox()
        self.intervals_box = QCheckBox()
        for combo in self.combos():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.area_type.setMinimumContentsLength(18)
        for combo in (self.by_combo, self.area, self.weight_combo):
            combo.currentIndexChanged.connect(self._emit)
        for _, picker in self.filters:
            picker.changed.connect(self._emit)
        self.by_combo.setMinimumContentsLength(18)
        for variable, value in self.filters:
            variable.currentIndexChanged.connect(
                lambda _index, pair=(variable, value): self._fill_filter_values(pair)
            )
        self.area_type.currentIndexChanged.connect(self._fill_areas)
        self.min_base.valueChanged.connect(self._emit)
        for box in (self.summary_box, self.transposed_box, self.intervals_box):
            box.toggled.connect(self._emit)

        self.labels: dict[str, QLabel] = {}
        self.boxes: dict[str, QWidget] = {}
        layout = FlowLayout(self)
        for key, widgets in (
            ("by", (self.by_combo,)),
            ("filter", self.filters[0]),
            ("filter2", self.filters[1]),
            ("area", (self.area_type, self.area)),
            ("weight", (self.weight_combo,)),
            ("min_base", (self.min_base,)),
        ):
            layout.addWidget(self._pair(key, widgets))
        layout.addWidget(self.summary_box)
        #: how the table is shown (not what is counted): the window places these beside the title
        self.view_options = (self.transposed_box, self.intervals_box)
        self._blocked = False
        self.retranslate()
        self._show_second_filter()

    def _pair(self, key: str, widgets) -> QWidget:
        box = QWidget()
        self.boxes[key] = box
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel()
        label.setBuddy(widgets[0])
        self.labels[key] = label
        row.addWidget(label)
        for widget in widgets:
            row.addWidget(widget)
        return box

    def combos(self) -> tuple[QComboBox, ...]:
        return (
            self.by_combo,
            self.filter_variable,
            self.filters[1][0],
            self.area_type,
            self.area,
            self.weight_combo,
        )

    def tab_chain(self) -> list[QWidget]:
        """The controls in the order the eye reads them (the window chains Tab through them)."""
        filters = [widget for pair in self.filters for widget in pair]
        return [
            self.by_combo,
            *filters,
            self.area_type,
            self.area,
            self.weight_combo,
            self.min_base,
            self.summary_box,
        ]

    def retranslate(self) -> None:
        texts = {
            "by": self.tr("&Del opp etter:"),
            "filter": self.tr("&Utvalg:"),
            "filter2": self.tr("og"),
            "area": self.tr("&Mitt område mot landet:"),
            "weight": self.tr("V&ekt:"),
            "min_base": self.tr("Minste &base:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        names = {
            self.by_combo: self.tr("Del opp etter"),
            self.filter_variable: self.tr("Utvalg: variabel"),
            self.filter_value: self.tr("Utvalg: verdier"),
            self.filters[1][0]: self.tr("Utvalg 2: variabel"),
            self.filters[1][1]: self.tr("Utvalg 2: verdier"),
            self.area_type: self.tr("Områdetype å sammenligne"),
            self.area: self.tr("Mitt område"),
            self.weight_combo: self.tr("Vekt"),
            self.min_base: self.tr("Minste base: grupper med færre svar skjules"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)
            widget.setToolTip(name)
        for _, picker in self.filters:
            picker.retranslate()  # its tooltip lists the ticked values
        self.summary_box.setText(self.tr("Hemmer/fremmer (topp/bunn to)"))
        self.transposed_box.setText(self.tr("Bytt rader og kolonner"))
        self.intervals_box.setText(self.tr("Konfidensintervall"))
        self.intervals_box.setToolTip(self.tr("Vis 95 % konfidensintervall i cellene"))
        if self.survey is not None:
            self.fill(self.survey, self.selections())

    # ------------------------------------------------------------------ filling

    def fill(self, survey: Survey, selections: dict | None = None) -> None:
        """Offer the survey's variables; keep the given selections where they still exist."""
        from barometer_gui.core.schema import QType

        self.survey = survey
        self._blocked = True
        for combo in self.combos():
            combo.blockSignals(True)
            combo.clear()
        categorical = self.categorical()
        self.by_combo.addItem(self.tr("Ingen (bare totalt)"), None)
        for variable in categorical:
            self.by_combo.addItem(translated(variable.text), variable.id)
        singles = [q for q in survey.questions if q.type is QType.SINGLE]
        if singles:
            self.by_combo.insertSeparator(self.by_combo.count())
            for question in singles:
                self.by_combo.addItem(
                    self.tr("Svar på: {question}").format(question=_short(question.text)), question.id
                )
        for combo, nothing in (
            (self.filter_variable, self.tr("Alle respondenter")),
            (self.filters[1][0], self.tr("Ingen flere")),
        ):
            combo.addItem(nothing, None)
            for variable in categorical:
                combo.addItem(translated(variable.text), variable.id)
        self.area_type.addItem(self.tr("Ingen sammenligning"), None)
        for variable in categorical:
            self.area_type.addItem(translated(variable.text), variable.id)
        self.weight_combo.addItem(self.tr("Uvektet"), None)
        for weight in survey.weights:
            self.weight_combo.addItem(weight, weight)
        for combo in self.combos():
            combo.blockSignals(False)
        for variable, picker in self.filters:
            picker.set_values(self._offered(variable))
        self._fill_areas()
        self._blocked = False
        self.apply(selections or {})

    def categorical(self) -> list[Background]:
        return [b for b in self.survey.background if b.kind != "numeric"] if self.survey else []

    def _variable(self, variable_id: str | None) -> Background | None:
        return next((b for b in self.categorical() if b.id == variable_id), None)

    def _offered(self, source: QComboBox) -> list[str]:
        variable = self._variable(source.currentData())
        return category_values(self.survey, variable) if variable is not None and self.survey else []

    def _fill_values(self, source: QComboBox, target: QComboBox) -> None:
        target.blockSignals(True)
        target.clear()
        for value in self._offered(source):
            target.addItem(value, value)
        target.setEnabled(source.currentData() is not None)
        target.blockSignals(False)

    def _fill_filter_values(self, pair: tuple[QComboBox, ValuePicker]) -> None:
        variable, picker = pair
        picker.set_values(self._offered(variable))
        self._show_second_filter()
        self._emit()

    def _show_second_filter(self) -> None:
        """The second filter is offered once the first is in use (or when a project restores one)."""
        in_use = any(variable.currentData() is not None for variable, _ in self.filters)
        self.boxes["filter2"].setVisible(in_use)

    def _fill_areas(self) -> None:
        self._fill_values(self.area_type, self.area)
        self.by_combo.setEnabled(self.area_type.currentData() is None)
        self._emit()

    def _emit(self, *_args) -> None:
        if not self._blocked:
            self.changed.emit()

    # ------------------------------------------------------------------ state

    def where(self) -> tuple[tuple[str, str], ...]:
        """One (variable, value) pair per ticked value, the form `TableSpec.where` and `--where` take."""
        return tuple(
            (variable.currentData(), value)
            for variable, picker in self.filters
            if variable.currentData()
            for value in picker.checked()
        )

    def benchmark(self) -> tuple[str, str] | None:
        variable, value = self.area_type.currentData(), self.area.currentData()
        return (variable, value) if variable and value else None

    def filter_texts(self) -> list[str]:
        """Each active filter as "Fylke = Agder, Rogaland" (the footnote says how the engine applied it)."""
        return [
            f"{variable.currentText()} = {', '.join(picker.checked())}"
            for variable, picker in self.filters
            if variable.currentData() and picker.checked()
        ]

    def selections(self) -> dict:
        """Plain, JSON-ready choices (stored in the project file and the settings)."""
        return {
            "by": self.by_combo.currentData(),
            "where": [list(pair) for pair in self.where()],
            "benchmark": list(self.benchmark()) if self.benchmark() else None,
            "weight": self.weight_combo.currentData(),
            "min_base": self.min_base.value(),
            "grid_summary": self.summary_box.isChecked(),
            "transposed": self.transposed_box.isChecked(),
            "intervals": self.intervals_box.isChecked(),
        }

    def apply(self, selections: dict) -> None:
        """Restore choices; unknown variables or values (another file) are quietly left at the default."""
        self._blocked = True
        _choose(self.by_combo, selections.get("by"))
        chosen = [*_by_variable(selections.get("where")), (None, []), (None, [])]
        for (variable, picker), (name, values) in zip(self.filters, chosen, strict=False):
            _choose(variable, name)
            picker.set_values(self._offered(variable), values)
        self._show_second_filter()
        benchmark = selections.get("benchmark") or [None, None]
        _choose(self.area_type, benchmark[0])
        self._fill_values(self.area_type, self.area)
        _choose(self.area, benchmark[1])
        self.by_combo.setEnabled(self.area_type.currentData() is None)
        _choose(self.weight_combo, selections.get("weight"))
        self.min_base.setValue(int(selections.get("min_base", self.min_base.value())))
        self.summary_box.setChecked(bool(selections.get("grid_summary", False)))
        self.transposed_box.setChecked(bool(selections.get("transposed", False)))
        self.intervals_box.setChecked(bool(selections.get("intervals", False)))
        self._blocked = False
        self.changed.emit()


def _by_variable(where: object) -> list[tuple[str, list[str]]]:
    """Saved `where` pairs grouped by variable, in first-seen order; malformed entries are skipped.

    Project files before multi-value filters hold one pair per variable, so they load unchanged.
    """
    grouped: dict[str, list[str]] = {}
    for pair in where if isinstance(where, list | tuple) else []:
        if isinstance(pair, list | tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair):
            grouped.setdefault(pair[0], []).append(pair[1])
    return list(grouped.items())


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data) if data is not None else 0
    combo.blockSignals(True)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
