"""The Qt-free core: vault, key slots, database and stores. The GUI and CLI sit on top.

The names below are the public API; the modules behind them are free to change.
"""

from hushnote.core.kdf import KdfParams, calibrate
from hushnote.core.paths import VaultPaths, default_vault_dir
from hushnote.core.process import harden_process
from hushnote.core.settings import Settings
from hushnote.core.vault import Vault, VaultInfo, read_info

__all__ = [
    "KdfParams",
    "Settings",
    "Vault",
    "VaultInfo",
    "VaultPaths",
    "calibrate",
    "default_vault_dir",
    "harden_process",
    "read_info",
]
