"""Shared fixtures: an isolated home for every test, and the one fast-KDF setting.

Every test runs with HOME, the XDG folders and TMPDIR pointed into its own tmp_path, so
neither the test nor a subprocess it starts can touch the real user's files. A session
guard fails the run if the real Hushnote folders change anyway.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import platformdirs
import pytest

from hushnote.core import KdfParams, Vault

PASSPHRASE = "correct horse battery staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in item.nodeid or item.nodeid.startswith("gui/"):
            item.add_marker(pytest.mark.gui)


def _real_app_folders() -> dict[str, list[str] | None]:
    folders = {}
    for name in ("user_data_dir", "user_config_dir", "user_cache_dir", "user_state_dir"):
        path = Path(getattr(platformdirs, name)("hushnote", appauthor=False))
        folders[str(path)] = sorted(os.listdir(path)) if path.exists() else None
    return folders


@pytest.fixture(scope="session", autouse=True)
def _real_home_untouched() -> Iterator[None]:
    before = _real_app_folders()
    yield
    assert _real_app_folders() == before, "a test wrote into the real user's folders"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point HOME, XDG folders and TMPDIR at fresh folders beside ``tmp_path``."""
    base = tmp_path_factory.mktemp("env")
    home = base / "home"
    folders = {
        "HOME": home,
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "TMPDIR": base / "tmp",
    }
    for name, path in folders.items():
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    monkeypatch.delenv("HUSHNOTE_HOME", raising=False)
    monkeypatch.delenv("HUSHNOTE_DEBUG", raising=False)
    return home


@pytest.fixture
def fast_kdf_params() -> KdfParams:
    """The cheapest Argon2id parameters the vault accepts (the enforced floor).

    The only way tests get a fast KDF: it is still real Argon2id, at 64 MiB and two passes
    (about 0.1 s here instead of 1 s).
    """
    return KdfParams(memory_kib=64 * 1024, iterations=2, parallelism=2)


@pytest.fixture
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrase bundles (and travel bundles) written at scrypt work factor 2^14.

    The only way tests get a fast scrypt: pyrage picks 2^20 (1 GiB, two seconds) for every
    file it writes and has no setting for it, so the app's writer is swapped for
    ``support/age_scrypt.py``, which writes the same age format, in this process and in
    every Python process the test starts (``support/fast_scrypt_site`` goes first on
    their PYTHONPATH). Reading stays pyrage's, at whatever cost the file names. Tests
    that do not ask for it keep the real cost.
    """
    from hushnote.core.formats import bundle_export
    from support import age_scrypt

    fast = SimpleNamespace(encrypt=age_scrypt.encrypt)
    monkeypatch.setattr(bundle_export, "age_passphrase", fast)
    site = str(Path(__file__).parent / "support" / "fast_scrypt_site")
    paths = [site, os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(path for path in paths if path))


@dataclass
class VaultSetup:
    root: Path
    passphrase: str


@pytest.fixture
def fast_kdf_vault(tmp_path: Path, fast_kdf_params: KdfParams) -> VaultSetup:
    """A locked vault created with ``fast_kdf_params``, and its passphrase."""
    root = tmp_path / "vault"
    Vault.create(root, PASSPHRASE, kdf=fast_kdf_params).lock()
    return VaultSetup(root=root, passphrase=PASSPHRASE)


@pytest.fixture
def hushnote_cli() -> list[str]:
    """The argv prefix that runs the installed CLI in a subprocess."""
    return [sys.executable, "-m", "hushnote"]


@pytest.fixture
def open_vault(fast_kdf_vault: VaultSetup) -> Iterator[Vault]:
    """The ``fast_kdf_vault``, unlocked for the test and locked after it."""
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        yield vault
