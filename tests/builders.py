"""Small test exports in each layout, written by code so every test states its data."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd


def write_xlsx(
    path: Path, sheets: dict[str, list[list[object]]], merges: dict[str, list[str]] | None = None
) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    workbook.save(path)
    return path


def surveyxact_book(path: Path, parts: int = 1) -> Path:
    """A tiny SurveyXact export: a single-choice, a 3-option multi-select and a 2-item grid."""
    structure = [
        [
            "questionName",
            "variableName",
            "questionType",
            "subType",
            "questionText",
            "choiceValue",
            "choiceText",
        ],
        ["s_1", "s_1", "Closed", "Single", "Har dere en innovasjonsstrategi?", None, None],
        ["m_2", "m_2_1", "Closed", "Multiple", "Hvem samarbeider dere med?", 1, "Andre kommuner "],
        ["m_2", "m_2_2", "Closed", "Multiple", "Hvem samarbeider dere med?", 2, "Private\nvirksomheter"],
        ["m_2", "m_2_3", "Closed", "Multiple", "Hvem samarbeider dere med?", 3, "Ingen"],
        ["g_1", "g_1", "Closed", "Single", "Hva fremmer innovasjon? - Ledelse", None, None],
        ["g_2", "g_2", "Closed", "Single", "Hva fremmer innovasjon? - Økonomi", None, None],
        ["k_1", "k_1", "Open", "String", "Kommentar", None, None],
    ]
    labels = [["s_1", 1, "Ja "], ["s_1", 2, "Nei"], ["s_1", 3, "Vet ikke"]]
    for var in ("m_2_1", "m_2_2", "m_2_3"):
        labels += [[var, 0, "Ikke valgt"], [var, 1, "Valgt"]]
    for var in ("g_1", "g_2"):
        labels += [[var, 1, "Hemmer"], [var, 2, "Nøytral"], [var, 3, "Fremmer"]]
    header = ["kommunenr", "s_1", "m_2_1", "m_2_2", "m_2_3", "g_1", "g_2", "k_1"]
    rows = [
        [301, 1, 1, 0, 0, 1, 3, "bra"],
        [4601, 2, 1, 1, 0, 2, 3, None],
        [4600, 1, 0, 0, 1, 3, 3, None],
        [1101, 3, 0, 1, 0, 3, 1, "ok"],
        [1103, 1, 1, 1, 0, None, 2, None],
        [5001, None, 0, 0, 0, 1, 1, None],
    ]
    sheets: dict[str, list[list[object]]] = {}
    if parts == 1:
        sheets["Dataset"] = [header, *rows]
    else:
        sheets["Dataset(1)"] = [header[:4], *[r[:4] for r in rows]]
        sheets["Dataset(2)"] = [header[4:], *[r[4:] for r in rows]]
    sheets["Structure"] = structure
    sheets["Labels"] = labels
    return write_xlsx(path, sheets)


def codebook_book(path: Path) -> Path:
    data = [
        ["knr", "innbyggere", "vekt", "q1", "q2_1", "q2_2", "q2_3", "q3"],
        [301, 700000, 1.5, 1, 1, 0, 1, 2.5],
        [1101, 1200, 0.5, 2, 0, 0, 1, None],
        [1103, 15000, 1.0, 1, None, None, None, 1],
        [4600, 600000, 2.0, 3, 1, 1, 0, 4],
    ]
    variables = [
        ["knr", "Kommunenummer"],
        ["q1", "Har dere øremerkede midler?"],
        ["q2_1", "Hva brukes midlene til?: Kompetanse"],
        ["q2_2", "Hva brukes midlene til?: Teknologi"],
        ["q2_3", "Hva brukes midlene til?: Annet"],
        ["q3", "Antall årsverk"],
    ]
    values = [["q1", 1, "Ja"], ["q1", 2, "Nei"], ["q1", 3, "Vet ikke"]]
    return write_xlsx(path, {"Data": data, "Variabler": variables, "Verdier": values})


def headers_book(path: Path, merged: bool = False) -> Path:
    """Question text as header: single labels, multi with marks, a Likert grid."""
    top = [
        "Kommune",
        "Har dere en strategi?",
        "Hvem samarbeider dere med? - Andre kommuner",
        "Hvem samarbeider dere med? - Private",
        "Hvem samarbeider dere med? - Staten",
        "Hvor enig er du? - Vi prøver nytt",
        "Hvor enig er du? - Vi lærer av feil",
    ]
    rows = [
        ["0301", "Ja", "Andre kommuner", None, "X", "Helt enig", "Delvis uenig"],
        ["1101", "Nei", None, "Private", None, "Delvis enig", "Helt uenig"],
        ["4601", "Ja", "Andre kommuner", "Private", None, "Helt uenig", "Vet ikke"],
        ["1103", "Vet ikke", None, None, None, "Verken enig eller uenig", "Helt enig"],
        ["5001", "Nei", "X", None, None, None, None],
    ]
    if not merged:
        return write_xlsx(path, {"Svar": [top, *rows]})
    first = [
        "Kommune",
        "Har dere en strategi?",
        "Hvem samarbeider dere med?",
        None,
        None,
        "Hvor enig er du?",
        None,
    ]
    second = [
        "Kommune",
        "Har dere en strategi?",
        "Andre kommuner",
        "Private",
        "Staten",
        "Vi prøver nytt",
        "Vi lærer av feil",
    ]
    return write_xlsx(path, {"Svar": [first, second, *rows]}, {"Svar": ["C1:E1", "F1:G1"]})


def forms_frame() -> pd.DataFrame:
    """Microsoft Forms style: metadata first, multi-select joined with ';' (trailing ';')."""
    return pd.DataFrame(
        {
            "ID": [1, 2, 3, 4, 5],
            "Start time": ["1/2/24 10:00"] * 5,
            "Completion time": ["1/2/24 10:05"] * 5,
            "Email": ["anonymous"] * 5,
            "Name": [None] * 5,
            "Kommunenummer": ["0301", "4601", "1101", "301", "5001"],
            "Hvem samarbeider dere med?": [
                "Andre kommuner;Private;",
                "Andre kommuner;",
                "Staten;Frivillige; lag og foreninger;",
                "Frivillige; lag og foreninger;",
                "",
            ],
            "Har dere en strategi?": ["Ja", "Nei", "Ja", "Nei", "Nei"],
        }
    )
