"""Query parameters of the station routes: times, bucket sizes and days, with clear 400s."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import datetime, tzinfo

from botk_core.errors import InvalidInput

DAY = 86_400.0
DEFAULT_DAYS = 7
MAX_DAYS = 366
MAX_POINTS = 2000
MIN_EVERY_S = 60
EARLIEST, LATEST = 946_684_800.0, 4_102_444_800.0  # 2000-01-01 .. 2100-01-01, as readings are
_EVERY = re.compile(r"^\s*(\d{1,9})\s*(s|m|min|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86_400}
_UNIX = re.compile(r"^\s*\d{9,11}(?:\.\d+)?\s*$")


def parse_time(raw: str, name: str, zone: tzinfo) -> float:
    """An ISO 8601 date or time (local when it has no offset) or unix seconds, 2000-2100."""
    problem = f"{name} debe ser una fecha ISO 8601 (2023-04-28 o 2023-04-28T05:02) o segundos unix"
    if _UNIX.match(raw):
        value = float(raw)
    else:
        try:
            moment = datetime.fromisoformat(raw.strip())
            value = (moment if moment.tzinfo else moment.replace(tzinfo=zone)).timestamp()
        except (ValueError, OverflowError, OSError):
            raise InvalidInput(problem) from None
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput(f"{name} debe estar entre los años 2000 y 2100")
    return value


def parse_every(raw: str) -> float:
    """``"15m"``, ``"1h"``, ``"1d"`` or seconds; at least a minute."""
    match = _EVERY.match(raw)
    if not match:
        raise InvalidInput("every debe ser un intervalo como 15m, 1h o 1d (o segundos)")
    seconds = int(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]
    if seconds < MIN_EVERY_S:
        raise InvalidInput(f"every debe ser de al menos {MIN_EVERY_S} segundos")
    return float(seconds)


def parse_days(args: Mapping[str, str]) -> int:
    raw = (args.get("days") or "").strip()
    if not raw:
        return DEFAULT_DAYS
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_DAYS:
        raise InvalidInput(f"days debe ser un número entero entre 1 y {MAX_DAYS}")
    return int(raw)


def reading_window(
    args: Mapping[str, str], end: float, zone: tzinfo
) -> tuple[float, float, float, float | None]:
    """``(since, until, every, every asked)``; by default the last 7 days up to ``end``, every hour or more.

    A span over ``MAX_DAYS`` or reversed is a 400; a bucket too small for the span is
    widened so that the answer has at most ``MAX_POINTS`` points (the answer says so).
    """
    until = parse_time(args["to"], "to", zone) if args.get("to") else end
    since = parse_time(args["from"], "from", zone) if args.get("from") else until - DEFAULT_DAYS * DAY
    if not since < until:
        raise InvalidInput("from debe ser anterior a to")
    if until - since > MAX_DAYS * DAY:
        raise InvalidInput(f"el período pedido supera {MAX_DAYS} días")
    smallest = max(MIN_EVERY_S, math.ceil((until - since) / MAX_POINTS / MIN_EVERY_S) * MIN_EVERY_S)
    asked = parse_every(args["every"]) if args.get("every") else None
    every = asked if asked is not None else max(3600.0, smallest)
    return since, until, max(every, float(smallest)), asked
