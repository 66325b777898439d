"""The municipal register: kommunenummer -> fylke, landsdel, type, size class.

Fylke is the first two digits of the four-digit kommunenummer, and `XX00` is
the fylkeskommune itself (KOSTRA convention). The two-digit codes of the
2018, 2020-2023 and 2024 county structures never denote two different
counties, so one table covers every survey wave (source: SSB Klass 104).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

import pandas as pd

from barometer_gui.core.cells import map_distinct

FYLKER: dict[str, str] = {
    # 2018-2019 structure (and earlier)
    "01": "Østfold",
    "02": "Akershus",
    "03": "Oslo",
    "04": "Hedmark",
    "05": "Oppland",
    "06": "Buskerud",
    "07": "Vestfold",
    "08": "Telemark",
    "09": "Aust-Agder",
    "10": "Vest-Agder",
    "11": "Rogaland",
    "12": "Hordaland",
    "14": "Sogn og Fjordane",
    "15": "Møre og Romsdal",
    "16": "Sør-Trøndelag",
    "17": "Nord-Trøndelag",
    "18": "Nordland",
    "19": "Troms",
    "20": "Finnmark",
    "50": "Trøndelag",
    # 2020-2023 structure
    "30": "Viken",
    "34": "Innlandet",
    "38": "Vestfold og Telemark",
    "42": "Agder",
    "46": "Vestland",
    "54": "Troms og Finnmark",
    # 2024 structure
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "39": "Vestfold",
    "40": "Telemark",
    "55": "Troms",
    "56": "Finnmark",
}

#: SSB's five-part landsdel grouping used in KS' reports.
LANDSDEL: dict[str, str] = {
    **dict.fromkeys(
        ["01", "02", "03", "04", "05", "06", "07", "08", "30", "31", "32", "33", "34", "38", "39", "40"],
        "Østlandet",
    ),
    **dict.fromkeys(["09", "10", "42"], "Sørlandet"),
    **dict.fromkeys(["11", "12", "14", "15", "46"], "Vestlandet"),
    **dict.fromkeys(["16", "17", "50"], "Trøndelag"),
    **dict.fromkeys(["18", "19", "20", "54", "55", "56"], "Nord-Norge"),
}
LANDSDEL_ORDER = ["Østlandet", "Sørlandet", "Vestlandet", "Trøndelag", "Nord-Norge"]

_CODES_2024 = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]
_CODES_2020 = ["30", "38", "54"]
#: Listing order: the current (2024) structure as SSB lists it, then older counties.
FYLKE_ORDER = [FYLKER[c] for c in _CODES_2024 + _CODES_2020 + sorted(FYLKER)]

TYPE_KOMMUNE = "Kommune"
TYPE_FYLKESKOMMUNE = "Fylkeskommune"
TYPE_ORDER = [TYPE_KOMMUNE, TYPE_FYLKESKOMMUNE]


@dataclass(frozen=True)
class SizeClasses:
    """Inhabitant thresholds for `kommunestorrelse`; editable by the user."""

    bounds: tuple[int, ...] = (5000, 10000, 20000)

    def labels(self) -> list[str]:
        def fmt(n: int) -> str:
            return f"{n:,}".replace(",", "\u00a0")

        edges = self.bounds
        labels = [f"Under {fmt(edges[0])}"]
        labels += [f"{fmt(lo)}–{fmt(hi - 1)}" for lo, hi in itertools.pairwise(edges)]
        labels.append(f"{fmt(edges[-1])} og over")
        return labels

    def classify(self, inhabitants: pd.Series) -> pd.Series:
        values = pd.to_numeric(inhabitants, errors="coerce")
        bins = [-math.inf, *self.bounds, math.inf]
        return pd.cut(values, bins=bins, right=False, labels=self.labels())


_DIGITS = re.compile(r"^\s*(\d{1,4})(?:[.,]0+)?\s*$")


def normalise_kommunenummer(value: object) -> str | None:
    """Return the four-digit kommunenummer, restoring a lost leading zero (301 -> 0301)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    match = _DIGITS.match(str(value))
    if not match:
        return None
    return match.group(1).zfill(4)


def fylke_code(knr: object) -> str | None:
    return knr[:2] if isinstance(knr, str) and knr[:2] in FYLKER else None


def derive_from_kommunenummer(column: pd.Series) -> pd.DataFrame:
    """Derive `fylke`, `landsdel` and `type` as ordered categoricals."""
    knr = map_distinct(column, normalise_kommunenummer)
    codes = knr.map(fylke_code)
    fylke = codes.map(FYLKER)
    landsdel = codes.map(LANDSDEL)
    kind = knr.map(
        lambda k: (
            None
            if not k or fylke_code(k) is None
            else (TYPE_FYLKESKOMMUNE if k.endswith("00") else TYPE_KOMMUNE)
        )
    )
    return pd.DataFrame(
        {
            "fylke": _ordered(fylke, FYLKE_ORDER),
            "landsdel": _ordered(landsdel, LANDSDEL_ORDER),
            "type": _ordered(kind, TYPE_ORDER),
        },
        index=column.index,
    )


def normalise_type(column: pd.Series) -> pd.Series:
    """Read an exported type column ("kommune", "FK", "fylkeskommune") as `type`."""

    def one(value: object) -> str | None:
        text = str(value).strip().lower() if value is not None else ""
        if not text or text == "nan":
            return None
        if text.startswith("fylke") or text in {"fk", "fylkeskommune"}:
            return TYPE_FYLKESKOMMUNE
        if text.startswith("kommune") or text in {"k", "kom"}:
            return TYPE_KOMMUNE
        return None

    return _ordered(map_distinct(column, one), TYPE_ORDER)


def _ordered(values: pd.Series, order: list[str]) -> pd.Series:
    categories = list(dict.fromkeys(order))
    return pd.Series(pd.Categorical(values, categories=categories, ordered=True), index=values.index)
