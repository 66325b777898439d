"""The headless contract: inspect/table/report output, exit statuses and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from barometer_gui.cli import run

ROOT = Path(__file__).resolve().parent.parent


def _run(capsys, *args) -> tuple[int, str, str]:
    status = run(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_inspect_demo_prints_question_model(capsys):
    status, out, _ = _run(capsys, "inspect", "--demo")
    assert status == 0
    info = json.loads(out)
    assert info["layout"] == "codebook"
    assert set(info) >= {"layout", "respondents", "questions", "background"}
    assert {q["type"] for q in info["questions"]} == {"single", "multi", "grid", "numeric", "text"}
    assert {"fylke", "landsdel", "kommunestorrelse", "type"} <= {b["id"] for b in info["background"]}
    for question in info["questions"]:
        assert set(question) >= {"id", "text", "type", "options", "items"}


def test_table_json_contract(capsys):
    status, out, _ = _run(
        capsys, "table", "--demo", "--question", "q1", "--by", "kommunestorrelse", "--weight", "vekt"
    )
    assert status == 0
    table = json.loads(out)
    assert table["question"]["id"] == "q1" and table["by"] == "kommunestorrelse" and table["weighted"] is True
    assert table["groups"][0]["label"] == "Totalt"
    assert table["test"]["method"] and 0 <= table["test"]["p_value"] <= 1
    keys = {"label", "base", "weighted_base", "effective_base", "suppressed", "low_base", "cells"}
    assert keys <= set(table["groups"][0])
    cell = table["groups"][0]["cells"][0]
    assert {"item", "option", "count", "pct", "ci_low", "ci_high", "sig"} <= set(cell)
    assert 0 <= cell["pct"] <= 100


def test_question_by_text_prefix_and_case(capsys):
    _, by_id, _ = _run(capsys, "table", "--demo", "-q", "q2")
    _, by_prefix, _ = _run(capsys, "table", "--demo", "-q", "  har dere ØREMERKEDE   midler")
    assert json.loads(by_id)["groups"] == json.loads(by_prefix)["groups"]


def test_table_csv_with_decimal_comma_and_where(capsys):
    status, out, _ = _run(
        capsys, "table", "--demo", "-q", "q5", "--where", "type=Kommune", "--format", "csv", "--decimal-comma"
    )
    assert status == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("question_id;group;")
    assert all(line.startswith("q5;Totalt;") for line in lines[1:])
    pct = lines[0].split(";").index("pct")
    assert any("," in line.split(";")[pct] for line in lines[1:])


def test_benchmark_and_summary(capsys):
    status, out, _ = _run(
        capsys, "table", "--demo", "-q", "q6", "--summary", "--benchmark", "landsdel=Vestlandet"
    )
    assert status == 0
    table = json.loads(out)
    assert [g["label"] for g in table["groups"]] == ["Totalt", "Vestlandet", "Resten av landet"]
    assert {c["option"] for c in table["groups"][0]["cells"]} == {"Hemmer", "Fremmer"}
    assert table["comparisons"] and "diff_rest" in table["comparisons"][0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["table", "--demo", "-q", "finnes ikke"], "Fant ikke spørsmålet"),
        (["table", "--demo", "-q", "q1", "--by", "nope"], "bakgrunnsvariabelen"),
        (["table", "--demo", "-q", "q1", "--where", "fylke"], "VARIABEL=VERDI"),
        (["table", "--demo", "-q", "q1", "--bogus"], "Ugyldig kommando"),
        (["report", "--demo", "-q", "q1", "--out", "x.txt"], ".pptx"),
        (["inspect", "/finnes/ikke.xlsx"], "Fant ikke fila"),
    ],
)
def test_user_errors_exit_2_with_one_line(capsys, args, message):
    status, out, err = _run(capsys, *args)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_report_chart_values_equal_table_json(tmp_path):
    from pptx import Presentation

    out = tmp_path / "demo.pptx"
    main = [sys.executable, str(ROOT / "main.py")]
    report = subprocess.run(
        [*main, "report", "--demo", "-q", "q1", "-q", "q5", "--by", "type", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert report.returncode == 0, report.stderr
    deck = Presentation(str(out))
    charted = [slide for slide in deck.slides if any(s.has_chart for s in slide.shapes)]
    assert len(deck.slides) == 4 and len(charted) == 2  # title slide, two charts, method slide
    for slide, question in zip(charted, ["q1", "q5"], strict=True):
        table = json.loads(
            subprocess.run(
                [*main, "table", "--demo", "-q", question, "--by", "type"],
                capture_output=True,
                text=True,
                timeout=180,
                check=True,
            ).stdout
        )
        chart = next(s for s in slide.shapes if s.has_chart).chart
        shown = {
            (f"{g['label']} ({g['letter']})" if g["letter"] else g["label"])
            + ("*" if g["low_base"] else ""): g
            for g in table["groups"]
            if not g["suppressed"]
        }
        # by name, not position: clustered bars are written bottom-up (last group and option first)
        series = {s.name: s for s in chart.plots[0].series}
        assert set(series) == set(shown)
        for name, group in shown.items():
            by_option = dict(zip(chart.plots[0].categories, series[name].values, strict=True))
            assert by_option == pytest.approx({c["option"]: c["pct"] / 100 for c in group["cells"]})
        texts = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert table["question"]["text"] in texts and "Antall svar:" in texts and "Kilde:" in texts


def test_csv_labels_that_look_like_formulas_stay_text(tmp_path, capsys):
    path = tmp_path / "formel.csv"
    path.write_text("Kommunenr;Svar\n301;=1+1\n4601;Nei\n1101;=1+1\n1103;Nei\n5001;@navn\n", encoding="utf-8")
    status, out, _ = _run(capsys, "table", str(path), "-q", "Svar", "--format", "csv", "--min-base", "1")
    assert status == 0
    header, *lines = out.strip().splitlines()
    column = header.split(",").index("option")
    options = [line.split(",")[column] for line in lines]
    assert "'=1+1" in options and "'@navn" in options and "Nei" in options


def _no_nan(constant):
    raise AssertionError(f"JSON must not contain {constant}")


@pytest.mark.parametrize("by", [None, "fylke", "landsdel", "kommunestorrelse", "type", "sentralitet"])
def test_every_demo_table_is_strict_json(capsys, by):
    for question in ("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"):
        args = ["table", "--demo", "-q", question, "--weight", "vekt"] + (["--by", by] if by else [])
        status, out, err = _run(capsys, *args)
        assert status == 0, err
        table = json.loads(out, parse_constant=_no_nan)
        assert table["groups"][0]["label"] == "Totalt"
