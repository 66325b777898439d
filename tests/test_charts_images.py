"""Every chart type compared with a committed baseline picture (small: 8 × 4.8 in at 40 dpi).

Comparison: matplotlib's `compare_images`, root-mean-square difference of the pixel values (0-255)
at most TOLERANCE. After an intended change of the drawing, look at the new pictures and rewrite them:
    BAROMETER_UPDATE_BASELINES=1 python3 -m uv run --group test pytest -q tests/test_charts_images.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images

from barometer_gui.charts.model import chart_model, wave_chart
from barometer_gui.charts.mpl import draw, save
from barometer_gui.charts.style import Style
from barometer_gui.core.tabulate import TableSpec, tabulate

BASELINES = Path(__file__).parent / "baselines" / "charts"
TOLERANCE = 6.0
DPI = 40

CASES = {
    "bars": (TableSpec("q5"), "bars", {"order": "size"}),
    "bars-grouped": (TableSpec("q1", by="type"), "bars", {}),
    "bars-whiskers": (TableSpec("q5", benchmark=("fylke", "Vestland")), "bars", {}),
    "stacked": (TableSpec("q1", by="landsdel"), "stacked", {}),
    "stacked-grid": (TableSpec("q6"), "stacked", {}),
    "diverging": (TableSpec("q6"), "diverging", {}),
    "diverging-summary": (TableSpec("q6", grid_summary=True), "diverging", {}),
    "multiples": (TableSpec("q6", grid_summary=True, by="type"), "multiples", {}),
    "dots": (TableSpec("q2", by="fylke"), "dots", {}),
    "numeric": (TableSpec("q8", by="type"), "bars", {}),
    "table": (TableSpec("q1", by="type"), "table", {}),
}


def _check(figure: Figure, name: str, tmp_path: Path, update: bool = True) -> None:
    actual = tmp_path / f"{name}.png"
    save(figure, actual, dpi=DPI)
    expected = BASELINES / f"{name}.png"
    if update and os.environ.get("BAROMETER_UPDATE_BASELINES"):
        BASELINES.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), f"no baseline {expected.name}: see this module's docstring"
    result = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert result is None, result


@pytest.mark.parametrize("name", sorted(CASES))
def test_chart_matches_its_baseline(demo_survey, name, tmp_path):
    spec, kind, options = CASES[name]
    figure = Figure(figsize=Style().figsize)
    draw(figure, chart_model(tabulate(demo_survey, spec), kind, source="Demo 2024", **options))
    _check(figure, name, tmp_path)


def test_line_chart_matches_its_baseline(demo_survey, tmp_path):
    waves = [tabulate(demo_survey, TableSpec("q2")), tabulate(demo_survey, TableSpec("q2", weight="vekt"))]
    figure = Figure(figsize=Style().figsize)
    draw(figure, wave_chart(waves, ["2022", "2024"]))
    _check(figure, "line", tmp_path)


def test_a_changed_chart_fails_the_comparison(demo_survey, tmp_path):
    """The comparison can fail: grouped bars drawn in place of the single bars differ beyond the tolerance."""
    spec, _, _ = CASES["bars-grouped"]
    figure = Figure(figsize=Style().figsize)
    draw(figure, chart_model(tabulate(demo_survey, spec), "stacked", source="Demo 2024"))
    with pytest.raises(AssertionError, match="Image files did not match"):
        _check(figure, "bars-grouped", tmp_path, update=False)
