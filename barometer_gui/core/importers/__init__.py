"""Recognise which survey tool wrote an export and propose a `Mapping` for it.

One module per tool family (surveyxact, codebook, flat, forms, spss, qualtrics, surveymonkey,
limesurvey, kobo, sosci, nettskjema); `metadata` holds the one list of metadata names and
response-status fields, `plausibility` the checks that turn guesses into warnings, `refusals`
what is not response data. The order below is the order of the checks: the most specific
signature (sheet names, metadata columns, header rows) wins; plain flat data is the fallback.

Public API: `detect`, `read_codebook`, `codebook_beside`, `variable_id`, `order_scale`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from barometer_gui.core.codebook_files import codebook_beside
from barometer_gui.core.errors import BarometerError, Message
from barometer_gui.core.importers import (
    codebook,
    flat,
    forms,
    kobo,
    limesurvey,
    nettskjema,
    plausibility,
    qualtrics,
    sosci,
    spss,
    surveymonkey,
    surveyxact,
)
from barometer_gui.core.importers.common import drop_header_rows, header_rows, order_scale, variable_id
from barometer_gui.core.importers.metadata import find_status
from barometer_gui.core.importers.refusals import refuse_non_data
from barometer_gui.core.mapping import Layout, Mapping
from barometer_gui.core.readers import RawBook

__all__ = ["Codebook", "codebook_beside", "detect", "order_scale", "read_codebook", "variable_id"]
Codebook = codebook.Codebook


def detect(book: RawBook, name: str = "", extra: Codebook | None = None) -> tuple[pd.DataFrame, Mapping]:
    """The raw data table and a proposed mapping; `extra` is a codebook from a separate file."""
    sheets = {n: frame for n, frame in book.sheets.items() if frame.shape[1] > 0}
    if not sheets:
        raise BarometerError("Fila har ingen data: alle arkene er tomme.")
    if book.kind in ("spss", "stata"):
        raw = next(iter(sheets.values()))
        _require_rows(raw, name)
        return raw, _finish(raw, spss.mapping(raw, book.kind))
    if surveyxact.matches(sheets):
        raw, proposed = surveyxact.detect(sheets)
        return raw, _finish(raw, proposed)
    data_name = kobo.main_sheet(sheets) or _data_sheet(sheets)
    raw = sheets[data_name]
    _require_rows(raw, data_name)
    refuse_non_data(name, sheets, raw)
    found = codebook.find_in_sheets(raw, {n: f for n, f in sheets.items() if n != data_name})
    if extra:
        found.update(extra)
    raw, rows, notes = _without_header_rows(raw, surveymonkey.matches(raw, []))
    texts = _texts(raw, rows)
    proposed = _propose(raw, rows, texts, found)
    proposed.notes[:0] = notes
    return raw, _finish(raw, proposed)


def _propose(raw: pd.DataFrame, rows: list[list[str]], texts: dict[str, str], found: Codebook) -> Mapping:
    if sosci.matches(raw):
        return sosci.mapping(raw, texts, found)
    if kobo.matches(raw):
        return kobo.mapping(raw, texts, found)
    if found:
        return codebook.mapping(raw, found, Layout.NETTSKJEMA if nettskjema.matches(raw) else Layout.CODEBOOK)
    if qualtrics.matches(raw, rows):
        return qualtrics.mapping(raw, texts)
    if limesurvey.matches(raw):
        return limesurvey.mapping(raw, texts)
    if surveymonkey.matches(raw, rows):
        return surveymonkey.mapping(raw, surveymonkey.merge_subheader(raw, rows[0]) if rows else texts)
    if nettskjema.matches(raw):
        return nettskjema.mapping(raw, texts)
    if texts:  # coded columns with a row of labels under them
        return codebook.mapping(raw, Codebook(texts, {}))
    return flat.mapping(raw, forms.layout(list(raw.columns)))


def _finish(raw: pd.DataFrame, proposed: Mapping) -> Mapping:
    if proposed.status is None:
        proposed.status = find_status(raw)
    if proposed.status:
        status_columns = set(proposed.status.columns)
        proposed.questions = [q for q in proposed.questions if not status_columns & set(q.columns)]
    return plausibility.review(raw, proposed).validate()


def read_codebook(path: str | Path, data_columns: list[str]) -> Codebook:
    """A codebook in its own file (SoSci values/variables, Nettskjema, XLSForm, SPSS label sheet)."""
    from barometer_gui.core.readers import read_book

    path = Path(path)
    names = {str(c) for c in data_columns}
    found = codebook.from_sheets(read_book(path).sheets, names)
    known = set(found.variable_labels) | set(found.value_labels)
    short = names | {n.rpartition("/")[2] for n in names}  # Kobo: "grp/q1" is "q1" in the XLSForm
    if not known & short:
        raise BarometerError(
            "«{name}» ser ikke ut som en kodebok for denne fila: ingen av variablene finnes i dataene. "
            "Velg kodeboka som hører til eksporten.",
            name=path.name,
        )
    return found


def _without_header_rows(
    raw: pd.DataFrame, subheader: bool
) -> tuple[pd.DataFrame, list[list[str]], list[str]]:
    count = max(header_rows(raw), int(subheader and _response_row(raw)))
    if not count:
        return raw, [], []
    data, rows = drop_header_rows(raw, count)
    note = Message(
        "{count} rad(er) med tekst under overskriften er lest som overskrift, ikke som respondenter.",
        count=count,
    )
    return data, rows, [note]


def _response_row(raw: pd.DataFrame) -> bool:
    first = {str(v).strip() for v in raw.iloc[0] if isinstance(v, str)}
    return bool(first & {"Response", "Open-Ended Response"})


def _texts(raw: pd.DataFrame, rows: list[list[str]]) -> dict[str, str]:
    """Question texts from the first header row that is not Qualtrics' ImportId row."""
    for row in rows:
        if not any(cell.startswith('{"ImportId"') for cell in row):
            return {c: t for c, t in zip(raw.columns, row, strict=False) if t}
    return {}


def _data_sheet(sheets: dict[str, pd.DataFrame]) -> str:
    """The sheet a codebook sheet refers to; without a codebook, the largest sheet."""
    referenced = [
        name
        for name, frame in sheets.items()
        if any(
            codebook.refers_to(other, {str(c) for c in frame.columns})
            for key, other in sheets.items()
            if key != name
        )
    ]
    return max(referenced or list(sheets), key=lambda n: sheets[n].shape[0] * sheets[n].shape[1])


def _require_rows(frame: pd.DataFrame, name: str) -> None:
    if frame.shape[1] == 0:
        raise BarometerError("Arket «{name}» er tomt.", name=name)
    if frame.dropna(how="all").empty:
        raise BarometerError("Arket «{name}» har overskrifter, men ingen svar.", name=name)
