"""Dates, ages, durations and numbers the way people in Chile read them.

"hace 3 días, el 28 de abril de 2023 a las 05:02", "4 horas", "1,42 m".
"""

from __future__ import annotations

from datetime import datetime, tzinfo

MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
MINUTE, HOUR, DAY = 60.0, 3600.0, 86_400.0


def decimal(value: float, decimals: int = 2) -> str:
    """A number with a decimal comma: ``1.5`` -> ``"1,50"``."""
    return f"{value:.{decimals}f}".replace(".", ",")


def count(n: int, singular: str, plural: str) -> str:
    """``"1 lectura"``, ``"21 lecturas"``."""
    return f"{n} {singular if n == 1 else plural}"


def day(timestamp: float, zone: tzinfo) -> str:
    """``"28 de abril de 2023"``."""
    moment = datetime.fromtimestamp(timestamp, zone)
    return f"{moment.day} de {MONTHS[moment.month - 1]} de {moment.year}"


def day_of(iso_date: str) -> str:
    """``"2026-01-15"`` -> ``"15 de enero"``; anything else is returned as it came."""
    try:
        date = datetime.fromisoformat(iso_date)
    except ValueError:
        return iso_date
    return f"{date.day} de {MONTHS[date.month - 1]}"


def clock(timestamp: float, zone: tzinfo) -> str:
    """``"05:02"``, local time."""
    return datetime.fromtimestamp(timestamp, zone).strftime("%H:%M")


def moment(timestamp: float, zone: tzinfo) -> str:
    """``"28 de abril de 2023 a las 05:02"``."""
    hour = datetime.fromtimestamp(timestamp, zone).hour
    return f"{day(timestamp, zone)} a la{'' if hour == 1 else 's'} {clock(timestamp, zone)}"


def ago(seconds: float) -> str:
    """How long ago, in words: ``"hace 3 días"``, ``"hace 2 años"``."""
    seconds = max(0.0, seconds)
    if seconds < MINUTE:
        return "hace menos de un minuto"
    if seconds < HOUR:
        return "hace " + count(int(seconds // MINUTE), "minuto", "minutos")
    if seconds < 48 * HOUR:
        return "hace " + count(int(seconds // HOUR), "hora", "horas")
    days = int(seconds // DAY)
    if days < 60:
        return f"hace {days} días"
    if days < 365:
        return f"hace {days // 30} meses"
    return "hace " + count(days // 365, "año", "años")


def when(timestamp: float, now: float, zone: tzinfo) -> str:
    """``"hace 3 días, el 28 de abril de 2023 a las 05:02"``."""
    return f"{ago(now - timestamp)}, el {moment(timestamp, zone)}"


def duration(seconds: float) -> str:
    """A length of time rounded to what matters: ``"35 minutos"``, ``"4 horas"``, ``"3 días"``."""
    seconds = max(0.0, seconds)
    if seconds < HOUR:
        return count(max(1, round(seconds / MINUTE)), "minuto", "minutos")
    if seconds < 48 * HOUR:
        return count(round(seconds / HOUR), "hora", "horas")
    return count(round(seconds / DAY), "día", "días")


def period(since: float, until: float, zone: tzinfo) -> str:
    """``"del 21 al 28 de abril de 2023"``; one day: ``"el 28 de abril de 2023, de 02:10 a 06:15"``."""
    start, end = datetime.fromtimestamp(since, zone), datetime.fromtimestamp(until, zone)
    if start.date() == end.date():
        return f"el {day(since, zone)}, de {clock(since, zone)} a {clock(until, zone)}"
    if start.year != end.year:
        return f"del {day(since, zone)} al {day(until, zone)}"
    if start.month != end.month:
        return f"del {start.day} de {MONTHS[start.month - 1]} al {day(until, zone)}"
    return f"del {start.day} al {day(until, zone)}"


def span(since: float, until: float, zone: tzinfo) -> str:
    """An episode's time: ``"el 14 de septiembre, de 11:52 a 16:14"`` or ``"desde el ... hasta el ..."``."""
    if day(since, zone) == day(until, zone):
        return period(since, until, zone)
    return f"desde el {moment(since, zone)} hasta el {moment(until, zone)}"


def window_name(days: float) -> str:
    """``"la última hora"``, ``"las últimas 24 h"``, ``"las últimas 36 h"``, ``"los últimos 7 días"``."""
    hours = round(days * 24)
    if hours < 48 or hours % 24:
        return "la última hora" if hours == 1 else f"las últimas {max(1, hours)} h"
    return f"los últimos {hours // 24} días"
