"""The report basket and wizard with pytest-qt: Ctrl+R collects views, the wizard writes or cancels cleanly."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from barometer_gui.core.importer import demo_path
from barometer_gui.core.report import load_spec
from barometer_gui.ui.report_wizard import ReportWizard
from barometer_gui.ui.window import MainWindow


@pytest.fixture
def window(qtbot, demo_survey):
    """A main window showing the demo (handed the survey directly; the import worker is tested elsewhere)."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win._opened((demo_path(), demo_survey, None), {}, None)
    return win


def _add_views(window, questions):
    add = next(a for a in window.findChildren(type(window.open_action)) if a.text() == "&Legg til i rapport")
    assert add.shortcut().toString() == "Ctrl+R"
    for question in questions:
        assert window.browser.select(question)
        add.trigger()


def _wizard(window, qtbot, folder) -> ReportWizard:
    from barometer_gui.core.report.spec import spec_from_views

    wizard = ReportWizard(window.survey, spec_from_views(window.report_basket.items()), window, folder=folder)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_basket_collects_reorders_renames_and_removes(window):
    window.controls.by_combo.setCurrentIndex(window.controls.by_combo.findData("type"))
    _add_views(window, ["q1", "q5", "q6"])
    basket = window.report_basket
    assert [i.question.id for i in basket.items()] == ["q1", "q5", "q6"]
    assert basket.items()[0].by.id == "type"
    basket.list.setCurrentRow(2)
    basket.move(-1)
    basket.list.currentItem().setText("Hemmer og fremmer")
    basket.list.setCurrentRow(0)
    basket.remove_current()
    assert [(i.question.id, i.title) for i in basket.items()] == [("q6", "Hemmer og fremmer"), ("q5", "")]
    basket.make.click()  # «Lag rapport …» opens the wizard on the basket
    labels = [window.report_wizard.content.list.item(r).text() for r in range(3)]
    assert "Hemmer og fremmer" in labels[1] and "samarbeidet" in labels[2]
    window.report_wizard.reject()


def test_wizard_walks_every_page_writes_all_formats_and_saves_a_spec_that_reruns(window, qtbot, tmp_path):
    _add_views(window, ["q1", "q5"])
    wizard = _wizard(window, qtbot, tmp_path)
    wizard.content._add_text("section", "Samarbeid")
    wizard.content.list.setCurrentRow(1)
    assert wizard.content.preview.pixmap() is not None and not wizard.content.preview.pixmap().isNull()
    wizard.content.chart.setCurrentIndex(wizard.content.chart.findData("diverging"))  # a grid's kind, for q1
    assert (
        "«Hemmer/fremmer (divergerende)» passer ikke her; viser «Liggende søyler»"
        in wizard.content.note.text()
    )
    wizard.content.chart.setCurrentIndex(wizard.content.chart.findData("auto"))
    wizard.content.by.setCurrentIndex(wizard.content.by.findData("landsdel"))
    wizard.options.fold_below.setValue(3)
    wizard.options.language.setCurrentIndex(wizard.options.language.findData("en"))
    titles = []
    for _ in range(4):
        titles.append(wizard.currentPage().title())
        assert wizard.currentPage().isComplete()
        wizard.next()
    titles.append(wizard.currentPage().title())
    assert titles == ["Innhold", "Diagram og tabell", "Format og mappe", "Mal", "Oppsummering"]
    wizard.formats.set_formats([".pptx", ".xlsx", ".pdf", ".png"])
    wizard.formats.name.setText("rapport")
    wizard.save_spec_as(str(tmp_path / "oppsett.json"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["oppsett.json", "rapport", "rapport.pdf", "rapport.pptx", "rapport.xlsx"]
    spec = load_spec(tmp_path / "oppsett.json")
    assert [i.kind for i in spec.items] == ["title", "question", "question", "section"]
    assert spec.items[1].by.id == "landsdel" and spec.items[2].by is None
    assert spec.settings.fold_below == 3 and spec.settings.language == "en"


def test_cancel_midway_leaves_nothing_behind(window, qtbot, tmp_path):
    _add_views(window, [f"q{n}" for n in range(1, 9)])
    wizard = _wizard(window, qtbot, tmp_path)
    for _ in range(4):
        wizard.next()
    wizard.formats.set_formats([".pptx", ".pdf", ".png"])
    wizard.accept()
    wizard.runner.task.cancel()
    qtbot.waitUntil(lambda: not wizard.runner.busy, timeout=60000)
    assert wizard.result is None and "Avbrutt" in wizard.summary.status.text()
    assert list(tmp_path.iterdir()) == []
    assert wizard.isVisible(), "the wizard stays open to try again"


def test_text_question_goes_in_as_free_text_and_a_saved_spec_reruns_headless_on_its_file(
    qtbot, tmp_path, capsys
):
    from pptx import Presentation

    from barometer_gui.cli import run
    from barometer_gui.core.importer import open_survey
    from barometer_gui.demo_data import write_demo

    data = write_demo(tmp_path / "data" / "kommuner.xlsx", seed=5)
    win = MainWindow()
    qtbot.addWidget(win)
    win._opened((data, open_survey(data, use_saved_mapping=False), None), {}, None)
    _add_views(win, ["q1", "q9"])
    assert [i.kind for i in win.report_basket.items()] == ["question", "freetext"]
    wizard = _wizard(win, qtbot, tmp_path)
    wizard.content.list.setCurrentRow(2)
    wizard.content.limit.setValue(4)
    assert "ulike svar listes" in wizard.content.note.text()
    wizard.save_spec_as(str(tmp_path / "oppsett.json"))
    spec = load_spec(tmp_path / "oppsett.json")
    assert spec.source == {"file": "data/kommuner.xlsx"} and spec.items[2].limit == 4
    assert run(["report", "--spec", str(tmp_path / "oppsett.json"), "--out", str(tmp_path / "r.pptx")]) == 0
    capsys.readouterr()
    slides = Presentation(str(tmp_path / "r.pptx")).slides
    free = [s for s in slides if s.shapes.title.text.startswith("Beskriv kort")]
    assert len(free) == 1 and "Viser 4 av" in " ".join(
        sh.text_frame.text for sh in free[0].shapes if sh.has_text_frame
    )
    wizard.reject()
