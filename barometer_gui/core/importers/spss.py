"""SPSS .sav/.zsav and Stata .dta, as survey vendors (Ipsos, Norstat, Opinion) deliver them.

Read with pyreadstat: variable labels become question texts, value labels the options (in code
order), user-defined missing codes are blank, and SPSS multiple-response sets (dichotomy sets with
their counted value, and category sets) become multi-select questions. The rest is read like coded data.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from barometer_gui.core.cells import code_key, is_blank
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importers import codebook
from barometer_gui.core.mapping import Encoding, Layout, Mapping, QuestionSpec, signature
from barometer_gui.core.readers import RawBook
from barometer_gui.core.schema import QType, clean_label

SUFFIXES = {".sav": "spss", ".zsav": "spss", ".por": "spss", ".dta": "stata"}


def read(path: Path) -> RawBook:
    """The data with its labels in `frame.attrs["readstat"]` (a RawBook of kind "spss" or "stata")."""
    import pyreadstat

    kind = SUFFIXES[path.suffix.lower()]
    reader = (
        pyreadstat.read_dta
        if kind == "stata"
        else (pyreadstat.read_por if path.suffix.lower() == ".por" else pyreadstat.read_sav)
    )
    try:
        frame, meta = reader(str(path), user_missing=True)
    except Exception as exc:  # pyreadstat reports damage as ReadstatError/PyreadstatError
        raise BarometerError(
            "«{name}» kunne ikke leses som {kind}-fil ({error}). Be leverandøren om fila på nytt, eller en Excel-eksport.",
            name=path.name,
            kind=kind.upper(),
            error=exc.__class__.__name__,
        ) from None
    for variable, ranges in meta.missing_ranges.items():  # user-missing codes are blank answers
        if variable in frame.columns:
            frame[variable] = frame[variable].map(lambda v, r=ranges: None if _missing(v, r) else v)
    frame.attrs["readstat"] = {
        "variable_labels": {k: v for k, v in meta.column_names_to_labels.items() if v},
        "value_labels": {
            var: {
                code_key(code): clean_label(label)
                for code, label in labels.items()
                if not _missing(code, meta.missing_ranges.get(var, []))
            }
            for var, labels in meta.variable_value_labels.items()
        },
        "mr_sets": dict(getattr(meta, "mr_sets", {}) or {}),
    }
    expand_category_sets(frame)
    return RawBook(kind, {path.stem: frame})


def expand_category_sets(frame: pd.DataFrame) -> None:
    """SPSS category sets (mention 1, mention 2 … each holding a code) as one 0/1 column per code.

    The new columns are named "SET#code" and the set becomes a dichotomy set over them, so every
    multiple-response set is read the same way; rows with no mention at all were not asked.
    """
    info = frame.attrs["readstat"]
    for name, spec in list(info["mr_sets"].items()):
        variables = [v for v in spec.get("variable_list", []) if v in frame.columns]
        if spec.get("is_dichotomy") or not variables:
            continue
        keys = frame[variables].map(lambda v: None if is_blank(v) else code_key(v))
        labels = info["value_labels"].get(variables[0], {})
        codes = list(labels) or sorted({k for k in pd.unique(keys.to_numpy().ravel()) if k is not None})
        asked = keys.notna().any(axis=1).to_numpy()
        columns = []
        for code in codes:
            column = f"{name}#{code}"
            frame[column] = np.where(asked, (keys == code).any(axis=1).astype(float), np.nan)
            info["variable_labels"][column] = labels.get(code, code)
            columns.append(column)
        info["mr_sets"][name] = {
            **spec,
            "is_dichotomy": True,
            "counted_value": 1,
            "variable_list": columns,
            "replaces": variables,
        }


def _missing(code: object, ranges: list[dict]) -> bool:
    """User-missing codes (SPSS missing values) are blank answers, not options."""
    try:
        value = float(code)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return any(r.get("lo") is not None and float(r["lo"]) <= value <= float(r["hi"]) for r in ranges)


def mapping(raw: pd.DataFrame, kind: str) -> Mapping:
    info = raw.attrs.get("readstat", {})
    found = codebook.Codebook(dict(info.get("variable_labels", {})), dict(info.get("value_labels", {})))
    sets = [
        (name, spec)
        for name, spec in info.get("mr_sets", {}).items()
        if spec.get("is_dichotomy") and all(v in raw.columns for v in spec.get("variable_list", []))
    ]
    in_sets = {v for _, spec in sets for v in [*spec["variable_list"], *spec.get("replaces", [])]}
    rest = raw[[c for c in raw.columns if c not in in_sets]]
    result = codebook.mapping(rest, found, Layout.STATA if kind == "stata" else Layout.SPSS)
    for name, spec in sets:
        variables = list(spec["variable_list"])
        counted = code_key(spec.get("counted_value", 1))
        options = [found.variable_labels.get(v, v) for v in variables]
        result.questions.append(
            QuestionSpec(
                name,
                clean_label(spec.get("label") or name),
                QType.MULTI,
                variables,
                Encoding.CODES,
                options,
                codes={counted: "Valgt"},
            )
        )
    result.signature = signature(list(raw.columns))
    return result
