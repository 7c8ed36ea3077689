"""Shipped files are found from a source checkout and from a PyInstaller build."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from hushnote.app.passphrases import wordlist
from hushnote.app.resources import resource_path

ROOT = Path(__file__).resolve().parents[3]


def test_source_checkout_uses_the_resources_folder() -> None:
    assert resource_path("wordlists", "eff_large_wordlist.txt") == (
        ROOT / "resources" / "wordlists" / "eff_large_wordlist.txt"
    )
    assert len(wordlist()) == 7776


def test_frozen_build_uses_the_bundle_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("icons", "x.svg") == tmp_path / "resources" / "icons" / "x.svg"


def test_a_frozen_flag_without_a_bundle_folder_falls_back_to_the_source_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert resource_path("wordlists") == ROOT / "resources" / "wordlists"


def test_an_install_under_a_prefix_uses_its_share_folder(tmp_path: Path) -> None:
    """The Flatpak layout: /app/lib/pythonX.Y/site-packages and /app/share/hushnote."""
    import hushnote.core.resources as module

    package = tmp_path / "lib" / "python3.13" / "site-packages" / "hushnote" / "core"
    package.mkdir(parents=True)
    copy = package / "resources.py"
    shutil.copyfile(module.__file__, copy)
    (tmp_path / "share" / "hushnote" / "wordlists").mkdir(parents=True)
    spec = importlib.util.spec_from_file_location("installed_resources", copy)
    assert spec is not None and spec.loader is not None
    installed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installed)
    expected = tmp_path / "share" / "hushnote" / "wordlists" / "x.txt"
    assert installed.resource_path("wordlists", "x.txt") == expected
