"""Resources are found by one rule from source, from the frozen bundle and from an installed wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import barometer_gui
from barometer_gui.core import resources
from barometer_gui.core.errors import BarometerError
from barometer_gui.core.importer import demo_path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [
    ("demo_innovasjonsbarometer.xlsx",),
    ("guide", "brukerveiledning.html"),
    ("guide", "user-guide.html"),
    ("translations", "barometer_en.qm"),
    ("icons", "barometer.png"),
]


@pytest.fixture
def fresh_lookup():
    resources.resources_dir.cache_clear()
    yield
    resources.resources_dir.cache_clear()


def test_from_source_the_checkout_resources_folder(fresh_lookup):
    assert resources.resources_dir() == ROOT / "resources"
    for parts in SHIPPED:
        assert resources.resource(*parts).is_file()
    assert demo_path() == ROOT / "resources" / "demo_innovasjonsbarometer.xlsx"


def test_in_the_bundle_the_unpacked_folder(fresh_lookup, tmp_path, monkeypatch):
    (tmp_path / "resources" / "guide").mkdir(parents=True)
    (tmp_path / "resources" / "guide" / "brukerveiledning.html").write_text("<p>frossen</p>")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert (
        resources.resource("guide", "brukerveiledning.html")
        == tmp_path / "resources/guide/brukerveiledning.html"
    )


def test_a_missing_resource_is_a_clear_norwegian_error(fresh_lookup):
    with pytest.raises(BarometerError, match="mangler i installasjonen"):
        resources.resource("finnes-ikke.txt")


def test_version_is_the_package_version():
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert barometer_gui.__version__ == expected


def test_from_an_installed_wheel_the_data_files(tmp_path):
    """Build the wheel, install it alone into a fresh environment, ask it where its resources are."""
    uv = [shutil.which("uv")] if shutil.which("uv") else ["python3", "-m", "uv"]  # how the project runs uv
    try:
        subprocess.run([*uv, "--version"], check=True, capture_output=True)
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("uv is not available")
    wheels = tmp_path / "wheels"
    subprocess.run(
        [*uv, "build", "--wheel", "--out-dir", str(wheels)], cwd=ROOT, check=True, capture_output=True
    )
    venv = tmp_path / "venv"
    subprocess.run(
        [*uv, "venv", "-q", "--python", sys.executable, str(venv)], check=True, capture_output=True
    )
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    wheel = next(wheels.glob("barometer-*.whl"))
    subprocess.run(
        [*uv, "pip", "install", "-q", "--no-deps", "--python", str(python), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "from barometer_gui.core.resources import resource, resources_dir\n"
        f"for parts in {SHIPPED!r}: assert resource(*parts).is_file(), parts\n"
        "print(resources_dir())\n"
    )
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = Path(result.stdout.strip())
    assert found == (venv / "share" / "barometer" / "resources").resolve()
