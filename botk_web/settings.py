"""Settings: built once from the environment and ``.env``; the only reader of os.environ."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs
from dotenv import dotenv_values

from botk_adapters.sensors.config import parse_rules, parse_stations
from botk_adapters.weather.places import parse_places
from botk_core.profile import DEFAULT_ASSISTANT_ID


class SettingsError(ValueError):
    """A configuration value is invalid; the message names the variable."""


@attrs.frozen
class Settings:
    """Everything configurable, with defaults that run offline."""

    gateway: str = "local"
    database_path: str = "var/botk.sqlite3"
    documents_dir: str = "documentos_macaya"
    host: str = "127.0.0.1"
    port: int = 5001
    assistant_id: str = DEFAULT_ASSISTANT_ID
    vector_store_id: str | None = None
    openai_api_key: str | None = attrs.field(default=None, repr=False)
    api_hash: str | None = attrs.field(default=None, repr=False)
    weatherapi_key: str | None = attrs.field(default=None, repr=False)
    latex_template_path: str | None = None
    reports_dir: str = "var/reports"
    sensor_data_url: str | None = None
    weather_places: str = ""
    stations: str = ""
    sensor_rules: str = ""
    sensor_refresh_minutes: int = 0
    synthetic_data: bool = True
    max_message_chars: int = 32_000
    max_request_bytes: int = 16 * 1024 * 1024
    history_window: int = 20
    max_thread_messages: int | None = 2000
    max_tool_rounds: int = 5
    log_level: str = "INFO"
    # Production hardening: CORS allowlist, per-client rate limit, logs.
    cors_origins: tuple[str, ...] = ()
    rate_limit_per_minute: int = 120
    rate_limit_burst: int = 60
    trusted_proxies: int = 0
    log_messages: bool = False
    model: str = "gpt-4o"
    openai_base_url: str | None = None
    openai_timeout: int = 60
    openai_max_retries: int = 2
    chat_tools: str = "auto"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv_path: str | None = ".env") -> Settings:
        """Read settings; real environment variables win over ``.env``."""
        values: dict[str, str | None] = {}
        if dotenv_path and Path(dotenv_path).is_file():
            values.update(dotenv_values(dotenv_path))
        values.update(os.environ if environ is None else environ)
        env = {k: v for k, v in values.items() if v not in (None, "")}
        d = cls()
        api_key = env.get("OPEN_AI_API_KEY") or env.get("OPENAI_API_KEY")
        return cls(
            gateway=env.get("BOTK_GATEWAY", "openai" if api_key else "local"),
            database_path=env.get("BOTK_DATABASE", d.database_path),
            documents_dir=env.get("BOTK_DOCUMENTS_DIR", d.documents_dir),
            host=env.get("BOTK_HOST", d.host),
            port=_int(env, "PORT", d.port, 1, 65535),
            assistant_id=env.get("ASSISTANT_ID", DEFAULT_ASSISTANT_ID),
            vector_store_id=env.get("VECTOR_STORE_ID"),
            openai_api_key=api_key,
            api_hash=env.get("API_HASH"),
            weatherapi_key=env.get("WEATHERAPI_KEY"),
            latex_template_path=env.get("LATEX_TEMPLATE_PATH"),
            reports_dir=env.get("BOTK_REPORTS_DIR", d.reports_dir),
            sensor_data_url=env.get("SENSOR_DATA_URL"),
            weather_places=_places(env.get("BOTK_WEATHER_PLACES") or ""),
            stations=_checked("BOTK_STATIONS", env.get("BOTK_STATIONS") or "", parse_stations),
            sensor_rules=_checked("BOTK_SENSOR_RULES", env.get("BOTK_SENSOR_RULES") or "", parse_rules),
            sensor_refresh_minutes=_int(env, "SENSOR_REFRESH_MINUTES", 0, 0, 7 * 24 * 60),
            synthetic_data=env.get("BOTK_SYNTHETIC_DATA", "1").lower() not in ("0", "false", "no"),
            max_message_chars=_int(env, "BOTK_MAX_MESSAGE_CHARS", d.max_message_chars, 1, 10_000_000),
            max_request_bytes=_int(env, "BOTK_MAX_REQUEST_BYTES", d.max_request_bytes, 1024, 1 << 31),
            history_window=_int(env, "BOTK_HISTORY_WINDOW", d.history_window, 1, 1000),
            max_thread_messages=_int(env, "BOTK_MAX_THREAD_MESSAGES", 2000, 0, 10_000_000) or None,
            max_tool_rounds=_int(env, "BOTK_MAX_TOOL_ROUNDS", d.max_tool_rounds, 0, 50),
            log_level=env.get("BOTK_LOG_LEVEL", d.log_level).upper(),
            cors_origins=tuple(o.strip() for o in env.get("BOTK_CORS_ORIGINS", "").split(",") if o.strip()),
            rate_limit_per_minute=_int(env, "BOTK_RATE_LIMIT", d.rate_limit_per_minute, 0, 10_000_000),
            rate_limit_burst=_int(env, "BOTK_RATE_LIMIT_BURST", d.rate_limit_burst, 1, 10_000_000),
            trusted_proxies=_int(env, "BOTK_TRUSTED_PROXIES", d.trusted_proxies, 0, 10),
            log_messages=env.get("BOTK_LOG_MESSAGES", "0").lower() in ("1", "true", "yes"),
            model=env.get("BOTK_MODEL", d.model),
            openai_base_url=env.get("OPENAI_BASE_URL"),
            openai_timeout=_int(env, "BOTK_OPENAI_TIMEOUT", d.openai_timeout, 1, 3600),
            openai_max_retries=_int(env, "BOTK_OPENAI_MAX_RETRIES", d.openai_max_retries, 0, 10),
            chat_tools=env.get("BOTK_CHAT_TOOLS", d.chat_tools).lower(),
        )


def _int(env: Mapping[str, str | None], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _checked(name: str, spec: str, parse: Callable[[str], object]) -> str:
    """Check a setting's text now, so a typo stops the start with the variable's name."""
    try:
        parse(spec)
    except ValueError as error:
        raise SettingsError(f"{name}: {error}") from None
    return spec


def _places(spec: str) -> str:
    """Check ``BOTK_WEATHER_PLACES`` now, so a typo stops the start with its name."""
    try:
        parse_places(spec)
    except ValueError as error:
        raise SettingsError(f"BOTK_WEATHER_PLACES: {error}") from None
    return spec
