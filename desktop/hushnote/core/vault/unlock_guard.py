"""Optional: wipe the vault after N wrong passphrases in a row (off by default).

The limit and the count must be readable before anything is unlocked, so they live
outside the vault, in the app's config folder. They are keyed by a hash of the header's
salt, which every path to the same vault shares (``./v``, ``//home/…/v``, a link to the
folder): a count kept per path string gave each alias of the path a fresh count. While
the limit is off nothing is written there at all. Someone who copied the disk first can
guess forever on the copy: this only stops guessing on this machine.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from hushnote.core.paths import VaultPaths, app_config_dir
from hushnote.errors import InvalidRecordError

__all__ = ["MAX_WIPE_AFTER", "MIN_WIPE_AFTER", "UnlockGuard"]

MIN_WIPE_AFTER = 3
MAX_WIPE_AFTER = 100
STATE_FILE = "unlock-guard.json"


class UnlockGuard:
    """The wrong-passphrase counter of one vault."""

    def __init__(self, root: Path, state_file: Path | None = None) -> None:
        # Before keys were salt hashes they were path hashes; such an entry is moved over.
        self._legacy_key = hashlib.sha256(str(root.absolute()).encode()).hexdigest()
        salt = _header_salt(VaultPaths(root))
        self._key = "s" + hashlib.sha256(salt).hexdigest() if salt else self._legacy_key
        self._file = state_file or app_config_dir() / STATE_FILE

    def _load(self) -> dict[str, dict[str, int]]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        if self._key != self._legacy_key and self._legacy_key in data:
            data.setdefault(self._key, data.pop(self._legacy_key))
        return data

    def _save(self, data: dict[str, dict[str, int]]) -> None:
        from hushnote.core.atomic import DIR_MODE, replace_file

        if not data:
            self._file.unlink(missing_ok=True)
            return
        self._file.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        replace_file(self._file, json.dumps(data).encode())

    @property
    def limit(self) -> int | None:
        entry = self._load().get(self._key)
        return int(entry["limit"]) if entry and "limit" in entry else None

    @property
    def remaining(self) -> int | None:
        """Wrong passphrases in a row still allowed before the wipe; None while it is off.

        Read like the limit, without the passphrase: the count lives outside the vault.
        """
        entry = self._load().get(self._key)
        if not entry or "limit" not in entry:
            return None
        return max(0, int(entry["limit"]) - int(entry.get("failures", 0)))

    def set_limit(self, limit: int | None) -> None:
        """Turn the wipe on at ``limit`` wrong passphrases in a row, or off (None)."""
        if limit is not None and not MIN_WIPE_AFTER <= limit <= MAX_WIPE_AFTER:
            raise InvalidRecordError(field="limit", minimum=MIN_WIPE_AFTER, maximum=MAX_WIPE_AFTER)
        data = self._load()
        if limit is None:
            data.pop(self._key, None)
        else:
            data[self._key] = {"limit": limit, "failures": 0}
        self._save(data)

    def failed(self) -> bool:
        """Count one wrong passphrase; True when the limit is reached (wipe now)."""
        data = self._load()
        entry = data.get(self._key)
        if not entry:
            return False
        entry["failures"] = int(entry.get("failures", 0)) + 1
        self._save(data)
        return entry["failures"] >= int(entry["limit"])

    def succeeded(self) -> None:
        data = self._load()
        entry = data.get(self._key)
        if entry and entry.get("failures"):
            entry["failures"] = 0
            self._save(data)

    def forget(self) -> None:
        data = self._load()
        if data.pop(self._key, None) is not None:
            self._save(data)


def _header_salt(paths: VaultPaths) -> bytes | None:
    """The header's salt (bytes 32-64, readable without a passphrase), or None."""
    try:
        fd = os.open(paths.header, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        prefix = os.pread(fd, 64, 0)
    except OSError:
        return None
    finally:
        os.close(fd)
    return prefix[32:64] if len(prefix) == 64 else None
