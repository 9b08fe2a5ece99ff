"""Which environment variable sets which setting; each value is checked now.

A malformed value stops the start with the variable's name (``SettingsError``)
instead of failing later, in a request. ``d`` is the defaults' ``Settings()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botk_adapters.sensors.config import parse_rules, parse_stations
from botk_adapters.weather.places import parse_places
from botk_core.profile import DEFAULT_ASSISTANT_ID
from botk_web.env_values import Env, SettingsError, env_bool, env_int, env_level, env_list

if TYPE_CHECKING:
    from botk_web.settings import Settings


def service_values(env: Env, d: Settings) -> dict[str, Any]:
    """Storage, documents, sensors, weather, request budgets, logging and access."""
    return {
        "database_path": env.get("BOTK_DATABASE", d.database_path),
        "database_url": _database_url(env),
        "db_pool_min": env_int(env, "BOTK_DB_POOL_MIN", d.db_pool_min, 0, 1000),
        "db_pool_max": env_int(env, "BOTK_DB_POOL_MAX", 0, 0, 1000) or None,
        "documents_dir": env.get("BOTK_DOCUMENTS_DIR", d.documents_dir),
        "api_hash": env.get("API_HASH"),
        "weatherapi_key": env.get("WEATHERAPI_KEY"),
        "latex_template_path": env.get("LATEX_TEMPLATE_PATH"),
        "reports_dir": env.get("BOTK_REPORTS_DIR", d.reports_dir),
        "sensor_data_url": env.get("SENSOR_DATA_URL"),
        "weather_places": _places(env.get("BOTK_WEATHER_PLACES") or ""),
        "openmeteo_url": _base_url("BOTK_OPENMETEO_URL", env.get("BOTK_OPENMETEO_URL")),
        "stations": _checked("BOTK_STATIONS", env.get("BOTK_STATIONS") or "", parse_stations),
        "sensor_rules": _checked("BOTK_SENSOR_RULES", env.get("BOTK_SENSOR_RULES") or "", parse_rules),
        "sensor_refresh_minutes": env_int(env, "SENSOR_REFRESH_MINUTES", 0, 0, 7 * 24 * 60),
        "synthetic_data": env_bool(env, "BOTK_SYNTHETIC_DATA", d.synthetic_data),
        "max_message_chars": env_int(env, "BOTK_MAX_MESSAGE_CHARS", d.max_message_chars, 1, 10_000_000),
        "max_request_bytes": env_int(env, "BOTK_MAX_REQUEST_BYTES", d.max_request_bytes, 1024, 1 << 31),
        "log_level": env_level(env, "BOTK_LOG_LEVEL", d.log_level),
        "cors_origins": env_list(env, "BOTK_CORS_ORIGINS"),
        "rate_limit_per_minute": env_int(env, "BOTK_RATE_LIMIT", d.rate_limit_per_minute, 0, 10_000_000),
        "rate_limit_burst": env_int(env, "BOTK_RATE_LIMIT_BURST", d.rate_limit_burst, 1, 10_000_000),
        "trusted_proxies": env_int(env, "BOTK_TRUSTED_PROXIES", d.trusted_proxies, 0, 10),
        "log_messages": env_bool(env, "BOTK_LOG_MESSAGES", d.log_messages),
        "allow_document_admin": env_bool(env, "BOTK_ALLOW_DOCUMENT_ADMIN", d.allow_document_admin),
        "document_admin_key": env.get("BOTK_DOCUMENT_ADMIN_KEY"),
        "sensor_allow_private": env_bool(env, "BOTK_SENSOR_ALLOW_PRIVATE", d.sensor_allow_private),
    }


def model_values(env: Env, d: Settings) -> dict[str, Any]:
    """The model gateway, its provider's key and client, and the conversation's window."""
    api_key = env.get("OPEN_AI_API_KEY") or env.get("OPENAI_API_KEY")
    return {
        "gateway": env.get("BOTK_GATEWAY", "openai" if api_key else "local"),
        "assistant_id": env.get("ASSISTANT_ID", DEFAULT_ASSISTANT_ID),
        "vector_store_id": env.get("VECTOR_STORE_ID"),
        "openai_api_key": api_key,
        "history_window": env_int(env, "BOTK_HISTORY_WINDOW", d.history_window, 1, 1000),
        "max_thread_messages": env_int(env, "BOTK_MAX_THREAD_MESSAGES", 2000, 0, 10_000_000) or None,
        "max_tool_rounds": env_int(env, "BOTK_MAX_TOOL_ROUNDS", d.max_tool_rounds, 0, 50),
        "model": env.get("BOTK_MODEL", d.model),
        "openai_base_url": env.get("OPENAI_BASE_URL"),
        "openai_timeout": env_int(env, "BOTK_OPENAI_TIMEOUT", d.openai_timeout, 1, 3600),
        "openai_max_retries": env_int(env, "BOTK_OPENAI_MAX_RETRIES", d.openai_max_retries, 0, 10),
        "chat_tools": (env.get("BOTK_CHAT_TOOLS") or d.chat_tools).lower(),
    }


def server_values(env: Env, d: Settings) -> dict[str, Any]:
    """Where to listen, and gunicorn's processes, threads and timeouts."""
    return {
        "host": env.get("BOTK_HOST", d.host),
        "port": env_int(env, "PORT", d.port, 1, 65535),
        "workers": env_int(env, "BOTK_WORKERS", d.workers, 1, 64),
        "threads": env_int(env, "BOTK_THREADS", d.threads, 1, 1024),
        "worker_timeout": env_int(env, "BOTK_WORKER_TIMEOUT", d.worker_timeout, 1, 24 * 3600),
        "graceful_timeout": env_int(env, "BOTK_GRACEFUL_TIMEOUT", d.graceful_timeout, 0, 24 * 3600),
        "insecure": env_bool(env, "BOTK_INSECURE", d.insecure),
        "request_read_timeout": env_int(env, "BOTK_REQUEST_READ_TIMEOUT", d.request_read_timeout, 1, 3600),
        "worker_connections": env_int(env, "BOTK_WORKER_CONNECTIONS", d.worker_connections, 1, 100_000),
        "max_requests": env_int(env, "BOTK_MAX_REQUESTS", d.max_requests, 0, 1 << 31),
        "worker_max_rss_mb": env_int(env, "BOTK_WORKER_MAX_RSS_MB", d.worker_max_rss_mb, 0, 1 << 20),
    }


def _database_url(env: Env) -> str | None:
    """``BOTK_DATABASE_URL`` (or ``DATABASE_URL``): a ``postgresql://`` URL; the error never repeats it."""
    for name in ("BOTK_DATABASE_URL", "DATABASE_URL"):
        url = env.get(name)
        if url:
            if not url.startswith(("postgresql://", "postgres://")):
                raise SettingsError(f"{name} must be a postgresql://user:password@host:port/database URL")
            return url
    return None


def _checked(name: str, spec: str, parse: Callable[[str], object]) -> str:
    """Check a setting's text now, so a typo stops the start with the variable's name."""
    try:
        parse(spec)
    except ValueError as error:
        raise SettingsError(f"{name}: {error}") from None
    return spec


def _base_url(name: str, url: str | None) -> str | None:
    """An http(s) base URL, checked now so that a typo stops the start with the variable's name."""
    if url is None:
        return None
    if not url.startswith(("http://", "https://")) or len(url) < len("http://x"):
        raise SettingsError(f"{name}: debe ser una URL http:// o https://, no {url!r}")
    return url.rstrip("/")


def _places(spec: str) -> str:
    """Check ``BOTK_WEATHER_PLACES`` now, so a typo stops the start with its name."""
    try:
        parse_places(spec)
    except ValueError as error:
        raise SettingsError(f"BOTK_WEATHER_PLACES: {error}") from None
    return spec
