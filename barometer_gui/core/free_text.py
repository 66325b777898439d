"""Free-text answers: one function for the window's answer list and the report's free-text items.

The answers are selected by the engine's own filter rules (values of one variable OR-ed, a value
inside a larger safe block widened to the whole block), so the list holds exactly the respondents
the table above it counts, and a filter can never narrow the answers down to a few people.
Whether answers may be shown at all (a base under the minimum) is for the caller to honour;
the report never lists them then, and never shows background next to them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from barometer_gui.core.disclosure import Guard
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.schema import QType, Question, Survey
from barometer_gui.core.tabulate import TableSpec, _described_base, _filter, _variables


@dataclass
class FreeText:
    question: Question
    answers: list[str]  # as written (outer blanks stripped), in the file's order
    rows: pd.Index  # the respondents' row labels, same order
    filters: list[str]  # the engine's description of the filters
    min_base: int

    @property
    def base(self) -> int:
        return len(self.answers)

    @property
    def too_few(self) -> bool:
        """Some answers, but fewer than the minimum base: not to be listed in a report."""
        return 0 < self.base < self.min_base

    def with_background(self, survey: Survey) -> tuple[list[str], list[list[str]]]:
        """Headers and rows for the window: each answer with the respondent's categorical background."""
        background = [b for b in survey.background if b.kind != "numeric"]
        frame = survey.data.loc[self.rows]
        columns = [self.answers] + [frame[b.column].astype(object).tolist() for b in background]
        rows = [["" if _missing(v) else str(v) for v in values] for values in zip(*columns, strict=True)]
        return [b.text for b in background], rows


def free_text(survey: Survey, spec: TableSpec) -> FreeText:
    """The non-blank answers to the text question `spec.question` inside `spec.where`."""
    question = survey.question(spec.question)
    if question.type is not QType.TEXT:
        raise BarometerError("«{question}» er ikke et fritekstspørsmål.", question=question.text)
    extra = [v for v in _variables(survey, spec) if v.kind == "question"]
    guard = Guard(survey, _described_base(survey, question), spec.min_base, extra)
    keep, filters = _filter(survey, guard, spec.where)
    column = survey.data[question.columns[0]]
    texts = column[keep & column.notna().to_numpy()].astype(str).str.strip()
    texts = texts[texts != ""]
    return FreeText(question, texts.tolist(), texts.index, filters, spec.min_base)


def _missing(value: object) -> bool:
    return value is None or value != value  # NaN is not equal to itself
