"""Boolean, level and gunicorn settings: every spelling an operator uses, and a clear refusal otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from botk_web.limits import LIMITS
from botk_web.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[2]


def _settings(**env: str) -> Settings:
    return Settings.from_env(env, dotenv_path=None)


@pytest.mark.parametrize("word", ["1", "true", "TRUE", "yes", "On", " on "])
def test_true_words_turn_a_boolean_on(word: str) -> None:
    assert _settings(BOTK_LOG_MESSAGES=word).log_messages is True
    assert _settings(BOTK_SYNTHETIC_DATA=word).synthetic_data is True


@pytest.mark.parametrize("word", ["0", "false", "No", "OFF"])
def test_false_words_turn_a_boolean_off(word: str) -> None:
    assert _settings(BOTK_SYNTHETIC_DATA=word).synthetic_data is False
    assert _settings(BOTK_INSECURE=word).insecure is False


@pytest.mark.parametrize("word", ["si", "2", "enabled", "verdadero"])
def test_any_other_word_is_refused_naming_the_variable(word: str) -> None:
    with pytest.raises(SettingsError, match="BOTK_SYNTHETIC_DATA"):
        _settings(BOTK_SYNTHETIC_DATA=word)


def test_log_level_is_checked_and_normalised() -> None:
    assert _settings(BOTK_LOG_LEVEL="debug").log_level == "DEBUG"
    assert _settings(BOTK_LOG_LEVEL="warn").log_level == "WARNING"
    with pytest.raises(SettingsError, match="BOTK_LOG_LEVEL"):
        _settings(BOTK_LOG_LEVEL="verbose")


def test_gunicorn_values_come_from_settings() -> None:
    settings = _settings(BOTK_WORKERS="3", BOTK_THREADS="8", BOTK_WORKER_TIMEOUT="30", BOTK_INSECURE="yes")
    gunicorn = (settings.workers, settings.threads, settings.worker_timeout, settings.insecure)
    assert gunicorn == (3, 8, 30, True)
    with pytest.raises(SettingsError, match="BOTK_WORKERS"):
        _settings(BOTK_WORKERS="0")


def test_every_limit_is_documented_with_its_default() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, default, _, _ in LIMITS.values():
        assert f"#{name}={default}\n" in example, name
        assert f"`{name}`" in readme, name


def test_an_invalid_level_stops_the_cli_with_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "botk_web.cli", "docs", "list"],
        cwd=tmp_path,
        env={"BOTK_LOG_LEVEL": "verbose", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "BOTK_LOG_LEVEL" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_gunicorn_config_reads_dotenv_and_refuses_bad_values_in_one_line(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "BOTK_WORKERS=3\nBOTK_THREADS=5\nBOTK_LOG_LEVEL=warning\n"
        "BOTK_REQUEST_READ_TIMEOUT=4\nBOTK_WORKER_CONNECTIONS=300\nBOTK_MAX_REQUESTS=200\n"
    )
    config = str(ROOT / "deploy" / "gunicorn.conf.py")
    probe = (
        f"import runpy; c = runpy.run_path({config!r}); "
        "print(c['workers'], c['threads'], c['loglevel'], c['logconfig_dict']['root']['level'], "
        "c['worker_connections'], c['max_requests'], c['max_requests_jitter'], "
        "c['BotkThreadWorker'].read_timeout, c['worker_class'])"
    )
    command = [sys.executable, "-c", probe]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.stdout.split() == [
        *("3", "5", "warning", "WARNING", "300", "200", "20", "4.0"),
        "botk_web.gunicorn_worker.BotkThreadWorker",
    ], done.stderr
    (tmp_path / ".env").write_text("BOTK_INSECURE=quizas\n")
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode != 0 and "BOTK_INSECURE" in done.stderr and "Traceback" not in done.stderr
