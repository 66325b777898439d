"""`report` on the command line: the quick form saves a spec, the spec reruns on another year's file."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from barometer_gui.cli import run
from barometer_gui.demo_data import write_demo


def _run(capsys, *args):
    status = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_quick_form_saves_a_spec_that_reruns_on_another_file(capsys, tmp_path):
    spec = tmp_path / "oppsett.json"
    status, _out, err = _run(
        capsys, "report", "--demo", "-q", "q1", "-q", "q5", "--by", "kommunestorrelse", "--weight", "vekt",
        "--where", "type=Kommune", "--save-spec", spec, "--out", tmp_path / "i år.xlsx",
    )  # fmt: skip
    assert status == 0, err
    saved = json.loads(spec.read_text(encoding="utf-8"))
    assert saved["settings"]["weight"] == "vekt" and saved["settings"]["where"] == [["type", "Kommune"]]
    assert [i["question"]["id"] for i in saved["items"][1:]] == ["q1", "q5"]
    other = write_demo(tmp_path / "data neste år.xlsx", seed=11)
    status, _out, err = _run(capsys, "report", other, "--spec", spec, "--out", tmp_path / "neste år.xlsx")
    assert status == 0, err
    this_year, next_year = load_workbook(tmp_path / "i år.xlsx"), load_workbook(tmp_path / "neste år.xlsx")
    assert this_year.sheetnames == next_year.sheetnames
    first, second = this_year.worksheets[1], next_year.worksheets[1]
    assert [c.value for c in first["A"]][3:11] == [c.value for c in second["A"]][3:11]
    assert [c.value for c in first["B"]][6:11] != [c.value for c in second["B"]][6:11], "new numbers"
    assert "Utvalg: Kommune/fylkeskommune = Kommune" in first["A2"].value


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--demo", "--out", "x.pptx"], "--spec"),
        (["report", "--demo", "--spec", "finnes-ikke.json", "--out", "x.pptx"], "Fant ikke rapportoppsettet"),
        (["report", "--demo", "--spec", "s.json", "-q", "q1", "--out", "x.pptx"], "ikke begge"),
        (["report", "--demo", "-q", "q1"], "--out"),
        (["report", "--demo", "-q", "q1", "--out", "x.docx"], "Ukjent rapportformat"),
        (["report", "--demo", "-q", "finnes ikke", "--out", "x.pptx"], "Fant ikke spørsmålet"),
    ],
)
def test_bad_report_input_exits_2_with_one_line(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.json").write_text("{}", encoding="utf-8")
    status, out, err = _run(capsys, *args)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


def test_skipped_items_are_named_and_the_rest_is_written(capsys, tmp_path):
    spec = tmp_path / "oppsett.json"
    assert _run(capsys, "report", "--demo", "-q", "q1", "-q", "q2", "--save-spec", spec)[0] == 0
    data = json.loads(spec.read_text(encoding="utf-8"))
    data["items"][2]["question"] = {"id": "q2", "text": "Et spørsmål som er tatt ut"}
    spec.write_text(json.dumps(data), encoding="utf-8")
    status, _out, err = _run(capsys, "report", "--demo", "--spec", spec, "--out", tmp_path / "r.pdf")
    assert status == 0 and (tmp_path / "r.pdf").exists()
    assert "hoppet over" in err and "Et spørsmål som er tatt ut" in err


def test_spec_reruns_on_the_file_it_records_and_file_on_the_command_line_overrides(
    capsys, tmp_path, monkeypatch
):
    folder = tmp_path / "prosjekt"
    data = write_demo(folder / "data" / "i år.xlsx", seed=3)
    spec = folder / "oppsett.json"
    assert _run(capsys, "report", data, "-q", "q1", "-q", "q9", "--save-spec", spec)[0] == 0
    saved = json.loads(spec.read_text(encoding="utf-8"))
    assert saved["source"]["file"] == "data/i år.xlsx", "relative to the spec's folder"
    assert [i["kind"] for i in saved["items"]] == ["title", "question", "freetext"], "text answers listed"
    monkeypatch.chdir(tmp_path)  # somewhere else: the path is resolved from the spec's folder
    status, out, err = _run(capsys, "report", "--spec", spec, "--out", tmp_path / "a.xlsx")
    assert status == 0, err
    other = write_demo(tmp_path / "neste år.xlsx", seed=12)
    status, out, err = _run(capsys, "report", other, "--spec", spec, "--out", tmp_path / "b.xlsx")
    assert status == 0, err
    first, second = load_workbook(tmp_path / "a.xlsx"), load_workbook(tmp_path / "b.xlsx")
    assert "i år.xlsx" in first["Innhold"]["A2"].value and "neste år.xlsx" in second["Innhold"]["A2"].value
    data.rename(data.with_name("flyttet.xlsx"))
    status, out, err = _run(capsys, "report", "--spec", spec, "--out", tmp_path / "c.xlsx")
    assert status == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "Fant ikke datafila «data/i år.xlsx»" in err and not (tmp_path / "c.xlsx").exists()
