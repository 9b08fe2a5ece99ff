"""Dates written out in a question: a range, since, until, one day, a month or a year.

"del 1 al 15 de septiembre de 2023", "desde el 10 de enero", "14/09/2023",
"en septiembre" (the last September begun), "09/2023", "en 2023". A date
without its year is the latest one not in the future, and says so
(``anio_supuesto``): with no data then, the tool looks at the same dates of
the latest earlier year that has data.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from botk_core.phrasing import MONTHS
from botk_core.tools.averages import ASSUMED_YEAR

_MONTH = "|".join(MONTHS)
# "en dic", "de sept": a month cut short, only after a word that says a date follows.
_SHORT = {m[:3]: m for m in MONTHS} | {"sept": "septiembre", "set": "septiembre"}
_SHORT_MONTH = re.compile(
    rf"\b(?:en|de|del|durante|el mes de)\s+({'|'.join(sorted(_SHORT, key=len, reverse=True))})\b"
)
Found = tuple[dict[str, Any], tuple[int, int]]

_DAY_OF = rf"(\d{{1,2}})\s+(?:de\s+)?({_MONTH})(?:(?:\s+(?:de|del))?\s+((?:19|20)\d\d))?"
_RANGE_SAME_MONTH = re.compile(
    rf"\b(?:del|entre el|desde el)\s+(\d{{1,2}})\s+(?:al|y el|hasta el)\s+{_DAY_OF}"
)
_RANGE = re.compile(rf"\b(?:del|entre el|desde el)\s+{_DAY_OF}\s+(?:al|y el|hasta el)\s+{_DAY_OF}")
_SINCE = re.compile(rf"\bdesde\s+el\s+{_DAY_OF}")
_UNTIL = re.compile(rf"\bhasta\s+el\s+{_DAY_OF}")
_ONE_DAY = re.compile(rf"\b(?:el\s+)?{_DAY_OF}")
_NUMERIC = re.compile(r"\b(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2}))\b")
# "de enero a marzo de 2023", "entre octubre y diciembre": whole months, the year said once or not at all.
_MONTH_RANGE = re.compile(
    rf"\b(?:de|desde|entre)\s+({_MONTH})(?:\s+(?:de|del)?\s*(\d{{4}}))?\s+(?:a|al|hasta|y)\s+({_MONTH})"
    rf"(?:\s+(?:de|del)?\s*(\d{{4}}))?\b"
)
_MONTH_ONLY = re.compile(
    rf"\b(?:(?:en|de|durante|del mes de|el mes de)\s+)?({_MONTH})(?:\s+(?:de|del)?\s*(\d{{4}}))?\b"
)
_YEAR = re.compile(r"\b(?:en|del|de|durante|el ano)\s+((?:19|20)\d\d)\b")
# "11/2026", "03-2023", "2023-03": a month and its year in figures.
_MONTH_NUMERIC = re.compile(
    r"\b(?:(0?[1-9]|1[0-2])[/-]((?:19|20)\d\d)|((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]))\b(?![/-]\d)"
)
ASSUMED = ASSUMED_YEAR


def dated(text: str, today: date) -> Found | None:
    """Dates written out: a range, since, until, one day, a month or a year."""
    match = _RANGE.search(text)
    if match:
        first, last = _day(match, 1, today), _day(match, 4, today)
        return _assumed(_between(first, last, match.span()), not (match.group(3) or match.group(6)))
    match = _RANGE_SAME_MONTH.search(text)
    if match:
        last = _day(match, 2, today)
        first = _safe_date(last.year, last.month, int(match.group(1))) if last else None
        return _assumed(_between(first, last, match.span()), not match.group(4))
    for pattern, since in ((_SINCE, True), (_UNTIL, False)):
        match = pattern.search(text)
        if match and (day := _day(match, 1, today)):
            return (dates(day, None) if since else {"hasta": day.isoformat()}, match.span())
    match = _NUMERIC.search(text)
    if match and (day := _numeric(match)):
        return (dates(day, day), match.span())
    match = _ONE_DAY.search(text)
    if match and (day := _day(match, 1, today)):
        return _assumed((dates(day, day), match.span()), not match.group(3))
    return _month_or_year(text, today)


def _assumed(found: Found | None, assumed: bool) -> Found | None:
    """``found`` marked as having a year the question did not say."""
    if found is None or not assumed:
        return found
    return ({**found[0], ASSUMED: True}, found[1])


def _month_or_year(text: str, today: date) -> Found | None:
    match = _MONTH_RANGE.search(text)
    if match:
        return _months(match, today)
    match = _MONTH_NUMERIC.search(text)
    if match:
        month, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        return (_whole_month(int(year), int(month)), match.span())
    match = _MONTH_ONLY.search(text) or _SHORT_MONTH.search(text)
    if match:
        month = MONTHS.index(_SHORT.get(match.group(1), match.group(1))) + 1
        year_said = match.group(2) if match.re is _MONTH_ONLY else None
        year = int(year_said) if year_said else today.year - (month > today.month)
        return _assumed((_whole_month(year, month), match.span()), not year_said)
    match = _YEAR.search(text)
    if match:
        year = int(match.group(1))
        return (dates(date(year, 1, 1), date(year, 12, 31)), match.span())
    return None


def _months(match: re.Match[str], today: date) -> Found | None:
    """From the first day of the first month to the last day of the last one."""
    first, last = MONTHS.index(match.group(1)) + 1, MONTHS.index(match.group(3)) + 1
    said = match.group(4) or match.group(2)
    last_year = int(said) if said else today.year - (last > today.month)
    first_year = int(match.group(2)) if match.group(2) else last_year - (first > last)
    since, until = _whole_month(first_year, first), _whole_month(last_year, last)
    return _assumed(({"desde": since["desde"], "hasta": until["hasta"]}, match.span()), not said)


def _whole_month(year: int, month: int) -> dict[str, str]:
    first = date(year, month, 1)
    return dates(first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1))


def _between(first: date | None, last: date | None, span: tuple[int, int]) -> Found | None:
    if first is None or last is None:
        return None
    if first > last and first.year == last.year:
        first = first.replace(year=first.year - 1)  # "del 20 de diciembre al 5 de enero"
    return (dates(min(first, last), max(first, last)), span)


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
    year = match.group(6)
    return _safe_date(int(year) + (2000 if len(year) == 2 else 0), int(match.group(5)), int(match.group(4)))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dates(first: date, last: date | None) -> dict[str, str]:
    dates = {"desde": first.isoformat()}
    return {**dates, "hasta": last.isoformat()} if last else dates
