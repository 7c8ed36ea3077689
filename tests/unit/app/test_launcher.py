"""Camouflage of the launcher entry: neutral while on, the real entry back when off."""

from __future__ import annotations

from pathlib import Path

import pytest

from hushnote.app.launcher import (
    DESKTOP_FILE,
    LauncherChange,
    apply_launcher_camouflage,
    camouflaged_entry,
)

SHIPPED = Path(__file__).parents[3] / "resources" / DESKTOP_FILE
ENTRY = """[Desktop Entry]
Type=Application
Name=Hushnote
Name[zh_CN]=Hushnote 加密日记
GenericName=Encrypted journal
Comment=Encrypted notes and contact lists
Comment[zh_TW]=加密筆記
Keywords=journal;encrypted;
Exec=/opt/hushnote/hushnote
Icon=org.hushnote.Hushnote
Categories=Office;

[Desktop Action wipe]
Name=Wipe
Exec=/opt/hushnote/hushnote wipe
"""
DESCRIBING = ("Hushnote", "ncrypt", "加密", "journal")


def neutral(
    enabled: bool, home: Path, dirs: list[Path], template: str | None = ENTRY
) -> LauncherChange:
    return apply_launcher_camouflage(
        enabled,
        name="Notes",
        icon="accessories-text-editor",
        template=template,
        data_home=home,
        data_dirs=dirs,
    )


def main_group(text: str) -> str:
    return text.split("\n\n[")[0]


def test_the_entry_keeps_how_it_runs_and_loses_what_it_says() -> None:
    out = camouflaged_entry(ENTRY, "Notes", "accessories-text-editor", "user")
    group = main_group(out)
    assert "Name=Notes" in group and "Icon=accessories-text-editor" in group
    assert "Exec=/opt/hushnote/hushnote" in group and "Categories=Office;" in group
    assert not [word for word in DESCRIBING if word in group.replace("/hushnote", "")]
    # Other groups are left alone.
    assert out.endswith("[Desktop Action wipe]\nName=Wipe\nExec=/opt/hushnote/hushnote wipe\n")


def test_a_user_entry_is_rewritten_and_restored(tmp_path: Path) -> None:
    home = tmp_path / "share"
    entry = home / "applications" / DESKTOP_FILE
    entry.parent.mkdir(parents=True)
    entry.write_text(ENTRY.replace("Exec=/opt/", "Exec=/home/u/opt/"))
    assert neutral(True, home, []) is LauncherChange.WRITTEN
    assert "Name=Notes" in entry.read_text()
    assert neutral(True, home, []) is LauncherChange.UNCHANGED
    assert neutral(False, home, []) is LauncherChange.RESTORED
    restored = entry.read_text()
    assert "Name=Hushnote" in restored and "Name[zh_CN]=Hushnote 加密日记" in restored
    assert "Exec=/home/u/opt/hushnote/hushnote" in restored  # the user's own path kept
    assert "X-Camouflage" not in restored


def test_a_system_entry_is_overridden_then_the_override_removed(tmp_path: Path) -> None:
    home, system = tmp_path / "share", tmp_path / "usr-share"
    (system / "applications").mkdir(parents=True)
    (system / "applications" / DESKTOP_FILE).write_text(ENTRY)
    assert neutral(True, home, [tmp_path / "missing", system]) is LauncherChange.WRITTEN
    override = home / "applications" / DESKTOP_FILE
    assert "Name=Notes" in override.read_text()
    assert (system / "applications" / DESKTOP_FILE).read_text() == ENTRY
    assert neutral(False, home, [system]) is LauncherChange.REMOVED
    assert not override.exists()
    assert list((home / "applications").iterdir()) == []


def test_without_an_installed_entry_nothing_is_written(tmp_path: Path) -> None:
    assert neutral(True, tmp_path / "share", [tmp_path]) is LauncherChange.NO_ENTRY
    assert not (tmp_path / "share").exists()
    assert neutral(False, tmp_path / "share", [tmp_path]) is LauncherChange.UNCHANGED


@pytest.mark.skipif(not SHIPPED.exists(), reason="the shipped desktop entry is missing")
def test_the_shipped_entry_camouflages_without_a_trace_of_the_name() -> None:
    out = main_group(camouflaged_entry(SHIPPED.read_text(), "Notes", "x", "user"))
    # How it runs and the window class it matches necessarily stay; nothing else may name
    # or describe the app.
    kept = ("Exec=", "TryExec=", "StartupWMClass=", "X-Camouflage-Origin=")
    text = "\n".join(line for line in out.splitlines() if not line.startswith(kept))
    assert "hushnote" not in text.lower(), text
