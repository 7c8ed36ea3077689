"""The two preferences that must be read before any vault is unlocked.

The interface language and the camouflage switch decide what the unlock screen looks
like, so they cannot live in the vault. They are kept in ``app.json`` in the user config
folder, which holds nothing else: no vault path, no note, no name, no time. Anything that
describes the user's data stays in the vault's own settings table.

A damaged or hand-edited file never stops the app: unknown keys and bad values fall back to
the defaults, and the next save writes a clean file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from hushnote.core.atomic import DIR_MODE, replace_file, storage_errors
from hushnote.core.paths import app_config_dir

__all__ = ["LANGUAGES", "AppConfig", "config_path", "load_config", "save_config"]

#: Interface languages with a complete catalogue; ``None`` in ``AppConfig`` means "system".
LANGUAGES = ("en", "zh_CN", "zh_TW")
FILE_NAME = "app.json"
# The file is tiny; anything bigger was not written by Hushnote and is not parsed.
MAX_BYTES = 4096


@dataclass(frozen=True)
class AppConfig:
    """``language`` is one of ``LANGUAGES``, or None to follow the system locale."""

    language: str | None = None
    camouflage: bool = False

    def to_json(self) -> bytes:
        data = {"language": self.language, "camouflage": self.camouflage}
        return json.dumps(data, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_json(cls, raw: bytes) -> AppConfig:
        """Parse leniently: a bad value costs only that value, never the app's start."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        language = data.get("language")
        camouflage = data.get("camouflage")
        return cls(
            language=language if language in LANGUAGES else None,
            camouflage=camouflage if isinstance(camouflage, bool) else False,
        )


def config_path(folder: Path | None = None) -> Path:
    return (folder or app_config_dir()) / FILE_NAME


def load_config(folder: Path | None = None) -> AppConfig:
    """The saved preferences, or the defaults when there are none or they are unreadable."""
    path = config_path(folder)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError:
        return AppConfig()
    if len(raw) > MAX_BYTES:
        return AppConfig()
    return AppConfig.from_json(raw)


def save_config(config: AppConfig, folder: Path | None = None) -> Path:
    """Write ``config`` atomically (0600 in a 0700 folder); raises ``StorageError``."""
    path = config_path(folder)
    with storage_errors(path):
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    replace_file(path, config.to_json())
    return path
