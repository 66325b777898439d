"""The disclosure caches never hand one file's blocks to another file."""

from __future__ import annotations

import dataclasses

from barometer_gui.core.tabulate import TableSpec, tabulate
from tests.synthetic import make_survey


def test_files_without_background_of_different_sizes_in_one_session():
    # Without grouping variables the joint cells depend only on the number of rows; they were once
    # cached under an empty key, so the second file got the first file's rows (ValueError in bincount).
    for n in (400, 300):
        survey = dataclasses.replace(make_survey(n=n), background=[])
        table = tabulate(survey, TableSpec("s"))
        assert table.groups[0].base == survey.data["s"].notna().sum()
