"""The per-user MSI compiles (msitools' wixl) and its tables say what IT and users rely on.

Built against a small stand-in bundle folder so it runs in seconds; scripts/build_bundle.sh plus
installer/build_msi.sh do the same with the real bundle. Skipped where msitools is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not (shutil.which("wixl") and shutil.which("msiinfo")), reason="msitools (wixl, msiinfo) not installed"
)


def _table(msi: Path, name: str) -> list[list[str]]:
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("\t") for line in text.splitlines()[3:] if line.strip()]  # after the 3 header lines


@pytest.fixture(scope="module")
def msi(tmp_path_factory) -> Path:
    bundle = tmp_path_factory.mktemp("bundle") / "barometer"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    for name in (
        "barometer.exe",
        "barometer-gui.exe",
        "_internal/python311.dll",
        "_internal/resources/demo.xlsx",
    ):
        (bundle / name).write_bytes(b"stand-in for " + name.encode())
    out = bundle.parent / "Barometer.msi"
    result = subprocess.run(
        ["bash", "installer/build_msi.sh", str(bundle), str(out)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return out


def test_installs_per_user_without_admin_rights(msi):
    properties = dict(row[:2] for row in _table(msi, "Property"))
    assert "ALLUSERS" not in properties  # empty ALLUSERS = per-user
    summary = subprocess.run(
        ["msiinfo", "suminfo", str(msi)], capture_output=True, text=True, check=True
    ).stdout
    word_count = int(next(line for line in summary.splitlines() if line.startswith("Source:")).split()[1])
    assert word_count & 8, "summary Word Count must say: no elevated privileges needed"
    directories = {row[0]: row for row in _table(msi, "Directory")}
    assert directories["INSTALLDIR"][1:] == ["UserProgramsFolder", "Barometer"]
    assert directories["UserProgramsFolder"][1:] == ["LocalAppDataFolder", "Programs"]


def test_version_comes_from_the_package():
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    wxs = (ROOT / "installer" / "barometer.wxs").read_text()
    assert 'Version="$(var.Version)"' in wxs and version  # build_msi.sh passes pyproject's version


def test_start_menu_shortcut_starts_the_windowed_launcher(msi):
    shortcuts = _table(msi, "Shortcut")
    assert len(shortcuts) == 1
    row = shortcuts[0]
    assert row[1] == "ProgramMenuFolder" and row[2] == "Barometer"
    assert row[4] == "[INSTALLDIR]barometer-gui.exe"


def test_barometer_files_open_in_barometer_for_this_user_only(msi):
    registry = {(row[1], row[2], row[3]): row[4] for row in _table(msi, "Registry")}
    assert all(root == "1" for root, _, _ in registry)  # 1 = HKEY_CURRENT_USER
    assert registry[("1", r"Software\Classes\.barometer", "")] == "Barometer.Prosjekt"
    command = registry[("1", r"Software\Classes\Barometer.Prosjekt\shell\open\command", "")]
    assert command == '"[INSTALLDIR]barometer-gui.exe" "%1"'


def test_every_bundle_file_is_installed_and_removed_with_the_product(msi):
    files = {row[2] for row in _table(msi, "File")}
    assert {"barometer.exe", "barometer-gui.exe", "python311.dll", "demo.xlsx"} <= files
    features = {row[1] for row in _table(msi, "FeatureComponents")}
    components = {row[0] for row in _table(msi, "Component")}
    assert components == features  # nothing installed outside the one feature, so uninstall removes it all
    assert any(row[3] == "INSTALLDIR" for row in _table(msi, "RemoveFile"))


def test_a_newer_version_replaces_the_old_one(msi):
    upgrades = _table(msi, "Upgrade")
    assert {row[-1] for row in upgrades} == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    assert "RemoveExistingProducts" in {row[0] for row in _table(msi, "InstallExecuteSequence")}
