"""Checks that turn a detection guess into a warning the user sees (Survey.warnings).

Run on every proposed mapping (and on the built survey for the 100 % check). Where the right
reading is clear the mapping is corrected and the user told; otherwise it is only flagged.
"""

from __future__ import annotations

import pandas as pd

from barometer_gui.core.errors import Message
from barometer_gui.core.importers.common import MAX_OPTIONS, distinct
from barometer_gui.core.mapping import Encoding, Mapping, QuestionSpec
from barometer_gui.core.schema import QType, Survey, clean_label


def review(raw: pd.DataFrame, mapping: Mapping) -> Mapping:
    """Correct the clear cases in place and note every doubt in `mapping.notes`."""
    for spec in mapping.questions:
        note = _grid_of_single_values(raw, spec) or _too_many_options(raw, spec)
        if note:
            mapping.notes.append(note)
    artefact = header_artefact(mapping)
    if artefact:
        mapping.notes.append(
            Message(
                "Svaret «{answer}» står i alle spørsmålene; det er trolig en overskriftsrad og ikke et svar. "
                "Kontroller fila og koblingen (Fil › Kobling av spørsmål).",
                answer=artefact,
            )
        )
    return mapping


def _grid_of_single_values(raw: pd.DataFrame, spec: QuestionSpec) -> str | None:
    """A "grid" whose items each hold one value (the item's own label) is a select-all multi-select."""
    if spec.type != QType.GRID or spec.encoding != Encoding.LABELS or len(spec.columns) < 2:
        return None
    values = [distinct(raw[c]) for c in spec.columns]
    if not all(len(v) == 1 for v in values) or len({v[0] for v in values}) != len(values):
        return None
    spec.type, spec.encoding = QType.MULTI, Encoding.MARKS
    spec.options = [clean_label(next(iter(raw[c].dropna()))) for c in spec.columns]
    spec.items = []
    return Message(
        "«{question}» så ut som et rutenett, men hver kolonne har bare ett svar: lest som flervalg.",
        question=spec.text[:60],
    )


def _too_many_options(raw: pd.DataFrame, spec: QuestionSpec) -> str | None:
    """A "single choice" with far more distinct answers than respondents/5 is free text or a joined multi."""
    if spec.type != QType.SINGLE or spec.encoding != Encoding.LABELS:
        return None
    answers = raw[spec.columns[0]].dropna()
    count = len({clean_label(v) for v in pd.unique(answers.dropna())})
    if count <= MAX_OPTIONS and count <= max(12, len(answers) / 5):
        return None
    spec.type, spec.encoding, spec.options = QType.TEXT, Encoding.TEXT, []
    return Message(
        "«{question}» har {count} ulike svar og er lest som fritekst, ikke ett-svar-spørsmål.",
        question=spec.text[:60],
        count=count,
    )


def header_artefact(mapping: Mapping) -> str | None:
    """An option that appears in every question of the file (such as "Response") came from a header."""
    option_sets = [
        {o.casefold(): o for o in spec.options}
        for spec in mapping.questions
        if spec.type in (QType.SINGLE, QType.GRID) and spec.encoding == Encoding.LABELS
    ]
    if len(option_sets) < 3:
        return None
    common = set.intersection(*(set(s) for s in option_sets))
    return option_sets[0][sorted(common)[0]] if common else None


def full_share(survey: Survey, min_base: int = 5) -> list[str]:
    """Questions where one option is 100 % of the base: a filter question, or a mis-read column."""
    notes = []
    for question in survey.questions:
        if question.type is QType.SINGLE:
            answers = survey.data[question.columns[0]].dropna()
            if len(answers) >= min_base and answers.nunique() == 1:
                notes.append(_full_note(question.text, str(answers.iloc[0])))
        elif question.type is QType.MULTI:
            block = survey.data[question.columns]
            asked = block.dropna(how="all")
            if len(asked) >= min_base:
                everyone = (asked == 1).all()
                notes += [
                    _full_note(question.text, o)
                    for o, all_chose in zip(question.options, everyone, strict=True)
                    if all_chose
                ]
    return notes


def _full_note(text: str, option: str) -> str:
    return Message(
        "«{question}»: alle som svarte valgte «{option}» (100 %). Kontroller at spørsmålet er lest riktig.",
        question=text[:60],
        option=option,
    )
