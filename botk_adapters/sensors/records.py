"""The original API BOTK's sensor record format to ``Reading``: strings, nulls and bad values."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from botk_core.domain import Reading
from botk_core.usecases.import_measurements import RejectedRecord

_VALUES = ("bateria", "humedad", "nivel", "temperatura")
_EARLIEST, _LATEST = 946_684_800, 4_102_444_800  # 2000-01-01 .. 2100-01-01, unix seconds


class BadRecord(ValueError):
    """A record that cannot become a reading; the message says why, in Spanish."""


def _number(raw: Any, field: str) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise BadRecord(f"{field} no es un número: {raw!r}")
    try:
        value = float(raw.strip().replace(",", ".")) if isinstance(raw, str) else float(raw)
    except (TypeError, ValueError):
        raise BadRecord(f"{field} no es un número: {raw!r}") from None
    if not math.isfinite(value):
        raise BadRecord(f"{field} no es un número finito: {raw!r}")
    return value


MAX_ID = 2**63 - 1  # SQLite's INTEGER
# Control, format (bidi overrides, zero-width), surrogate, private-use and line/paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


def _text(raw: Any, field: str) -> str:
    """A text field, refused when it hides characters: a name must read as it is stored."""
    text = str(raw or "").strip()
    hidden = next((c for c in text if unicodedata.category(c) in _INVISIBLE), None)
    if hidden is not None:
        raise BadRecord(f"{field} tiene un carácter invisible o de control (U+{ord(hidden):04X})")
    return text


def _id(raw: Any) -> int:
    # Whole-number strings are parsed exactly: through float, ids above 2**53 would collide.
    if isinstance(raw, str) and raw.strip().lstrip("+-").isdigit():
        value: int | None = int(raw.strip())
    else:
        number = _number(raw, "idDato")
        if number is not None and not number.is_integer():
            raise BadRecord(f"idDato no es un entero: {raw!r}")
        value = None if number is None else int(number)
    if value is None:
        raise BadRecord("falta idDato")
    if not 0 <= value <= MAX_ID:
        raise BadRecord(f"idDato fuera de rango: {raw!r}")
    return value


def parse_record(raw: Any) -> Reading:
    """One record as a ``Reading``; raises ``BadRecord`` with the reason."""
    if not isinstance(raw, Mapping):
        raise BadRecord("el registro no es un objeto")
    station = raw.get("estacion")
    if not isinstance(station, str) or not station.strip():
        raise BadRecord("falta estacion")
    timestamp = _number(raw.get("timestamp"), "timestamp")
    if timestamp is None:
        raise BadRecord("falta timestamp")
    if not _EARLIEST <= timestamp <= _LATEST:
        raise BadRecord(f"timestamp fuera de rango (se esperan segundos unix): {raw.get('timestamp')!r}")
    values = {field: _number(raw.get(field), field) for field in _VALUES}
    return Reading(
        id_dato=_id(raw.get("idDato")),
        estacion=_text(station, "estacion"),
        timestamp=timestamp,
        location=_text(raw.get("location"), "location"),
        dispositivo=_text(raw.get("dispositivo"), "dispositivo"),
        bateria=values["bateria"],
        humedad=values["humedad"],
        nivel=values["nivel"],
        temperatura=values["temperatura"],
    )


def parse_records(records: Iterable[Any]) -> tuple[list[Reading], list[RejectedRecord]]:
    """The valid readings and the rejected records with their reasons."""
    readings: list[Reading] = []
    rejected: list[RejectedRecord] = []
    for position, raw in enumerate(records, start=1):
        try:
            readings.append(parse_record(raw))
        except BadRecord as error:
            rejected.append(RejectedRecord(position, str(error)))
    return readings, rejected
