"""Report specifications and the one function that produces report files (no Qt)."""

from barometer_gui.core.report.run import ReportResult, run_report
from barometer_gui.core.report.spec import (
    Item,
    Ref,
    ReportSpec,
    Settings,
    load_spec,
    question_item,
    save_spec,
)

__all__ = [
    "Item",
    "Ref",
    "ReportResult",
    "ReportSpec",
    "Settings",
    "load_spec",
    "question_item",
    "run_report",
    "save_spec",
]
