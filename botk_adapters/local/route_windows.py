"""Time windows in a question, as ``get_promedio`` arguments: "las últimas 24 h", "ayer", "en septiembre".

Relative windows become ``horas``/``dias``; calendar ones (today, yesterday,
last month, a month, a date or a range of dates) become local ``desde``/``hasta``
dates, resolved against the clock. A time phrase that is none of these is
reported as such, so that the answer says so instead of using all the data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

import attrs

from botk_core.phrasing import MONTHS

_NUMBERS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
}  # fmt: skip
_NUM = rf"(\d{{1,5}}|{'|'.join(_NUMBERS)})"
_UNIT = r"(horas?|hrs?|h|dias?|semanas?|mes|meses|anos?)"
_MONTH = "|".join(MONTHS)
_WEEKDAYS = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
_DAY_OF = rf"(\d{{1,2}})\s+de\s+({_MONTH})(?:\s+(?:de|del)\s+(\d{{4}}))?"
_SINGULAR = {
    "hora": ("horas", 1),
    "dia": ("dias", 1),
    "semana": ("dias", 7),
    "mes": ("dias", 30),
    "ano": ("dias", 365),
}

_RELATIVE = re.compile(
    rf"\b(?:(?:las|los|la|el)\s+)?(?:(ultim[oa]s|pasad[oa]s)\s+)?{_NUM}\s*{_UNIT}\b(?:\s+(?:pasad[oa]s|atras))?"
)
_LAST_ONE = re.compile(r"\b(?:(?:la|el|del)\s+)?ultim[oa]\s+(hora|dia|semana|mes|ano)\b")
_LAST_FEW = re.compile(r"\b(?:(?:las|los)\s+)?ultim[oa]s\s+(horas|dias)\b")
_RANGE_SAME_MONTH = re.compile(
    rf"\b(?:del|entre el|desde el)\s+(\d{{1,2}})\s+(?:al|y el|hasta el)\s+{_DAY_OF}"
)
_RANGE = re.compile(rf"\b(?:del|entre el|desde el)\s+{_DAY_OF}\s+(?:al|y el|hasta el)\s+{_DAY_OF}")
_SINCE = re.compile(rf"\bdesde\s+el\s+{_DAY_OF}")
_UNTIL = re.compile(rf"\bhasta\s+el\s+{_DAY_OF}")
_ONE_DAY = re.compile(rf"\b(?:el\s+)?{_DAY_OF}")
_NUMERIC = re.compile(r"\b(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}))\b")
_MONTH_ONLY = re.compile(
    rf"\b(?:(?:en|de|durante|del mes de|el mes de)\s+)?({_MONTH})(?:\s+(?:de|del)?\s*(\d{{4}}))?\b"
)
_YEAR = re.compile(r"\b(?:en|del|de|durante|el ano)\s+((?:19|20)\d\d)\b")
_SINCE_WEEKDAY = re.compile(rf"\bdesde\s+el\s+({'|'.join(_WEEKDAYS)})\b")
_WEEKDAY = re.compile(rf"\bel\s+({'|'.join(_WEEKDAYS)})(\s+pasado)?\b")
_NAMED = {
    "hoy": re.compile(r"\b(?:el dia de )?hoy(?: dia)?\b"),
    "ayer": re.compile(r"\b(?<!antes de )ayer\b"),
    "anteayer": re.compile(r"\b(?:anteayer|antier|antes de ayer)\b"),
    "esta semana": re.compile(r"\besta semana\b"),
    "semana pasada": re.compile(r"\b(?:la )?semana (?:pasada|anterior)\b"),
    "este mes": re.compile(r"\beste mes\b"),
    "mes pasado": re.compile(r"\b(?:el |del )?mes (?:pasado|anterior)\b"),
    "este ano": re.compile(r"\beste ano\b"),
    "ano pasado": re.compile(r"\b(?:el |del )?ano (?:pasado|anterior)\b"),
}
# Words that say "when": left over after the windows above, they are a window BOTK does not know.
TIME_WORDS = frozenset(
    {
        "hora", "horas", "dia", "dias", "semana", "semanas", "mes", "meses", "ano", "anos", "quincena",
        "trimestre", "semestre", "anoche", "madrugada", "manana", "tarde", "noche", "finde", "desde",
        "hasta", "pasado", "pasada", "anterior", *_WEEKDAYS, *MONTHS,
    }
)  # fmt: skip
_NOT_TIME = re.compile(
    r"\b(?:buen[oa]s (?:dias|tardes|noches)|por (?:dia|hora|mes)|al dia|cada (?:dia|hora)|dia a dia)\b"
)


@attrs.frozen
class WindowWords:
    """A window the question names: its tool arguments and where the text says it."""

    arguments: Mapping[str, Any]
    span: tuple[int, int]
    # "hoy", "esta semana", "este mes": the present, which a diagnosis looks at anyway.
    present: bool = False


@attrs.frozen
class UnknownWindow:
    """Time words that name no window BOTK can compute ("la quincena", "anoche")."""

    words: str


def find_window(text: str, now: float, zone: tzinfo) -> WindowWords | UnknownWindow | None:
    """The window ``text`` (folded) names; an UnknownWindow for time words left unexplained."""
    today = datetime.fromtimestamp(now, zone).date()
    found = _dated(text, today) or _relative(text) or _named(text, today)
    rest = text if found is None else text[: found.span[0]] + " " + text[found.span[1] :]
    unknown = [w for w in re.findall(r"[a-z]+", _NOT_TIME.sub(" ", rest)) if w in TIME_WORDS]
    if unknown:
        return UnknownWindow(" ".join(dict.fromkeys(unknown)))
    return found


def _relative(text: str) -> WindowWords | None:
    for pattern in (_LAST_ONE, _LAST_FEW):
        match = pattern.search(text)
        if match:
            unit = match.group(1)
            if unit in ("horas", "dias"):
                return WindowWords({unit: 24 if unit == "horas" else 7}, match.span())
            key, size = _SINGULAR[unit]
            return WindowWords({key: size}, match.span())
    match = _RELATIVE.search(text)
    if not match:
        return None
    raw, unit = match.group(2), match.group(3)
    number = _NUMBERS.get(raw) or int(raw)
    if unit.startswith("h"):
        return WindowWords({"horas": min(number, 87_600)}, match.span()) if number else None
    size = {"d": 1, "s": 7, "m": 30, "a": 365}[unit[0]]
    return WindowWords({"dias": min(number * size, 3650)}, match.span()) if number else None


def _named(text: str, today: date) -> WindowWords | None:
    for pattern in (_SINCE_WEEKDAY, _WEEKDAY):
        match = pattern.search(text)
        if match:
            back = (today.weekday() - _WEEKDAYS.index(match.group(1))) % 7
            if pattern is _WEEKDAY and back == 0 and match.group(2):
                back = 7  # "el lunes pasado", said on a Monday
            day = today - timedelta(days=back)
            end = _NAMED["hoy"].search(text, match.end())  # "desde el lunes hasta hoy"
            span = (match.start(), end.end() if end else match.end())
            return WindowWords(_dates(day, None if pattern is _SINCE_WEEKDAY else day), span)
    for name, pattern in _NAMED.items():
        match = pattern.search(text)
        if match:
            first, last, present = _named_dates(name, today)
            if name == "esta semana":
                return WindowWords({"dias": 7}, match.span(), present=True)
            return WindowWords(_dates(first, last), match.span(), present)
    return None


def _named_dates(name: str, today: date) -> tuple[date, date | None, bool]:
    first_of_month = today.replace(day=1)
    previous_month_end = first_of_month - timedelta(days=1)
    monday = today - timedelta(days=today.weekday())
    return {
        "hoy": (today, None, True),
        "ayer": (today - timedelta(days=1), today - timedelta(days=1), False),
        "anteayer": (today - timedelta(days=2), today - timedelta(days=2), False),
        "esta semana": (monday, None, True),
        "semana pasada": (monday - timedelta(days=7), monday - timedelta(days=1), False),
        "este mes": (first_of_month, None, True),
        "mes pasado": (previous_month_end.replace(day=1), previous_month_end, False),
        "este ano": (today.replace(month=1, day=1), None, True),
        "ano pasado": (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), False),
    }[name]


def _dated(text: str, today: date) -> WindowWords | None:
    """Dates written out: a range, since, until, one day, a month or a year."""
    match = _RANGE.search(text)
    if match:
        first, last = _day(match, 1, today), _day(match, 4, today)
        return _between(first, last, match.span())
    match = _RANGE_SAME_MONTH.search(text)
    if match:
        last = _day(match, 2, today)
        first = _safe_date(last.year, last.month, int(match.group(1))) if last else None
        return _between(first, last, match.span())
    for pattern, since in ((_SINCE, True), (_UNTIL, False)):
        match = pattern.search(text)
        if match and (day := _day(match, 1, today)):
            return WindowWords(_dates(day, None) if since else {"hasta": day.isoformat()}, match.span())
    match = _NUMERIC.search(text)
    if match and (day := _numeric(match)):
        return WindowWords(_dates(day, day), match.span())
    match = _ONE_DAY.search(text)
    if match and (day := _day(match, 1, today)):
        return WindowWords(_dates(day, day), match.span())
    return _month_or_year(text, today)


def _month_or_year(text: str, today: date) -> WindowWords | None:
    match = _MONTH_ONLY.search(text)
    if match:
        month = MONTHS.index(match.group(1)) + 1
        year = int(match.group(2)) if match.group(2) else today.year - (month > today.month)
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return WindowWords(_dates(first, last), match.span())
    match = _YEAR.search(text)
    if match:
        year = int(match.group(1))
        return WindowWords(_dates(date(year, 1, 1), date(year, 12, 31)), match.span())
    return None


def _between(first: date | None, last: date | None, span: tuple[int, int]) -> WindowWords | None:
    if first is None or last is None:
        return None
    if first > last and first.year == last.year:
        first = first.replace(year=first.year - 1)  # "del 20 de diciembre al 5 de enero"
    return WindowWords(_dates(min(first, last), max(first, last)), span)


def _day(match: re.Match[str], group: int, today: date) -> date | None:
    """The date of groups ``group`` (day), ``group + 1`` (month), ``group + 2`` (year, optional)."""
    day, month, year = match.group(group), match.group(group + 1), match.group(group + 2)
    number = MONTHS.index(month) + 1
    if year:
        return _safe_date(int(year), number, int(day))
    found = _safe_date(today.year, number, int(day))
    if found and found > today:
        found = _safe_date(today.year - 1, number, int(day))
    return found


def _numeric(match: re.Match[str]) -> date | None:
    if match.group(1):
        return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return _safe_date(int(match.group(6)), int(match.group(5)), int(match.group(4)))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dates(first: date, last: date | None) -> dict[str, str]:
    dates = {"desde": first.isoformat()}
    return {**dates, "hasta": last.isoformat()} if last else dates
