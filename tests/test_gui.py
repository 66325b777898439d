"""The main window with pytest-qt: import off the GUI thread, the table model, dialogs, errors."""
# ruff: noqa: F811

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from barometer_gui.core.importer import demo_path
from barometer_gui.core.tabulate import TableSpec, tabulate
from barometer_gui.ui.table_model import TableModel
from barometer_gui.ui.window import MainWindow
from tests.synthetic import make_survey
from tests.window_helpers import window  # noqa: F401  (a fixture; the tests take it as an argument)


def test_window_shows_demo_questions_table_and_chart(window):
    assert window.browser.question_ids() == [q.id for q in window.survey.questions]
    assert window.model.rowCount() == 1 + len(window.survey.question("q1").options)
    assert window.chart.figure.axes, "chart drawn"
    assert "Antall svar: Totalt" in window.footnote.text()


def test_table_view_shows_the_engine_numbers(window, qtbot):
    window.controls.by_combo.setCurrentIndex(window.controls.by_combo.findData("kommunestorrelse"))
    expected = tabulate(window.survey, TableSpec("q1", by="kommunestorrelse"))
    model = window.model
    assert model.columnCount() == len(expected.groups)
    for column, group in enumerate(expected.groups):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.startswith(group.label)
        assert model.data(model.index(0, column)).rstrip("*") == str(group.base)
        for row, cell in enumerate(group.cells, start=1):
            shown = model.data(model.index(row, column))
            assert shown.startswith(f"{cell.pct:.1f}".replace(".", ","))


def test_grid_summary_and_weight_controls(window):
    controls = window.controls
    window.browser.select("q6")
    assert controls.summary_box.isEnabled()
    controls.summary_box.setChecked(True)
    controls.weight_combo.setCurrentIndex(controls.weight_combo.findData("vekt"))
    assert window.table.spec.grid_summary and window.table.weighted
    headers = [
        window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())
    ]
    assert headers[0] == "Antall svar (n)" and headers[1:] == ["Hemmer", "Fremmer"]


def test_sorting_uses_a_permutation_and_keeps_the_table(window):
    model = window.model
    before = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    cells_before = [c.pct for c in model.table.groups[0].cells]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.headerData(0, Qt.Orientation.Vertical) == "Antall svar (n)", "the base row stays on top"
    values = [model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1) for r in range(1, model.rowCount())]
    assert values == sorted(values, reverse=True)
    assert [c.pct for c in model.table.groups[0].cells] == cells_before
    model.reset_order()
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())] == before


@pytest.mark.parametrize("sizes", [{"Nord": 0}, {"Nord": 1}, {"Nord": 2, "Sør": 1}])
@pytest.mark.parametrize("question", ["s", "m", "g", "x", "blank"])
def test_table_model_passes_qt_model_tester_on_edge_cases(qtmodeltester, sizes, question):
    survey = make_survey(group_sizes=sizes)
    model = TableModel(tabulate(survey, TableSpec(question, by="region", min_base=1)))
    qtmodeltester.check(model)


def test_empty_model_passes_model_tester(qtmodeltester):
    qtmodeltester.check(TableModel(None))


def test_bad_file_shows_norwegian_message(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    win = MainWindow()
    qtbot.addWidget(win)
    bad = tmp_path / "ødelagt.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    win.open_file(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "skadet" in shown[0]
    assert win.survey is None


def test_cancel_stops_import(qtbot, tmp_path, monkeypatch):
    import barometer_gui.ui.window as window_module

    def slow_open(path, mapping=None, progress=None, codebook=None):
        import time

        for step in range(200):
            progress(step / 200, "venter")
            time.sleep(0.01)
        raise AssertionError("should have been cancelled")

    monkeypatch.setattr(window_module, "open_with_mapping", slow_open)
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_file(demo_path())
    task = win.runner.task
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        task.cancel()
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=10000)
    assert win.survey is None


def test_mapping_dialog_edits_are_saved_and_reused(window, qtbot, monkeypatch):
    from barometer_gui.core import mapping_store
    from barometer_gui.ui.mapping_dialog import MappingDialog

    dialog = MappingDialog(window.mapping, window.survey.raw_columns)
    qtbot.addWidget(dialog)
    row = next(i for i, q in enumerate(window.mapping.questions) if q.id == "q2")
    dialog.questions_table.item(row, 1).setText("Øremerkede midler?")
    dialog.questions_table.item(row, 3).setText("Nei | Ja | Vet ikke")
    dialog.size_bounds.setText("3000, 10 000")
    edited = dialog.mapping()
    assert edited.questions[row].options == ["Nei", "Ja", "Vet ikke"]
    assert edited.size_bounds == [3000, 10000]
    mapping_store.save(edited)
    window.open_file(demo_path())
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=60000)
    q2 = window.survey.question("q2")
    assert q2.text == "Øremerkede midler?" and q2.options == ["Nei", "Ja", "Vet ikke"]
    sizes = window.survey.data[window.survey.variable("kommunestorrelse").column].cat.categories
    assert list(sizes) == ["Under 3\u00a0000", "3\u00a0000–9\u00a0999", "10\u00a0000 og over"]


def test_mapping_dialog_splits_and_merges_questions(window, qtbot, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    from barometer_gui.ui.mapping_dialog import MappingDialog

    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: messages.append(args[2]))
    dialog = MappingDialog(window.mapping, window.survey.raw_columns)
    qtbot.addWidget(dialog)
    table = dialog.questions_table
    row = next(i for i, q in enumerate(window.mapping.questions) if q.id == "q6")
    table.selectRow(row)
    dialog.split_selected()
    ids = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert [i for i in ids if i.startswith("q6_")] == [f"q6_{n}" for n in range(1, 9)]
    table.clearSelection()
    for r in range(row, row + 8):
        table.selectionModel().select(
            table.model().index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    dialog.merge_selected("grid")
    merged = dialog.mapping()
    grid = next(q for q in merged.questions if q.type == "grid")
    assert grid.id == "q6" and len(grid.items) == 8
    table.clearSelection()
    table.selectRow(0)
    dialog.split_selected()
    assert messages and "én kolonne" in messages[0]


def test_compare_own_area_with_the_rest_of_the_country(window):
    controls = window.controls
    controls.area_type.setCurrentIndex(controls.area_type.findData("landsdel"))
    controls.area.setCurrentIndex(controls.area.findData("Vestlandet"))
    table = window.table
    assert [g.label for g in table.groups] == ["Totalt", "Vestlandet", "Resten av landet"]
    model = window.model
    assert model.columnCount() == 4
    assert "Diff. mot resten" in model.headerData(3, Qt.Orientation.Horizontal)
    first = table.comparisons[0]
    shown = model.data(model.index(1, 3))
    assert shown.startswith(f"{first.diff_rest:+.1f}".replace(".", ",").replace("-", "−"))
    assert not controls.by_combo.isEnabled()
    own = model.index(1, 1)
    assert model.data(own, Qt.ItemDataRole.BackgroundRole) is not None, "own area highlighted"
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is None


def test_break_down_by_a_single_choice_question(window):
    index = window.controls.by_combo.findData("q2")
    assert index > 0
    window.controls.by_combo.setCurrentIndex(index)
    assert [g.label for g in window.table.groups][1:] == ["Ja", "Nei", "Vet ikke"]


def test_dropping_a_file_opens_it(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from tests.builders import codebook_book

    win = MainWindow()
    qtbot.addWidget(win)
    path = codebook_book(tmp_path / "slipp.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
    qtbot.waitUntil(lambda: not win.runner.busy and win.survey is not None, timeout=30000)
    assert win.path == path and win.survey.layout == "codebook"


def test_powerpoint_export_runs_in_the_worker(window, qtbot, tmp_path, monkeypatch):
    from pptx import Presentation
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "rapport.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))
    window.export_pptx()
    assert window.runner.busy or out.exists()
    qtbot.waitUntil(lambda: not window.runner.busy and out.exists(), timeout=60000)
    charted = [q for q in window.survey.questions if q.type != "text"]
    assert len(Presentation(str(out)).slides) == len(charted) + 2  # title and method slides
    assert str(out) in window.statusBar().currentMessage()


def test_import_notes_are_shown_on_request(qtbot, tmp_path, monkeypatch):
    from tests.builders import headers_book

    win = MainWindow()
    qtbot.addWidget(win)
    win.open_file(headers_book(tmp_path / "to-rader.xlsx", merged=True))
    qtbot.waitUntil(lambda: not win.runner.busy and win.survey is not None, timeout=30000)
    assert win.notes_action.isEnabled()
    assert "merknad" in win.statusBar().currentMessage()
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()))
    win.show_notes()
    assert shown and "to rader" in shown[0]
