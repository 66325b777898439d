"""Random header rows and metadata columns added to a correct export never become questions."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from barometer_gui.core.importers import detect
from barometer_gui.core.importers.metadata import ALL_NAMES, is_metadata
from barometer_gui.core.mapping import apply_mapping
from barometer_gui.core.readers import RawBook

KNR = ["0301", "1103", "4601", "5001", "1804", "3201", "4204", "1508", "3901", "5501", "1101", "1506"]
CODED = {
    "knr": [int(k) for k in KNR],
    "q1": [1, 2, 1, 3, 1, 2, 2, 1, 1, 3, 2, 1],
    "q2_1": [1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1],
    "q2_2": [0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1],
    "q3": [12, 3, 40, 7, 1, 25, 9, 4, 6, 2, 8, 15],
}
LABELLED = {  # the same answers as labels under question texts
    "Kommunenummer": KNR,
    "Har dere en strategi?": [["Ja", "Nei", "Vet ikke"][c - 1] for c in CODED["q1"]],
    "Samarbeid - Kommuner": ["Kommuner" if c else None for c in CODED["q2_1"]],
    "Samarbeid - Staten": ["Staten" if c else None for c in CODED["q2_2"]],
}

#: A header row is text (a row of numbers in a coded file is a respondent, not a header).
texts = st.from_regex(r"[A-Za-zÆØÅæøå][\w ?:,.-]{0,29}", fullmatch=True)
names = st.sampled_from(
    [*sorted(ALL_NAMES), "_uuid", "_submission_time", "TIME001", "LocationLatitude", "meta/instanceID"]
)
cells = st.one_of(
    st.none(),
    st.integers(-10, 10_000),
    st.text(min_size=1, max_size=12),
    st.sampled_from(["Response", '{"ImportId":"QID1"}']),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from([CODED, LABELLED]),
    metadata=st.lists(
        st.tuples(names, st.lists(cells, min_size=12, max_size=12)), max_size=5, unique_by=lambda t: t[0]
    ),
    header=st.lists(st.lists(texts, min_size=20, max_size=20), max_size=2),
    position=st.integers(0, 10),
)
def test_metadata_and_header_rows_never_become_questions(base, metadata, header, position):
    frame = pd.DataFrame(base)
    for name, values in metadata:
        if name not in frame.columns:
            frame.insert(min(position, frame.shape[1]), name, values)
    if header:
        top = pd.DataFrame([row[: frame.shape[1]] for row in header], columns=frame.columns)
        frame = pd.concat([top, frame.astype(object)], ignore_index=True)
    raw, mapping = detect(RawBook("csv", {"fuzz": frame}))
    used = [c for q in mapping.questions for c in q.columns]
    assert not [c for c in used if is_metadata(c)]
    status = set(mapping.status.columns) if mapping.status else set()
    assert not status & set(used)
    survey = apply_mapping(raw, mapping)
    assert survey.respondents <= len(base["q1" if "q1" in base else "Kommunenummer"])


def test_a_metadata_cell_that_repeats_below_does_not_hide_a_header_row():
    """Found by the test above: a time-stamp column whose last answer equals its header cell.

    The header row of "A" over number columns was read as a 13th respondent, because the one
    metadata cell counted against it; metadata holds any text on any row.
    """
    frame = pd.DataFrame(CODED)
    frame.insert(0, "$answer_time_ms", [None] * 11 + ["A"])
    top = pd.DataFrame([["A"] * frame.shape[1]], columns=frame.columns)
    frame = pd.concat([top, frame.astype(object)], ignore_index=True)
    raw, mapping = detect(RawBook("csv", {"fuzz": frame}))
    assert apply_mapping(raw, mapping).respondents == 12
    assert "$answer_time_ms" not in [c for q in mapping.questions for c in q.columns]
