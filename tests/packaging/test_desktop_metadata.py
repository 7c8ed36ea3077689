"""The desktop entry, AppStream metainfo, icons and install script are valid and agree.

The validators are the ones distributions and Flathub run; where one is not installed (and
this is not CI, which installs them all) its test is skipped naming the Debian package.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import hushnote

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
APP_ID = "org.hushnote.Hushnote"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICONS = (RESOURCES / "icons" / f"{APP_ID}.svg", RESOURCES / "icons" / "neutral-notes.svg")
SVG = "{http://www.w3.org/2000/svg}"


def missing(tool: str) -> bool:
    """Whether to skip for want of ``tool``: never in CI, which installs every one."""
    return shutil.which(tool) is None and not os.environ.get("CI")


def _issues(output: str, prefixes: tuple[str, ...]) -> list[str]:
    return [line for line in output.splitlines() if line.lstrip().startswith(prefixes)]


@pytest.mark.skipif(
    missing("desktop-file-validate"),
    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)",
)
def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    # Hints are advice (two main categories may list the app twice in some menus).
    problems = [
        line for line in output.splitlines() if ": error: " in line or ": warning: " in line
    ]
    assert result.returncode == 0, output
    assert problems == [], output


@pytest.mark.skipif(
    missing("appstreamcli"),
    reason="appstreamcli is not installed (Debian: appstream)",
)
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert _issues(output, ("E:", "W:")) == [], output


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()  # noqa: S314  # our own file


def test_desktop_entry_and_metainfo_agree() -> None:
    entry = _desktop_entry()
    component = _metainfo()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]

    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert entry["Icon"] == APP_ID
    binary = component.findtext("provides/binary")
    assert binary in scripts
    assert entry["Exec"].split()[0] == binary
    assert entry["Name"] == component.findtext("name")


def test_newest_release_is_this_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == hushnote.__version__


@pytest.mark.parametrize("icon", ICONS, ids=lambda path: path.name)
def test_icon_is_a_self_contained_scalable_svg(icon: Path) -> None:
    root = ET.parse(icon).getroot()  # noqa: S314  # our own file
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "0 0 128 128"
    for element in root.iter():
        assert element.tag != f"{SVG}text", "text renders differently per font: use paths"
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"{icon.name} refers to {value}"
    assert icon.stat().st_size < 4096


@pytest.mark.skipif(
    missing("shellcheck"), reason="shellcheck is not installed (Debian: shellcheck)"
)
@pytest.mark.parametrize(
    "script",
    ["packaging/install-user.sh", "packaging/flatpak/hushnote.sh"],
    ids=lambda script: Path(script).name,
)
def test_shell_scripts_are_shellcheck_clean(script: str) -> None:
    result = subprocess.run(
        ["shellcheck", "--shell=sh", str(ROOT / script)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
