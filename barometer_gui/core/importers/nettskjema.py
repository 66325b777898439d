"""Nettskjema (UiO): tab-separated .txt/.csv or xlsx, metadata NR / Opprettet / Endret / Innsendt
(dd.mm.yyyy), question texts as headers; with its codebook, codes such as `q.row.opt` and texts
such as "Question :: Row :: Answer" (read with --codebook)."""

from __future__ import annotations

import pandas as pd

from barometer_gui.core.importers import flat
from barometer_gui.core.importers.metadata import tool_score
from barometer_gui.core.mapping import Layout, Mapping


def matches(raw: pd.DataFrame) -> bool:
    return tool_score(list(raw.columns), "nettskjema") >= 2


def mapping(raw: pd.DataFrame, texts: dict[str, str]) -> Mapping:
    return flat.mapping(raw, Layout.NETTSKJEMA, texts)
