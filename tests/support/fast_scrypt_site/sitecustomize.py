"""Run at start-up by every Python process that a test using ``fast_scrypt`` starts (this
folder is on their PYTHONPATH): passphrase files are written at scrypt work factor 2^14
by ``support/age_scrypt.py`` instead of pyrage's 2^20. Reading is unchanged."""

import importlib.util
from pathlib import Path

import pyrage.passphrase

_spec = importlib.util.spec_from_file_location(
    "hushnote_test_age_scrypt", Path(__file__).resolve().parent.parent / "age_scrypt.py"
)
assert _spec is not None and _spec.loader is not None
_writer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_writer)
pyrage.passphrase.encrypt = _writer.encrypt
