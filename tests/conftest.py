"""Shared fixtures. Qt runs offscreen; saved mappings go to a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path

import pytest
from hypothesis import Phase, settings

from barometer_gui.core.importer import demo_path, open_survey

# A failing property test still shrinks to its smallest example, but skips Hypothesis' "explain"
# phase: it line-traces pandas for every shrunk example, which once took six minutes and 3 GB of
# memory on a metadata fuzz failure and would run the suite past CI's time limit.
settings.register_profile("barometer", phases=[phase for phase in Phase if phase is not Phase.explain])
settings.load_profile("barometer")

ROOT = Path(__file__).resolve().parent.parent
# Beside the project (/work/main) or two levels up (a worktree under /work/wt/NAME).
REAL_EXPORTS = next(
    (p / "shared" / "real-exports" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "real-exports",
)


@pytest.fixture(autouse=True)
def _private_mapping_store(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BAROMETER_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def demo_survey():
    return open_survey(demo_path(), use_saved_mapping=False)


@pytest.fixture(scope="session")
def real_xlsx() -> Path:
    path = REAL_EXPORTS / "surveyxact-nifu" / "ex_survey2.xlsx"
    if not path.exists():
        pytest.skip("../shared/real-exports is not beside the project (real SurveyXact export)")
    return path
