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

from botk_adapters.local.route_dates import dated, dates
from botk_core.phrasing import MONTHS

_NUMBERS = {
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
}  # fmt: skip
_NUM = rf"(\d{{1,5}}|{'|'.join(_NUMBERS)})"
_UNIT = r"(horas?|hrs?|h|dias?|semanas?|mes|meses|anos?)"
_WEEKDAYS = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
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
_SINCE_WEEKDAY = re.compile(rf"\bdesde\s+el\s+({'|'.join(_WEEKDAYS)})\b")
_WEEKDAY = re.compile(rf"\bel\s+({'|'.join(_WEEKDAYS)})(\s+pasado)?\b")
_NAMED = {
    "hoy": re.compile(r"\b(?:el dia de )?hoy(?: dia)?\b"),
    "ayer": re.compile(r"\b(?<!antes de )ayer\b"),
    "anteayer": re.compile(r"\b(?:anteayer|antier|antes de ayer)\b"),
    "esta semana": re.compile(r"\besta semana\b"),
    "semana antepasada": re.compile(r"\b(?:la )?semana antepasada\b"),
    "semana pasada": re.compile(r"\b(?:la )?semana pasada\b"),
    "este mes": re.compile(r"\beste mes\b"),
    "mes antepasado": re.compile(r"\b(?:el |del )?mes antepasado\b"),
    "mes pasado": re.compile(r"\b(?:el |del )?mes pasado\b"),
    "este ano": re.compile(r"\beste ano\b"),
    "ano antepasado": re.compile(r"\b(?:el |del )?ano antepasado\b"),
    "ano pasado": re.compile(r"\b(?:el |del )?ano pasado\b"),
}
# "la semana anterior", "el día antes", "y la anterior?": the window before the one just asked about
# (on its own, "la semana anterior" is last week).
_BEFORE = re.compile(
    r"\b(?:(?:la|el|del|los|las)\s+)?(?:(semana|mes|dia|ano)s?\s+)?(?:anterior(?:es)?|antes|previ[oa]s?)\b"
    r"(?!\s+de\b)"
)
_ON_ITS_OWN = {"semana": "semana pasada", "mes": "mes pasado", "dia": "ayer", "ano": "ano pasado"}
# Words that say "when": left over after the windows above, they are a window BOTK does not know.
TIME_WORDS = frozenset(
    {
        "hora", "horas", "dia", "dias", "semana", "semanas", "mes", "meses", "ano", "anos", "quincena",
        "trimestre", "semestre", "anoche", "madrugada", "manana", "tarde", "noche", "finde", "desde",
        "hasta", "pasado", "pasada", "anterior", "antepasado", "antepasada", *_WEEKDAYS, *MONTHS,
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
    # "la semana anterior", "el día antes": the window before the last one asked about, of this
    # unit ("" for the same unit); ``arguments`` hold what the words mean on their own.
    back: str | None = None
    # "ayer", "la semana pasada", "el lunes": dates named from today (with no data then, the
    # average may look at a period like it that ends with the last data).
    relative: bool = False


@attrs.frozen
class UnknownWindow:
    """Time words that name no window BOTK can compute ("la quincena", "anoche")."""

    words: str


def find_window(text: str, now: float, zone: tzinfo) -> WindowWords | UnknownWindow | None:
    """The window ``text`` (folded) names; an UnknownWindow for time words left unexplained."""
    today = datetime.fromtimestamp(now, zone).date()
    written = dated(text, today)
    found = (
        WindowWords(*written) if written else _relative(text) or _before(text, today) or _named(text, today)
    )
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


def _before(text: str, today: date) -> WindowWords | None:
    match = _BEFORE.search(text)
    if not match:
        return None
    unit = match.group(1) or ""
    own = _ON_ITS_OWN.get(unit)
    arguments = dates(*_named_dates(own, today)[:2]) if own else {}
    return WindowWords(arguments, match.span(), back=unit, relative=bool(own))


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
            return WindowWords(dates(day, None if pattern is _SINCE_WEEKDAY else day), span, relative=True)
    for name, pattern in _NAMED.items():
        match = pattern.search(text)
        if match:
            first, last, present = _named_dates(name, today)
            if name == "esta semana":
                return WindowWords({"dias": 7}, match.span(), present=True)
            return WindowWords(dates(first, last), match.span(), present, relative=True)
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
        "semana antepasada": (monday - timedelta(days=14), monday - timedelta(days=8), False),
        "este mes": (first_of_month, None, True),
        "mes pasado": (previous_month_end.replace(day=1), previous_month_end, False),
        "mes antepasado": (
            _month_before(previous_month_end.replace(day=1)),
            _month_end_before(previous_month_end.replace(day=1)),
            False,
        ),
        "este ano": (today.replace(month=1, day=1), None, True),
        "ano pasado": (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), False),
        "ano antepasado": (date(today.year - 2, 1, 1), date(today.year - 2, 12, 31), False),
    }[name]


def _month_end_before(first: date) -> date:
    """The last day of the month before the one that starts on ``first``."""
    return first - timedelta(days=1)


def _month_before(first: date) -> date:
    """The first day of the month before the one that starts on ``first``."""
    return _month_end_before(first).replace(day=1)
