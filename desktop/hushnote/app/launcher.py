"""Rewrite the user's launcher entry to show a neutral name and icon, and back.

A desktop shows an application under the name and icon of its ``.desktop`` file, and a
file of the same id in ``$XDG_DATA_HOME/applications`` overrides a system-wide one. So
camouflage writes such a file: the original entry with a neutral ``Name`` and ``Icon``
and without the comments and keywords that would describe it. The file name (the id)
stays, because the window must still be matched to its entry; docs/user-guide.md says so.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from pathlib import Path

from hushnote.core.atomic import DIR_MODE, replace_file, scrub_file, storage_errors

__all__ = [
    "DESKTOP_FILE",
    "LauncherChange",
    "apply_launcher_camouflage",
    "camouflaged_entry",
]

DESKTOP_FILE = "org.hushnote.Hushnote.desktop"
MARK_KEY = "X-Camouflage-Origin"
# Keys that describe the app in words; localized variants (Name[zh_CN]) go with them.
_DESCRIPTIVE = ("Name", "GenericName", "Comment", "Keywords")
_REPLACED = (*_DESCRIPTIVE, "Icon", MARK_KEY)
MAX_ENTRY_BYTES = 64 * 1024


class LauncherChange(enum.Enum):
    """What ``apply_launcher_camouflage`` did."""

    WRITTEN = "written"  # a camouflaged user entry now exists
    RESTORED = "restored"  # the user entry shows the real name again
    REMOVED = "removed"  # our override is gone; the system-wide entry shows again
    UNCHANGED = "unchanged"  # already in the asked-for state
    NO_ENTRY = "no-entry"  # no launcher entry is installed (run from source, say)


def _data_home(data_home: Path | None) -> Path:
    if data_home is not None:
        return data_home
    env = os.environ.get("XDG_DATA_HOME")
    return Path(env) if env else Path.home() / ".local" / "share"


def _data_dirs(data_dirs: Sequence[Path] | None) -> list[Path]:
    if data_dirs is not None:
        return list(data_dirs)
    env = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(part) for part in env.split(":") if part]


def _read(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_ENTRY_BYTES:
        return None
    return raw.decode("utf-8", errors="replace")


def _key(line: str) -> str:
    return line.split("=", 1)[0].split("[", 1)[0].strip()


def camouflaged_entry(text: str, name: str, icon: str, origin: str) -> str:
    """``text`` with a neutral name and icon in its main group and nothing descriptive.

    ``origin`` ("user" or "system") records whether restoring means rewriting this file
    or removing it.
    """
    out: list[str] = []
    group = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            group = stripped
            out.append(line)
            if group == "[Desktop Entry]":
                out += [f"Name={name}", f"Icon={icon}", f"{MARK_KEY}={origin}"]
        elif not (group == "[Desktop Entry]" and "=" in line and _key(line) in _REPLACED):
            out.append(line)
    return "\n".join(out) + "\n"


def _restored(camouflaged: str, template: str) -> str:
    """The shipped ``template`` with the ``Exec`` and ``TryExec`` of the user's entry."""
    kept = {
        _key(line): line
        for line in camouflaged.splitlines()
        if "=" in line and _key(line) in ("Exec", "TryExec")
    }
    out = [kept.get(_key(line), line) if "=" in line else line for line in template.splitlines()]
    return "\n".join(out) + "\n"


def _origin(text: str) -> str | None:
    for line in text.splitlines():
        if "=" in line and _key(line) == MARK_KEY:
            return line.split("=", 1)[1].strip()
    return None


def apply_launcher_camouflage(
    enabled: bool,
    *,
    name: str,
    icon: str,
    template: str | None,
    data_home: Path | None = None,
    data_dirs: Sequence[Path] | None = None,
) -> LauncherChange:
    """Make the launcher entry neutral (``enabled``) or show the real app again.

    ``template`` is the entry the app ships, used to restore a user-level entry; without
    one, restoring leaves the camouflaged entry in place. Raises ``StorageError``.
    """
    user_entry = _data_home(data_home) / "applications" / DESKTOP_FILE
    current = _read(user_entry)
    origin = _origin(current) if current is not None else None
    if not enabled:
        if origin is None:
            return LauncherChange.UNCHANGED
        if origin == "system":
            with storage_errors(user_entry):
                scrub_file(user_entry)
            return LauncherChange.REMOVED
        if template is None or current is None:
            return LauncherChange.UNCHANGED
        replace_file(user_entry, _restored(current, template).encode("utf-8"))
        return LauncherChange.RESTORED
    if origin is not None:
        return LauncherChange.UNCHANGED
    source, where = current, "user"
    if source is None:
        where = "system"
        for folder in _data_dirs(data_dirs):
            source = _read(folder / "applications" / DESKTOP_FILE)
            if source is not None:
                break
    if source is None:
        return LauncherChange.NO_ENTRY
    with storage_errors(user_entry):
        user_entry.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    replace_file(user_entry, camouflaged_entry(source, name, icon, where).encode("utf-8"))
    return LauncherChange.WRITTEN
