"""The attacker's view for the privacy tests: which respondents each shown cell counts.

A "who" question (every respondent's answer is their own id) asked with the same base as a real
question shows, per shown group, exactly the respondents whose answers that group's cells count.
Subtracting two such populations is what a differencing attack does.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.schema import QType, Question, Survey
from barometer_gui.core.tabulate import TableSpec, tabulate


def with_who(survey: Survey, question_id: str) -> Survey:
    """A copy of the survey with a "who" grid whose items have the bases of `question_id`'s items."""
    question = survey.question(question_id)
    data = survey.data
    ids = [f"id{i:04d}" for i in range(len(data))]
    if question.type is QType.MULTI:
        bases = [data[question.columns].notna().any(axis=1).to_numpy()]
    elif question.type is QType.GRID:
        bases = [data[c].notna().to_numpy() for c in question.columns]
    else:
        bases = [data[question.columns[0]].notna().to_numpy()]
    columns = {
        f"who::{i}": pd.Categorical(np.where(b, ids, None), categories=ids) for i, b in enumerate(bases)
    }
    frame = pd.concat([data, pd.DataFrame(columns, index=data.index)], axis=1)
    who = Question("who", "Hvem", QType.GRID, list(columns), ids, [f"I{i}" for i in range(len(bases))])
    return Survey(frame, [*survey.questions, who], survey.background, survey.layout)


def published(survey: Survey, specs: Iterable[TableSpec]) -> dict[str, set[int]]:
    """Per item, every population some shown cell of a producible table counts (as bit masks)."""
    ids = {option: i for i, option in enumerate(survey.question("who").options)}
    shown: dict[str, set[int]] = {}
    for spec in specs:
        try:
            table = tabulate(survey, spec)
        except BarometerError:
            continue  # refused: publishes nothing
        for group in table.groups:
            for item in table.items:
                cells = [c for c in group.cells if c.item == item]
                if any(c.count is None for c in cells):
                    continue
                mask = sum(1 << ids[c.option] for c in cells if c.count)
                if mask:
                    shown.setdefault(item, set()).add(mask)
    return shown


def assert_no_small_difference(shown: dict[str, set[int]], min_base: int) -> None:
    """One population inside another isolates the rest; two overlapping ones give the answers of
    those only in the first minus those only in the second: both must involve min_base or none."""
    for item, masks in shown.items():
        for mask in masks:
            assert mask.bit_count() >= min_base, (item, bin(mask))
        for a, b in itertools.combinations(sorted(masks), 2):
            size = (a ^ b).bit_count()
            assert size >= min_base, (item, bin(a), bin(b), size)
