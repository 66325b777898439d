"""SPSS .sav/.zsav and Stata .dta, as survey vendors (Ipsos, Norstat, Opinion) deliver them.

Read with pyreadstat: variable labels become question texts, value labels the options (in code
order), user-defined missing codes are blank, and SPSS multiple-response sets (dichotomy sets with
their counted value) become multi-select questions. The rest is read like coded data.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from barometer_gui.core.cells import code_key
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
            f"«{path.name}» kunne ikke leses som {kind.upper()}-fil ({exc.__class__.__name__}). "
            "Be leverandøren om fila på nytt, eller en Excel-eksport."
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
    return RawBook(kind, {path.stem: frame})


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
    in_sets = {v for _, spec in sets for v in spec["variable_list"]}
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
