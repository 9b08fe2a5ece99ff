"""Typed reading of environment values: numbers, booleans and log levels, each error naming its variable."""

from __future__ import annotations

from collections.abc import Mapping

Env = Mapping[str, str | None]

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A configuration value is invalid; the message names the variable."""


def env_int(env: Env, name: str, default: int, low: int, high: int) -> int:
    """A whole number between ``low`` and ``high`` (both included)."""
    raw = env.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        raise SettingsError(f"{name} debe ser un número entero, no {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} debe estar entre {low} y {high}, no {value}")
    return value


def env_bool(env: Env, name: str, default: bool) -> bool:
    """1/0, true/false, yes/no, on/off in any case; anything else is an error, never a guess."""
    raw = env.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SettingsError(f"{name} debe ser 1/0, true/false, yes/no u on/off, no {raw!r}")


def env_level(env: Env, name: str, default: str) -> str:
    """A logging level name (DEBUG, INFO, WARNING, ERROR, CRITICAL)."""
    raw = env.get(name)
    if raw is None:
        return default
    level = raw.strip().upper()
    if level == "WARN":
        level = "WARNING"
    if level not in LOG_LEVELS:
        raise SettingsError(f"{name} debe ser uno de {', '.join(LOG_LEVELS)}, no {raw!r}")
    return level


def env_list(env: Env, name: str) -> tuple[str, ...]:
    """Comma-separated values, blanks dropped."""
    return tuple(item.strip() for item in (env.get(name) or "").split(",") if item.strip())
