"""Find a spec's questions again in a (possibly newer) survey: by id and text, then by text alone.

Next year's export often renumbers questions. A question whose id still exists with the same
text is taken as is; otherwise the same text under a new id is taken (and said); an id that now
holds a different question is never used on a guess — the item is reported as not found.
"""

from __future__ import annotations

import difflib
import unicodedata

from barometer_gui.core.i18n import t
from barometer_gui.core.report.spec import Ref
from barometer_gui.core.schema import Question, Survey

#: How alike two question texts must be to count as the same question reworded (difflib ratio).
SIMILAR = 0.93


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()


def find_question(survey: Survey, ref: Ref) -> tuple[Question | None, str]:
    """The question `ref` means in `survey`, and a note when it was found other than by its id."""
    by_id = {q.id.casefold(): q for q in survey.questions}
    same_id = by_id.get(ref.id.casefold())
    wanted = squash(ref.text)
    if same_id is not None and (not wanted or squash(same_id.text) == wanted):
        return same_id, ""
    if not wanted:
        return None, t("fant ikke spørsmålet «{id}»", id=ref.id)
    same_text = [q for q in survey.questions if squash(q.text) == wanted]
    if len(same_text) == 1:
        return same_text[0], t(
            "«{text}» har ny id: {old} → {new}", text=_short(ref.text), old=ref.id, new=same_text[0].id
        )
    scores = sorted(
        ((difflib.SequenceMatcher(None, wanted, squash(q.text)).ratio(), q) for q in survey.questions),
        key=lambda pair: -pair[0],
    )
    close = [q for score, q in scores if score >= SIMILAR]
    if len(close) == 1:
        return close[0], t(
            "«{text}» funnet som «{found}» ({id})",
            text=_short(ref.text),
            found=_short(close[0].text),
            id=close[0].id,
        )
    if len(same_text) > 1 or len(close) > 1:
        return None, t("«{text}» passer til flere spørsmål", text=_short(ref.text))
    if same_id is not None:
        return (
            None,
            t(
                "«{id}» er nå et annet spørsmål («{other}»); «{text}» finnes ikke",
                id=ref.id,
                other=_short(same_id.text),
                text=_short(ref.text),
            ),
        )
    return None, t("fant ikke «{text}» ({id})", text=_short(ref.text), id=ref.id)


def find_breakdown(survey: Survey, ref: Ref | None) -> tuple[str | None, str]:
    """A breakdown is a background variable (stable ids) or a single-choice question (found like one)."""
    if ref is None:
        return None, ""
    if any(squash(b.id) == squash(ref.id) for b in survey.background):
        return ref.id, ""
    question, note = find_question(survey, ref)
    if question is None:
        return None, t("fant ikke oppdelingen «{name}»", name=ref.text or ref.id)
    return question.id, note


def _short(text: str, size: int = 70) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
