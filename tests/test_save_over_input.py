"""Every save in the window refuses to write over the open data file, whatever name leads to it."""

from __future__ import annotations

import dataclasses
import os
import shutil

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from barometer_gui.core.importer import demo_path
from barometer_gui.core.report.spec import spec_from_views
from barometer_gui.core.schema import QType
from barometer_gui.ui.report_wizard import ReportWizard
from barometer_gui.ui.window import MainWindow


@pytest.fixture
def opened(qtbot, tmp_path, demo_survey, monkeypatch):
    """A window showing a copy of the demo in tmp_path, with save dialogs and warnings captured."""
    data = tmp_path / "svar.xlsx"
    shutil.copyfile(demo_path(), data)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win._opened((data, dataclasses.replace(demo_survey, source=str(data)), None), {}, None)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    yield win, data, shown
    win.close()


def _choose(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _link(tmp_path, name, data):
    link = tmp_path / name
    os.symlink(data, link)
    return link


@pytest.mark.parametrize(
    ("action", "chosen"),
    [
        ("export_xlsx", None),
        ("export_csv", None),
        ("export_csv", "tabell.csv"),
        ("save_chart", "diagram.png"),
        ("export_free_text", "fritekst.csv"),
        ("export_pptx", "lysark.pptx"),
        ("save_project", "prosjekt.barometer"),
    ],
)
def test_window_saves_refuse_the_open_data_file(opened, monkeypatch, tmp_path, action, chosen):
    win, data, shown = opened
    before = data.read_bytes()
    if action == "export_free_text":
        win.browser.select(next(q.id for q in win.survey.questions if q.type is QType.TEXT))
    # The data file itself, or a symlink to it named as the save expects.
    _choose(monkeypatch, data if chosen is None else _link(tmp_path, chosen, data))
    getattr(win, action)()
    assert shown and "inndataene" in shown[-1], shown
    assert data.read_bytes() == before
    assert not win.runner.busy


def test_report_wizard_refuses_the_open_data_file(opened, qtbot, tmp_path):
    win, data, shown = opened
    before = data.read_bytes()
    wizard = ReportWizard(win.survey, spec_from_views([]), win, folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.formats.folder.setText(str(tmp_path))
    wizard.formats.name.setText("svar")
    wizard.formats.set_formats([".xlsx"])
    wizard.accept()
    assert not wizard.runner.busy
    assert shown and "inndataene" in shown[-1]
    assert "inndataene" in wizard.summary.status.text()
    assert data.read_bytes() == before


def test_window_refuses_the_saved_mapping_it_was_read_with(opened, monkeypatch, tmp_path):
    win, _, shown = opened
    mapping = tmp_path / "kobling.csv"
    mapping.write_text("{}", encoding="utf-8")
    win.survey = dataclasses.replace(win.survey, saved_mapping=str(mapping))
    _choose(monkeypatch, mapping)
    win.export_csv()
    assert shown and "inndataene" in shown[-1]
    assert mapping.read_text(encoding="utf-8") == "{}"
