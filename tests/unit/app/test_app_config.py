"""The pre-unlock preferences file: tiny, private, and never a reason not to start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hushnote.app.app_config import MAX_BYTES, AppConfig, config_path, load_config, save_config


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert load_config(tmp_path) == AppConfig(language=None, camouflage=False)


def test_round_trip_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    save_config(AppConfig(language="zh_CN", camouflage=True), folder)
    assert load_config(folder) == AppConfig(language="zh_CN", camouflage=True)
    assert os.stat(folder).st_mode & 0o777 == 0o700
    assert os.stat(config_path(folder)).st_mode & 0o777 == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["app.json"]  # no .new or .old left


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\xff\xfe not utf-8",
        b"{not json",
        b"[1, 2]",
        b'{"language": "xx_YY", "camouflage": "yes"}',
        b'{"language": 5}',
        b'{"language": "zh_TW", "camouflage": true, "extra": "x"}' + b" " * MAX_BYTES,
    ],
)
def test_a_damaged_file_gives_the_defaults_not_an_error(tmp_path: Path, raw: bytes) -> None:
    config_path(tmp_path).write_bytes(raw)
    assert load_config(tmp_path) == AppConfig()


def test_bad_values_cost_only_themselves(tmp_path: Path) -> None:
    config_path(tmp_path).write_bytes(b'{"language": "zh_TW", "camouflage": "yes", "x": 1}')
    assert load_config(tmp_path) == AppConfig(language="zh_TW", camouflage=False)


def test_the_file_names_nothing_but_the_two_settings(tmp_path: Path) -> None:
    save_config(AppConfig(language="zh_TW", camouflage=False), tmp_path)
    assert config_path(tmp_path).read_bytes() == b'{"camouflage": false, "language": "zh_TW"}\n'
