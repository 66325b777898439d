"""The differencing attacks reported on the demo data, and every table of their kinds, recover no one.

Before safe blocks: with --min-base 5 Oslo (one respondent) was hidden by fylke, but
`--where fylke=Oslo --where fylke=Østfold` minus `--where fylke=Østfold` gave Oslo's answer, a
filter on Vestfold showed the group hidden as secondary suppression, and the grid gave all eight
of Oslo's item answers.
"""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.tabulate import Role, TableSpec, tabulate
from tests.conftest import ROOT
from tests.privacy_attacks import assert_no_small_difference, published, with_who

TOTAL, REST = "Totalt", "Resten av landet"  # the bokmål words the engine gives these roles


def _counts(table, group=0):
    return [(c.item, c.option, c.count) for c in table.groups[group].cells]


def test_oslo_plus_ostfold_minus_ostfold_is_nothing(demo_survey):
    both = tabulate(demo_survey, TableSpec("q1", where=(("fylke", "Oslo"), ("fylke", "Østfold"))))
    ostfold = tabulate(demo_survey, TableSpec("q1", where=(("fylke", "Østfold"),)))
    oslo = tabulate(demo_survey, TableSpec("q1", where=(("fylke", "Oslo"),)))
    assert _counts(both) == _counts(ostfold) == _counts(oslo)
    assert ostfold.groups[0].base == 8
    assert ostfold.filters == ["Fylke = Østfold (utvidet til Oslo og Østfold for å verne små grupper)"]
    assert "utvidet til Oslo og Østfold" in oslo.footnote()


def test_a_fylke_is_shown_the_same_way_in_every_table(demo_survey):
    by_fylke = tabulate(demo_survey, TableSpec("q1", by="fylke"))
    labels = [g.label for g in by_fylke.groups]
    assert "Oslo" not in labels and "Oslo + Østfold" in labels
    assert not any(g.suppressed for g in by_fylke.groups)
    vestfold = tabulate(demo_survey, TableSpec("q1", where=(("fylke", "Vestfold"),)))
    assert _counts(vestfold) == _counts(by_fylke, labels.index("Vestfold"))
    assert "Oslo og Østfold er slått sammen" in by_fylke.footnote()


def test_grid_gives_no_item_answer_of_oslo(demo_survey):
    oslo = tabulate(demo_survey, TableSpec("q6", where=(("fylke", "Oslo"),)))
    ostfold = tabulate(demo_survey, TableSpec("q6", where=(("fylke", "Østfold"),)))
    assert _counts(oslo) == _counts(ostfold)
    assert all(c.base >= 5 for c in oslo.groups[0].cells)


def test_benchmark_own_area_is_its_block(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", benchmark=("fylke", "Oslo")))
    assert [g.label for g in table.groups] == [TOTAL, "Oslo + Østfold", REST]
    assert [g.role for g in table.groups] == [Role.TOTAL, Role.OWN, Role.REST]
    total, own, rest = table.groups
    assert own.base == 8 and total.base == own.base + rest.base
    assert "utvidet til Oslo og Østfold" in table.footnote()


def test_filter_and_breakdown_on_crossing_variables_is_refused(demo_survey):
    # Every fylke has one fylkeskommune: where fylke=X by type would show it alone (or by difference).
    with pytest.raises(BarometerError, match="krysser «Fylke» og «Kommune/fylkeskommune»"):
        tabulate(demo_survey, TableSpec("q1", where=(("fylke", "Nordland"),), by="type"))
    with pytest.raises(BarometerError, match="krysser"):
        tabulate(demo_survey, TableSpec("q1", where=(("type", "Kommune"),), benchmark=("fylke", "Vestland")))
    with pytest.raises(BarometerError, match="er et tall"):
        tabulate(demo_survey, TableSpec("q1", where=(("innbyggere", "717710"),)))


def test_nested_variables_use_the_same_blocks(demo_survey):
    table = tabulate(demo_survey, TableSpec("q1", where=(("landsdel", "Østlandet"),), by="fylke"))
    assert "Oslo + Østfold" in [g.label for g in table.groups]
    assert table.groups[0].base == sum(g.base for g in table.groups[1:])


def test_refusal_is_one_norwegian_line_with_exit_2():
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "table",
            "--demo",
            "-q",
            "q1",
            "--where",
            "fylke=Østfold",
            "--by",
            "type",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "krysser «Fylke»" in result.stderr


def _demo_specs(survey, min_base=5):
    values = {
        name: [str(v) for v in survey.data[survey.variable(name).column].dropna().unique()]
        for name in ("fylke", "landsdel", "type", "kommunestorrelse")
    }
    yield TableSpec("who", min_base=min_base)
    for by in values:
        yield TableSpec("who", by=by, min_base=min_base)
    for name, options in values.items():
        for value in options:
            where = ((name, value),)
            yield TableSpec("who", where=where, min_base=min_base)
            yield TableSpec("who", benchmark=(name, value), min_base=min_base)
            for by in values:
                yield TableSpec("who", where=where, by=by, min_base=min_base)
    for a, b in itertools.combinations(values["fylke"], 2):
        yield TableSpec("who", where=(("fylke", a), ("fylke", b)), min_base=min_base)


@pytest.mark.parametrize("question", ["q1", "q3", "q6", "q8"])
def test_no_two_demo_tables_differ_by_fewer_than_min_base(demo_survey, question):
    """Every filter, breakdown, benchmark and fylke pair on the demo: no difference isolates < 5."""
    survey = with_who(demo_survey, question)
    shown = published(survey, _demo_specs(survey))
    assert shown
    assert_no_small_difference(shown, 5)


def test_grid_summary_uses_the_blocks_of_the_full_grid(demo_survey):
    """The summary's base (without 'vet ikke') is a function of the full grid: same groups, same filters."""
    full = tabulate(demo_survey, TableSpec("q6", by="fylke"))
    summary = tabulate(demo_survey, TableSpec("q6", by="fylke", grid_summary=True))
    assert [g.label for g in summary.groups] == [g.label for g in full.groups]
