"""Write the small export fixtures in tests/data/, one per survey tool, from the layouts the tools use.

Run `python scripts/make_fixtures.py` after changing a layout; the files are committed so tests
and users can open them. Every fixture holds the same little survey (strategy, collaboration,
a two-item scale, a number) so tests can compare each import with one pandas computation:
12 rows, of which 2 never answered and 2 stopped part-way where the tool records status.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import openpyxl
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data"

KNR = ["0301", "1103", "4600", "5001", "1804", "3201", "4204", "1508", "3901", "5501", "4601", "1101"]
STRATEGY = ["Ja", "Nei", "Ja", "Vet ikke", "Ja", "Nei", "Ja", "Ja", "Nei", None, None, "Ja"]
#: Who chose Andre kommuner / Private, sivile og frivillige / Staten (None: never reached).
COLLAB = [
    (1, 1, 0),
    (1, 0, 0),
    (0, 1, 1),
    (1, 0, 1),
    (0, 0, 0),
    (1, 1, 1),
    (0, 1, 0),
    (1, 0, 0),
    (0, 0, 1),
    None,
    None,
    (1, 1, 0),
]
OPTIONS = ["Andre kommuner", "Private, sivile og frivillige", "Staten"]
SCALE = ["Helt uenig", "Delvis uenig", "Verken enig eller uenig", "Delvis enig", "Helt enig"]
AGREE = [(5, 4), (4, 4), (2, 3), (3, 1), (5, 5), (1, 2), (4, 5), (3, 3), (2, 2), None, None, (4, None)]
STAFF = [12, 3, 40, 7, 1, 25, 9, 4, 6, None, None, 15]
#: completed / partial (answered the first questions only) / not answered (invited, nothing).
STATUS = ["c", "c", "c", "c", "c", "c", "c", "p", "p", "n", "n", "c"]
ITEMS = ["Vi prøver nytt", "Vi lærer av feil"]
Q_STRATEGY = "Har dere en innovasjonsstrategi?"
Q_COLLAB = "Hvem samarbeider dere med?"
Q_AGREE = "Hvor enig er du?"
Q_STAFF = "Antall ansatte i innovasjonsarbeid"


def _partial(index: int) -> bool:
    return STATUS[index] == "p"


def _agree(index: int) -> tuple | None:
    return None if _partial(index) else AGREE[index]


def _staff(index: int):
    return None if _partial(index) else STAFF[index]


def _csv(path: Path, rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(
        [["" if v is None else v for v in row] for row in rows]
    )
    path.write_bytes(buffer.getvalue().encode(encoding))


def qualtrics(folder: Path) -> None:
    """Three header rows, Qualtrics metadata, a label export; Finished/Progress give the status."""
    meta = [
        "StartDate",
        "EndDate",
        "Status",
        "IPAddress",
        "Progress",
        "Duration (in seconds)",
        "Finished",
        "RecordedDate",
        "ResponseId",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "ExternalReference",
        "LocationLatitude",
        "LocationLongitude",
        "DistributionChannel",
        "UserLanguage",
    ]
    questions = ["Q1", "Q2_1", "Q2_2", "Q2_3", "Q2_4", "Q2_4_TEXT", "Q3_1", "Q3_2", "Q4"]
    texts = (
        [Q_STRATEGY] + [f"{Q_COLLAB} - {o}" for o in [*OPTIONS, "Annet"]] + [f"{Q_COLLAB} - Annet - Tekst"]
    )
    texts += [f"{Q_AGREE} - {i}" for i in ITEMS] + [Q_STAFF]
    rows = [meta + questions, meta + texts, [json.dumps({"ImportId": q}) for q in meta + questions]]
    for i, knr in enumerate(KNR):
        finished = int(STATUS[i] == "c")
        progress = {"c": 100, "p": 40, "n": 0}[STATUS[i]]
        row = [
            "2024-03-01 10:00:00",
            "2024-03-01 10:07:00",
            "IP Address",
            f"10.0.0.{i}",
            progress,
            420,
            finished,
            "2024-03-01 10:07:00",
            f"R_{knr}{i}",
            None,
            None,
            None,
            knr,
            59.9,
            10.7,
            "anonymous",
            "NO",
        ]
        chosen = COLLAB[i]
        row += [STRATEGY[i]]
        row += [o if chosen and chosen[k] else None for k, o in enumerate(OPTIONS)] + [None, None]
        agree = _agree(i)
        row += [SCALE[a - 1] if agree and a else None for a in (agree or (None, None))]
        row += [_staff(i)]
        rows.append(row)
    _csv(folder / "qualtrics.csv", rows)


def surveymonkey(folder: Path) -> None:
    """Two header rows ("Response" under single answers), select-all holding the option label."""
    meta = [
        "Respondent ID",
        "Collector ID",
        "Start Date",
        "End Date",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Custom Data 1",
    ]
    top = [*meta, Q_STRATEGY, Q_COLLAB, None, None, None, Q_AGREE, None, Q_STAFF]
    sub = [None] * len(meta) + ["Response", *OPTIONS, "Other (please specify)", *ITEMS, "Open-Ended Response"]
    rows = [top, sub]
    for i, knr in enumerate(KNR):
        if STATUS[i] == "n":
            continue  # SurveyMonkey exports only people who answered
        chosen = COLLAB[i]
        agree = _agree(i)
        rows.append(
            [
                11400000 + i,
                4500,
                "03/01/2024 10:00:00 AM",
                "03/01/2024 10:07:00 AM",
                f"10.0.0.{i}",
                None,
                None,
                None,
                knr,
                STRATEGY[i],
            ]
            + [o if chosen and chosen[k] else None for k, o in enumerate(OPTIONS)]
            + ["Fylkeskommunen" if i == 3 else None]
            + [SCALE[a - 1] if agree and a else None for a in (agree or (None, None))]
            + [_staff(i)]
        )
    _csv(folder / "surveymonkey.csv", rows)


GOOGLE_OPTIONS = [
    "Innovasjon, forskning og utvikling",
    "Digitalisering",
    "Samarbeid med næringsliv, frivillige og andre",
]
#: Which Google options each respondent ticked (a comma inside two of the options).
GOOGLE_CHOICES = [
    (1, 1, 0),
    (0, 1, 0),
    (1, 0, 1),
    (0, 0, 1),
    (1, 1, 1),
    (0, 1, 1),
    (1, 0, 0),
    (0, 1, 0),
    (1, 0, 1),
    (0, 0, 1),
]


def google_forms(folder: Path) -> None:
    """Timestamp first, checkboxes joined by ", " (options with commas), a time and a date answer."""
    header = [
        "Tidsstempel",
        "Kommunenummer",
        "Hvilke satsinger har dere?",
        "Når starter møtet?",
        "Når ble strategien vedtatt?",
    ]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Skjemasvar 1"
    sheet.append(header)
    for i, ticks in enumerate(GOOGLE_CHOICES):
        chosen = ", ".join(o for o, t in zip(GOOGLE_OPTIONS, ticks, strict=True) if t)
        sheet.append(
            [
                dt.datetime(2024, 3, 1, 9, i),
                KNR[i],
                chosen,
                dt.datetime(1899, 12, 30, 9 + i % 3, 30),
                dt.datetime(2023, 1 + i, 15),
            ]
        )
    book.save(folder / "google_forms.xlsx")


def nettskjema(folder: Path) -> None:
    """Tab-separated, NR/Opprettet/Endret/Innsendt, question texts as headers, "Q :: option" 0/1 columns."""
    header = ["NR", "Opprettet", "Endret", "Innsendt", "Kommunenummer", Q_STRATEGY]
    header += [f"{Q_COLLAB} :: {o}" for o in OPTIONS] + [Q_STAFF]
    rows = [header]
    for i, knr in enumerate(KNR):
        chosen = COLLAB[i]
        submitted = "01.03.2024 10:07" if STATUS[i] == "c" else None
        rows.append(
            [i + 1, "01.03.2024 10:00", "01.03.2024 10:07", submitted, knr, STRATEGY[i]]
            + ([c for c in chosen] if chosen else [None] * 3)
            + [_staff(i)]
        )
    _csv(folder / "nettskjema.txt", rows, delimiter="\t")
    # The coded export and its codebook (variable view: code, question text, value, answer text).
    coded = [
        [
            "NR",
            "Opprettet",
            "Endret",
            "Innsendt",
            "knr",
            "strategi",
            "samarbeid.1",
            "samarbeid.2",
            "samarbeid.3",
        ]
    ]
    for row in rows[1:]:
        answer = {"Ja": 1, "Nei": 2, "Vet ikke": 3}.get(row[5])
        coded.append([*row[:5], answer, *row[6:9]])
    _csv(folder / "nettskjema_koder.txt", coded, delimiter="\t")
    book = [
        ["Kode", "Spørsmål", "Verdi", "Svaralternativ"],
        ["knr", "Kommunenummer", None, None],
        ["strategi", Q_STRATEGY, 1, "Ja"],
        [None, None, 2, "Nei"],
        [None, None, 3, "Vet ikke"],
    ]
    book += [[f"samarbeid.{k + 1}", f"{Q_COLLAB} :: {o}", None, None] for k, o in enumerate(OPTIONS)]
    _csv(folder / "nettskjema_kodebok.csv", book, delimiter=";")


def limesurvey(folder: Path) -> None:
    """Codes as headers, Q2[SQ001] sub-questions, Y marks, an end-labelled 1-5 scale, submitdate."""
    header = [
        "id",
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "startdate",
        "datestamp",
        "ipaddr",
        "refurl",
        "knr",
        "Q1",
        "Q2[SQ001]",
        "Q2[SQ002]",
        "Q2[SQ003]",
        "Q2[other]",
        "Q3[SQ001]",
        "Q3[SQ002]",
    ]
    ends = {1: "1 - Helt uenig", 5: "Helt enig - 5"}
    rows = [header]
    for i, knr in enumerate(KNR):
        chosen = COLLAB[i]
        agree = _agree(i)
        done = STATUS[i] == "c"
        rows.append(
            [
                i + 1,
                "2024-03-01 10:07:00" if done else None,
                {"c": 3, "p": 1, "n": None}[STATUS[i]],
                "no",
                1000 + i,
                "2024-03-01 10:00:00",
                "2024-03-01 10:07:00",
                "10.0.0.1",
                None,
                knr,
                STRATEGY[i],
            ]
            + (["Y" if c else None for c in chosen] if chosen else [None] * 3)
            + [None]
            + [ends.get(a, str(a)) if a else None for a in (agree or (None, None))]
        )
    _csv(folder / "limesurvey.csv", rows)


def kobo(folder: Path) -> None:
    """Main sheet plus a repeat-group sheet; select_multiple as a parent column and parent/option 0/1."""
    codes = ["andre_kommuner", "private", "staten"]
    header = ["start", "end", "today", "deviceid", "grp/knr", "grp/strategi", "grp/samarbeid"]
    header += [f"grp/samarbeid/{c}" for c in codes]
    header += [
        "ansatte",
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "_index",
    ]
    main = [header]
    for i, knr in enumerate(KNR[:10]):
        chosen = COLLAB[i] or (0, 0, 0)
        main.append(
            [
                "2024-03-01T10:00:00",
                "2024-03-01T10:07:00",
                "2024-03-01",
                f"enketo.org:{i}",
                knr,
                {"Ja": "ja", "Nei": "nei", "Vet ikke": "vet_ikke"}.get(STRATEGY[i] or ""),
                " ".join(c for c, t in zip(codes, chosen, strict=True) if t),
                *list(chosen),
                STAFF[i],
                1000 + i,
                f"uuid-{i}",
                "2024-03-01T10:08:00",
                None,
                None,
                "submitted_via_web",
                None,
                "vAbc",
                None,
                i + 1,
            ]
        )
    repeat = [["navn", "rolle", "_index", "_parent_table_name", "_parent_index", "_submission__id"]]
    repeat += [[f"Person {k}", "leder", k + 1, "Innovasjon", 1 + k % 10, 1000 + k % 10] for k in range(25)]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (("Innovasjon", main), ("ansatte_repeat", repeat)):
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(folder / "kobo.xlsx")
    form = openpyxl.Workbook()
    survey = form.active
    survey.title = "survey"
    for row in [
        ["type", "name", "label"],
        ["begin_group", "grp", "Innovasjon"],
        ["integer", "knr", "Kommunenummer"],
        ["select_one strategi", "strategi", Q_STRATEGY],
        ["select_multiple samarbeid", "samarbeid", Q_COLLAB],
        ["end_group", None, None],
        ["integer", "ansatte", Q_STAFF],
    ]:
        survey.append(row)
    choices = form.create_sheet("choices")
    for row in [
        ["list_name", "name", "label"],
        ["strategi", "ja", "Ja"],
        ["strategi", "nei", "Nei"],
        ["strategi", "vet_ikke", "Vet ikke"],
    ] + [["samarbeid", c, o] for c, o in zip(codes, OPTIONS, strict=True)]:
        choices.append(row)
    form.save(folder / "kobo_xlsform.xlsx")


def sosci(folder: Path) -> None:
    """Variable names, then a row of variable labels; checkboxes 1/2; -9 not answered; FINISHED."""
    header = [
        "CASE",
        "SERIAL",
        "REF",
        "QUESTNNR",
        "MODE",
        "STARTED",
        "KN01",
        "AB01",
        "AB02_01",
        "AB02_02",
        "AB02_03",
        "AB03_01",
        "AB03_02",
        "AB04_01",
        "TIME001",
        "TIME002",
        "TIME_SUM",
        "MAILSENT",
        "LASTDATA",
        "FINISHED",
        "Q_VIEWER",
        "LASTPAGE",
        "MAXPAGE",
        "MISSING",
        "MISSREL",
        "TIME_RSI",
        "DEG_TIME",
    ]
    labels = (
        [
            "Interview-Nummer (fortlaufend)",
            "Seriennummer (sofern verwendet)",
            "Referenz (sofern im Link angegeben)",
            "Fragebogen, der im Interview verwendet wurde",
            "Interview-Modus",
            "Zeitpunkt zu dem das Interview begonnen hat",
            "Kommunenummer",
            Q_STRATEGY,
        ]
        + [f"{Q_COLLAB}: {o}" for o in OPTIONS]
        + [f"{Q_AGREE}: {i}" for i in ITEMS]
    )
    labels += [
        f"{Q_STAFF}: [01]",
        "Verweildauer Seite 1",
        "Verweildauer Seite 2",
        "Verweildauer gesamt",
        "Versandzeitpunkt",
        "Zeitpunkt der letzten Datenerhebung",
        "Wurde die letzte Seite erreicht?",
        "Antwortete im Fragebogen-Vorschau?",
        "Letzte bearbeitete Seite",
        "Letzte bearbeitete Seite (max)",
        "Fehlende Antworten in Prozent",
        "Fehlende Antworten (gewichtet)",
        "Degradierte Zeit",
        "Degradierte Zeit",
    ]
    codes = {"Ja": 1, "Nei": 2, "Vet ikke": 3}
    rows = [header, labels]
    for i, knr in enumerate(KNR):
        if STATUS[i] == "n":
            continue  # SoSci has no row for the never-started
        chosen = COLLAB[i]
        agree = _agree(i)
        staff = _staff(i)
        rows.append(
            [
                i + 1,
                None,
                None,
                "base",
                "interview",
                "2024-03-01 10:00:00",
                int(knr),
                codes.get(STRATEGY[i] or "", -9),
            ]
            + [c + 1 for c in chosen]
            + [a if a else -9 for a in (agree or (-9, -9))]
            + [
                staff if staff is not None else -9,
                30,
                40,
                70,
                None,
                "2024-03-01 10:07:00",
                int(STATUS[i] == "c"),
                0,
                {"c": 3, "p": 1}[STATUS[i]],
                3,
                0,
                0,
                1.1,
                0,
            ]
        )
    _csv(folder / "sosci.csv", rows, delimiter="\t", encoding="utf-16")
    values = [["VAR", "RESPONSE", "MEANING"]] + [["AB01", c, label] for label, c in codes.items()]
    values += [["AB03_01", k + 1, s] for k, s in enumerate(SCALE)] + [
        ["AB03_02", k + 1, s] for k, s in enumerate(SCALE)
    ]
    _csv(folder / "sosci_values.csv", values, delimiter="\t")


def spss(folder: Path) -> None:
    """SPSS and Stata: variable and value labels, a user-missing code, 0/1 labelled checkboxes, coded type."""
    import pyreadstat

    rows = []
    for i, knr in enumerate(KNR):
        if STATUS[i] == "n":
            continue
        chosen = COLLAB[i]
        rows.append(
            {
                "knr": float(knr),
                "type": 2.0 if knr.endswith("00") else 1.0,
                "q1": 99.0 if i == 7 else {"Ja": 1.0, "Nei": 2.0, "Vet ikke": 9.0}[STRATEGY[i]],
                **{f"q2_{k + 1}": float(c) for k, c in enumerate(chosen)},
                "q3": _staff(i),
            }
        )
    frame = pd.DataFrame(rows)
    labels = {"knr": "Kommunenummer", "type": "Kommune eller fylkeskommune", "q1": Q_STRATEGY, "q3": Q_STAFF}
    labels |= {f"q2_{k + 1}": f"{Q_COLLAB}: {o}" for k, o in enumerate(OPTIONS)}
    values = {
        "q1": {1: "Ja", 2: "Nei", 9: "Vet ikke", 99: "Ikke svart"},
        "type": {1: "Kommune", 2: "Fylkeskommune"},
    }
    values |= {f"q2_{k + 1}": {0: "Ikke valgt", 1: "Valgt"} for k in range(3)}
    pyreadstat.write_sav(
        frame,
        str(folder / "spss.sav"),
        column_labels=labels,
        variable_value_labels=values,
        missing_ranges={"q1": [99]},
    )
    pyreadstat.write_dta(
        frame,
        str(folder / "stata.dta"),
        column_labels=labels,
        variable_value_labels={k: v for k, v in values.items() if k != "q1"}
        | {"q1": {1: "Ja", 2: "Nei", 9: "Vet ikke"}},
    )


WRITERS = [qualtrics, surveymonkey, google_forms, nettskjema, limesurvey, kobo, sosci, spss]


def main(folder: Path = OUT) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for write in WRITERS:
        write(folder)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
