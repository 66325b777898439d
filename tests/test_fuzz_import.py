"""Mutated exports either import or fail with BarometerError: never a crash or another exception."""

from __future__ import annotations

import random

import pytest

from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import open_survey
from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.builders import codebook_book, forms_frame, surveyxact_book


def _mutations(data: bytes, rng: random.Random, count: int):
    for _ in range(count):
        buffer = bytearray(data)
        kind = rng.choice(["flip", "truncate", "splice", "zero"])
        if kind == "flip":
            for _ in range(rng.randint(1, 20)):
                buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        elif kind == "truncate":
            del buffer[rng.randrange(1, len(buffer)) :]
        elif kind == "splice":
            start = rng.randrange(len(buffer))
            buffer[start:start] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        else:
            start = rng.randrange(len(buffer))
            buffer[start : start + rng.randint(1, 200)] = b"\0" * 10
        yield bytes(buffer)


@pytest.mark.parametrize("source", ["surveyxact", "codebook", "csv"])
def test_mutated_files_never_crash(tmp_path, source):
    if source == "surveyxact":
        original = surveyxact_book(tmp_path / "orig.xlsx")
    elif source == "codebook":
        original = codebook_book(tmp_path / "orig.xlsx")
    else:
        original = tmp_path / "orig.csv"
        forms_frame().to_csv(original, index=False, sep=";")
    rng = random.Random(f"barometer-{source}")
    for number, data in enumerate(_mutations(original.read_bytes(), rng, 40)):
        path = tmp_path / f"m{number}{original.suffix}"
        path.write_bytes(data)
        try:
            survey = open_survey(path, use_saved_mapping=False)
        except BarometerError as exc:
            assert exc.message and "\n" not in exc.message
            continue
        for question in survey.questions:
            tabulate(survey, TableSpec(question.id))
