"""The municipal register across the 2018, 2020 and 2024 county structures."""

from __future__ import annotations

import pandas as pd
import pytest

from barometer_gui.core.register import (
    SizeClasses,
    derive_from_kommunenummer,
    normalise_kommunenummer,
    normalise_type,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (301, "0301"),
        (301.0, "0301"),
        ("0301", "0301"),
        (" 4601 ", "4601"),
        ("1201.0", "1201"),
        ("abc", None),
        (None, None),
        (12345, None),
    ],
)
def test_kommunenummer_restores_lost_leading_zero(value, expected):
    assert normalise_kommunenummer(value) == expected


@pytest.mark.parametrize(
    ("knr", "fylke", "landsdel", "kind"),
    [
        ("0301", "Oslo", "Østlandet", "Kommune"),
        ("1201", "Hordaland", "Vestlandet", "Kommune"),  # Bergen, 2018
        ("4601", "Vestland", "Vestlandet", "Kommune"),  # Bergen, 2020 and 2024
        ("1902", "Troms", "Nord-Norge", "Kommune"),  # Tromsø, 2018
        ("5401", "Troms og Finnmark", "Nord-Norge", "Kommune"),  # Tromsø, 2020
        ("5501", "Troms", "Nord-Norge", "Kommune"),  # Tromsø, 2024
        ("3005", "Viken", "Østlandet", "Kommune"),  # Drammen, 2020
        ("3301", "Buskerud", "Østlandet", "Kommune"),  # Drammen, 2024
        ("4204", "Agder", "Sørlandet", "Kommune"),
        ("5001", "Trøndelag", "Trøndelag", "Kommune"),
        ("4600", "Vestland", "Vestlandet", "Fylkeskommune"),
        ("3400", "Innlandet", "Østlandet", "Fylkeskommune"),
        ("9999", None, None, None),
    ],
)
def test_fylke_landsdel_and_type(knr, fylke, landsdel, kind):
    derived = derive_from_kommunenummer(pd.Series([knr]))
    row = derived.iloc[0].astype(object).where(derived.iloc[0].notna(), None)
    assert (row["fylke"], row["landsdel"], row["type"]) == (fylke, landsdel, kind)


def test_type_column_from_the_export():
    values = pd.Series(["kommune", "Fylkeskommune", "FK", "", None, "annet"])
    assert normalise_type(values).astype(object).where(lambda s: s.notna(), None).tolist() == [
        "Kommune",
        "Fylkeskommune",
        "Fylkeskommune",
        None,
        None,
        None,
    ]


def test_size_classes_default_and_edited():
    sizes = SizeClasses()
    assert sizes.labels() == [
        "Under 5\u00a0000",
        "5\u00a0000–9\u00a0999",
        "10\u00a0000–19\u00a0999",
        "20\u00a0000 og over",
    ]
    classes = sizes.classify(pd.Series([4999, 5000, 9999, 10000, 20000, None, "12 500"]))
    assert classes.astype(object).tolist()[:5] == [
        "Under 5\u00a0000",
        "5\u00a0000–9\u00a0999",
        "5\u00a0000–9\u00a0999",
        "10\u00a0000–19\u00a0999",
        "20\u00a0000 og over",
    ]
    assert SizeClasses((10000,)).labels() == ["Under 10\u00a0000", "10\u00a0000 og over"]
