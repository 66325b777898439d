"""The survey model every other part reads: questions, background variables, data.

An import turns whatever layout the survey tool exported into one canonical
form, so the tabulation engine only ever sees these shapes:

* single  - one ordered categorical column of answer labels (NaN = no answer)
* multi   - one float column per option: 1 chosen, 0 not chosen, NaN not asked
* grid    - one ordered categorical column per item, all on the same scale
* numeric - one float column
* text    - one string column

Columns in `Survey.data` are named after question ids (`q3`, `q9::2`), never
after the raw headers, so a mapping can rename or regroup raw columns freely.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from barometer_gui.core.errors import BarometerError, every_language
from barometer_gui.core.words import N_, WORDS, Worded


class QType(Worded):
    SINGLE = "single"
    MULTI = "multi"
    GRID = "grid"
    NUMERIC = "numeric"
    TEXT = "text"


WORDS.update(
    {
        QType.SINGLE: N_("Ett svar"),
        QType.MULTI: N_("Flere svar"),
        QType.GRID: N_("Rutenett"),
        QType.NUMERIC: N_("Tall"),
        QType.TEXT: N_("Fritekst"),
    }
)


#: Labels treated as "don't know / not relevant": kept in single-choice bases,
#: left out of the base of grid summaries (fremmer/hemmer), as KS publishes them.
DONT_KNOW = re.compile(
    r"^(vet ikke|ved ikke|veit ikkje|ikke relevant|ikkje relevant|don'?t know|not relevant|n/?a)\b", re.I
)


@dataclass
class Question:
    id: str
    text: str
    type: QType
    columns: list[str]
    options: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "type": str(self.type),
            "options": list(self.options),
            "items": list(self.items),
        }

    @property
    def dont_know(self) -> list[str]:
        return [o for o in self.options if DONT_KNOW.match(o.strip())]


@dataclass
class Background:
    """A variable to break results down by (or filter on)."""

    id: str
    text: str
    kind: str  # "categorical", "numeric" or "derived"
    column: str

    def as_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "kind": self.kind}


@dataclass
class Survey:
    data: pd.DataFrame
    questions: list[Question]
    background: list[Background]
    layout: str
    weights: list[str] = field(default_factory=list)
    source: str = ""
    warnings: list[str] = field(default_factory=list)
    raw_columns: list[str] = field(default_factory=list)
    #: Who counts as a respondent, in words for every footnote ("" when every row counts).
    population: str = ""
    #: Rows in the file per response status (completed, partial, not answered), when the tool says.
    status_counts: dict[str, int] = field(default_factory=dict)
    #: The saved mapping file that was applied instead of the detected one ("" when none).
    saved_mapping: str = ""

    @property
    def respondents(self) -> int:
        return len(self.data)

    def describe(self) -> dict:
        """The `inspect` view: what was detected, as plain JSON-ready data."""
        return {
            "layout": self.layout,
            "respondents": self.respondents,
            "population": self.population,
            "status_counts": dict(self.status_counts),
            "saved_mapping": self.saved_mapping,
            "questions": [q.as_dict() for q in self.questions],
            "background": [b.as_dict() for b in self.background],
            "weights": list(self.weights),
            "warnings": list(self.warnings),
        }

    def question(self, name: str) -> Question:
        """Find a question by id, full text, or a unique prefix of its text."""
        by_id = {q.id.casefold(): q for q in self.questions}
        if name.strip().casefold() in by_id:
            return by_id[name.strip().casefold()]
        wanted = _squash(name)
        if not wanted:
            raise BarometerError("Spørsmålet mangler: oppgi id eller tekst.")
        exact = [q for q in self.questions if _squash(q.text) == wanted]
        if exact:
            return exact[0]
        prefixed = [q for q in self.questions if _squash(q.text).startswith(wanted)]
        if len(prefixed) == 1:
            return prefixed[0]
        if len(prefixed) > 1:
            ids = ", ".join(q.id for q in prefixed[:6])
            raise BarometerError(
                "«{name}» passer til flere spørsmål ({ids}); skriv mer av teksten eller bruk id.",
                name=name,
                ids=ids,
            )
        raise BarometerError("Fant ikke spørsmålet «{name}». Bruk «inspect» for å se spørsmålene.", name=name)

    def variable(self, name: str) -> Background:
        """Find a background variable by id or text (case-insensitive; "Fylke" and "County" alike)."""
        wanted = _squash(name)
        for b in self.background:
            if _squash(b.id) == wanted or wanted in {_squash(text) for text in every_language(b.text)}:
                return b
        # Any single-choice question can serve as a breakdown too (e.g. gender, sector).
        for q in self.questions:
            if q.type is QType.SINGLE and wanted in (_squash(q.id), _squash(q.text)):
                return Background(q.id, q.text, "question", q.columns[0])
        if not self.background:
            raise BarometerError(
                "Fant ikke bakgrunnsvariabelen «{name}». Fila har ingen bakgrunnsvariabler.", name=name
            )
        known = ", ".join(b.id for b in self.background)
        raise BarometerError(
            "Fant ikke bakgrunnsvariabelen «{name}». Kjente: {known}.", name=name, known=known
        )

    def weight(self, name: str | None) -> pd.Series | None:
        if not name:
            return None
        for column in self.weights:
            if _squash(column) == _squash(name):
                weights = self.data[column]
                if weights.dtype.kind != "f":
                    weights = pd.to_numeric(weights, errors="coerce")
                if (weights < 0).any():
                    raise BarometerError("Vektvariabelen «{column}» har negative verdier.", column=column)
                return weights
        if not self.weights:
            raise BarometerError("Fant ikke vektvariabelen «{name}». Fila har ingen vekter.", name=name)
        known = ", ".join(self.weights)
        raise BarometerError(
            "Fant ikke vektvariabelen «{name}». Tilgjengelige vekter: {known}.", name=name, known=known
        )


def _squash(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text))
    return " ".join(text.split()).casefold()


def clean_label(value: object) -> str:
    """Labels from survey tools carry trailing spaces and line breaks; squeeze them."""
    return " ".join(unicodedata.normalize("NFC", str(value)).split())
