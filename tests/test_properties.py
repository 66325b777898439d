"""Properties that must hold for any data: shares add up, suppressed groups cannot be recovered."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from barometer_gui.core.schema import Background, QType, Question, Survey
from barometer_gui.core.tabulate import TableSpec, tabulate

OPTIONS = ["A", "B", "C", "Vet ikke"]
GROUPS = ["G1", "G2", "G3", "G4"]
TOTAL_LABEL = "Totalt"

rows = st.lists(
    st.tuples(
        st.sampled_from([*OPTIONS, None]),
        st.sampled_from([*GROUPS, None]),
        st.floats(0.1, 5.0),
    ),
    min_size=0,
    max_size=80,
)


def _survey(records) -> Survey:
    answers = [r[0] for r in records]
    groups = [r[1] for r in records]
    assume(not records or any(groups))  # a breakdown with no groups at all is refused (issue 9)
    data = pd.DataFrame(
        {
            "q": pd.Categorical(answers, categories=OPTIONS, ordered=True),
            "bg::g": pd.Categorical(groups, categories=GROUPS, ordered=True),
            "w": [r[2] for r in records],
        },
        index=pd.RangeIndex(len(records)),
    )
    question = Question("q", "Spørsmål", QType.SINGLE, ["q"], OPTIONS)
    return Survey(
        data, [question], [Background("g", "Gruppe", "categorical", "bg::g")], "test", weights=["w"]
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=rows, weighted=st.booleans(), min_base=st.integers(0, 8))
def test_single_choice_shares_sum_to_100(records, weighted, min_base):
    table = tabulate(
        _survey(records), TableSpec("q", by="g", weight="w" if weighted else None, min_base=min_base)
    )
    for group in table.groups:
        if group.suppressed or group.base == 0:
            assert all(c.pct is None for c in group.cells)
            continue
        assert sum(c.pct for c in group.cells) == pytest.approx(100.0)
        assert sum(c.count for c in group.cells) == group.base
        for cell in group.cells:
            assert cell.ci_low <= cell.pct + 1e-9 <= cell.ci_high + 2e-9


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=rows, min_base=st.integers(1, 10))
def test_suppressed_group_is_never_total_minus_shown_groups(records, min_base):
    table = tabulate(_survey(records), TableSpec("q", by="g", min_base=min_base))
    total, parts = table.groups[0], table.groups[1:]
    if total.suppressed:
        assert all(g.suppressed for g in parts)
        return
    shown_base = sum(g.base for g in parts if not g.suppressed)
    unaccounted = total.base - shown_base
    for group in parts:
        if group.suppressed and group.base > 0:
            # Totalt minus every shown group must mix the hidden group with someone else.
            assert unaccounted - group.base > 0
            counts = np.array([c.count for c in total.cells]) - sum(
                np.array([c.count for c in g.cells]) for g in parts if not g.suppressed
            )
            assert counts.sum() > group.base


@settings(max_examples=60, deadline=None)
@given(records=rows)
def test_weighting_with_equal_weights_changes_nothing(records):
    records = [(a, g, 2.0) for a, g, _ in records]
    survey = _survey(records)
    plain = tabulate(survey, TableSpec("q", by="g")).as_dict()["groups"]
    weighted = tabulate(survey, TableSpec("q", by="g", weight="w")).as_dict()["groups"]
    for a, b in zip(plain, weighted, strict=True):
        for ca, cb in zip(a["cells"], b["cells"], strict=True):
            assert ca["pct"] == pytest.approx(cb["pct"]) if ca["pct"] is not None else cb["pct"] is None
        assert a["effective_base"] == pytest.approx(b["effective_base"])


grid_rows = st.lists(
    st.tuples(st.sampled_from([*OPTIONS, None]), st.sampled_from([*OPTIONS, None]), st.sampled_from(GROUPS)),
    min_size=0,
    max_size=60,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=grid_rows, min_base=st.integers(1, 8))
def test_grid_item_cells_are_never_total_minus_shown_cells(records, min_base):
    data = pd.DataFrame(
        {
            "g::1": pd.Categorical([r[0] for r in records], categories=OPTIONS),
            "g::2": pd.Categorical([r[1] for r in records], categories=OPTIONS),
            "bg::g": pd.Categorical([r[2] for r in records], categories=GROUPS),
        },
        index=pd.RangeIndex(len(records)),
    )
    grid = Question("g", "Rutenett", QType.GRID, ["g::1", "g::2"], OPTIONS, ["Første", "Andre"])
    survey = Survey(data, [grid], [Background("g", "Gruppe", "categorical", "bg::g")], "test")
    table = tabulate(survey, TableSpec("g", by="g", min_base=min_base))
    total, parts = table.groups[0], table.groups[1:]
    for item in ("Første", "Andre"):
        bases = {g.label: next(c.base for c in g.cells if c.item == item) for g in table.groups}
        hidden = [
            g
            for g in parts
            if any(c.pct is None for c in g.cells if c.item == item) and (bases[g.label] or 0) > 0
        ]
        if any(c.pct is None for c in total.cells if c.item == item):
            continue
        shown_base = sum(bases[g.label] or 0 for g in parts if g not in hidden)
        for group in hidden:
            assert (bases[TOTAL_LABEL] or 0) - shown_base - (bases[group.label] or 0) > 0
