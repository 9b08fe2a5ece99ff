"""What the quality checks left out, said in Spanish, and whether a sensor looks wrong."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from botk_core.domain import MEASURED, MISSING, Flag, LeftOut, Reading
from botk_core.sensors.spanish import count

_REASONS = {
    MISSING: ("lectura de {f} sin medición", "lecturas de {f} sin medición"),
    Flag.OUT_OF_BOUNDS: ("lectura de {f} fuera del rango posible", "lecturas de {f} fuera del rango posible"),
    Flag.SPIKE: ("pico aislado de {f}", "picos aislados de {f}"),
    Flag.UNCONFIRMED: ("salto brusco de {f} aún sin confirmar", "saltos bruscos de {f} aún sin confirmar"),
    Flag.FLAT: (
        "lectura de {f} de un sensor pegado en un valor",
        "lecturas de {f} de un sensor pegado en un valor",
    ),
}
_ORDER = ("nivel", "humedad", "temperatura")


def left_out_of(readings: Sequence[Reading]) -> tuple[LeftOut, ...]:
    """How many values of each field the readings leave out, and why.

    A field missing from every reading is not measured there at all: it is not reported.
    """
    counts: dict[tuple[str, str], int] = {}
    for reading in readings:
        for field in MEASURED:
            flag = reading.flags.of(field)
            reason = MISSING if getattr(reading, field) is None else (flag.value if flag else None)
            if reason is not None:
                counts[field, reason] = counts.get((field, reason), 0) + 1
    return ordered(
        LeftOut(field, reason, n)
        for (field, reason), n in counts.items()
        if not (reason == MISSING and n == len(readings))
    )


def ordered(items: Iterable[LeftOut]) -> tuple[LeftOut, ...]:
    """Level first, then humidity and temperature; missing values before flagged ones."""
    reasons = [str(reason) for reason in _REASONS]
    return tuple(sorted(items, key=lambda i: (_ORDER.index(i.field), reasons.index(i.reason))))


def left_out_list(left_out: Sequence[LeftOut]) -> str | None:
    """``"21 lecturas de nivel sin medición y 1 pico aislado de nivel"``; None when nothing."""
    parts = []
    for item in left_out:
        singular, plural = _REASONS.get(item.reason, ("lectura de {f} marcada", "lecturas de {f} marcadas"))
        parts.append(count(item.count, singular.format(f=item.field), plural.format(f=item.field)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " y " + parts[-1]


def left_out_sentence(left_out: Sequence[LeftOut]) -> str | None:
    """``"Dejé fuera 21 lecturas de nivel sin medición."``; None when nothing was left out."""
    listed = left_out_list(left_out)
    return None if listed is None else f"Dejé fuera {listed}."


def suspect_sensor(readings: Sequence[Reading], share: float) -> str | None:
    """Why the level sensor looks wrong in these readings, or None."""
    measured = [r for r in readings if r.nivel is not None]
    if not measured:
        return None
    flags = [r.flags.nivel for r in measured]
    if measured[-1].flags.nivel is Flag.FLAT:
        return "el sensor de nivel repite siempre el mismo valor"
    flagged = sum(1 for f in flags if f is not None and f is not Flag.UNCONFIRMED)
    if flagged and flagged / len(measured) >= share:
        return f"{round(100 * flagged / len(measured))} % de las lecturas de nivel son anómalas"
    return None
