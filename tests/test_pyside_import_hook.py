"""The lighter PySide6 import check gives PySide6's own answer (its speed is bench_startup's business)."""

from __future__ import annotations

import sys

import pytest

from barometer_gui.ui.main import lighten_pyside_import_hook


@pytest.fixture
def lightened():
    import PySide6.QtCore  # noqa: F401  (loads the hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 has no import hook to lighten")
    before = feature._mod_uses_pyside
    lighten_pyside_import_hook()
    yield feature._mod_uses_pyside
    feature._mod_uses_pyside = before


def test_the_answer_is_the_same_as_pyside6s_for_every_loaded_module(lightened):
    import pandas

    import barometer_gui.ui.window

    modules = [m for m in list(sys.modules.values()) if m is not None]
    assert len(modules) > 300
    differing = [m.__name__ for m in modules if lightened(m) != lightened.upstream(m)]
    assert differing == []
    assert lightened(barometer_gui.ui.window) is True
    assert lightened(pandas) is False


def test_calling_it_twice_wraps_once(lightened):
    lighten_pyside_import_hook()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is lightened
