"""The offline answer about events in the data: "Sí: ... el estanque estuvo vacío 4 horas (el 14 ...)"."""

from __future__ import annotations

import re

from botk_adapters.local.reply import Answer
from botk_core.phrasing import expand_abbreviations
from botk_core.sensors.spanish import count, decimal
from botk_core.sensors.summary import left_out_list
from botk_core.tools.events import ANOMALOUS, EMPTY, SILENT
from botk_core.tools.results_events import EventRules, EventsResult, StationEvents

# A question that asks when or how often, not whether: it gets the list without «Sí»/«No».
_ASKS_WHEN = re.compile(
    r"^\W*(?:y\s+)?(?:cuando|cuantas veces|en que (?:fecha|dia|momento)|que (?:dia|fecha)"
    r"|(?:que|cuales) (?:eventos?|problemas?|fallas?)|que (?:paso|ocurrio|sucedio))\b"
)


def _never(kind: str | None, rules: EventRules, several: bool) -> str:
    """What a station without events of ``kind`` did not do, with the rule that defines it."""
    if kind == EMPTY:
        level = decimal(rules.empty_level_m * 100, 0)
        rule = f"nivel de {level} cm o menos por {rules.empty_minutes:g} minutos o más"
        never = "los estanques nunca estuvieron vacíos" if several else "el estanque nunca estuvo vacío"
        return f"{never} ({rule})"
    if kind == SILENT:
        subject = "las estaciones nunca estuvieron" if several else "la estación nunca estuvo"
        return f"{subject} {rules.silent_hours:g} horas o más sin enviar datos"
    if kind == ANOMALOUS:
        return "no hay lecturas anómalas"
    return "no hay eventos (estanque vacío, estación sin datos o lecturas anómalas)"


def _names(stations: list[StationEvents]) -> str:
    names = [s.station for s in stations]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " y " + names[-1]


def _now_lines(station: StationEvents) -> list[str]:
    """A silence still going on, said first and on its own: "Quipisca no envía datos desde el …"."""
    return [f"{station.station} {e.text.removeprefix('la estación ')}." for e in station.events if e.ongoing]


def _found_lines(station: StationEvents) -> list[str]:
    past = [e for e in station.events if not e.ongoing]
    if not past and station.total == len(station.events):
        return []
    lines = [f"En los datos de {station.station} ({station.period}):"]
    lines += [f"- {e.text[0].upper()}{e.text[1:]}." for e in past]
    hidden = station.total - len(station.events)
    if hidden > 0:
        lines.append(f"- … y {count(hidden, 'evento anterior', 'eventos anteriores')}.")
    listed = left_out_list(station.left_out)
    if listed:
        lines.append(f"Fuera de promedios y diagnósticos (se guardan igual): {listed}.")
    return lines


def write_eventos(result: EventsResult, question: str) -> Answer:
    """Per station its events with their dates; a yes/no question is answered «Sí»/«No» first.

    A station silent until now comes first: that is what matters today.
    """
    found = sorted(
        (s for s in result.stations if s.events), key=lambda s: not any(e.ongoing for e in s.events)
    )
    quiet = [s for s in result.stations if not s.events and s.message is None]
    lines: list[str] = []
    if not _ASKS_WHEN.search(expand_abbreviations(question)) and (found or quiet):
        several = len(result.stations) > 1
        lines.append(
            ("Sí" if found else "No")
            + (f", en {len(found)} de {len(result.stations)} estaciones." if several and found else ".")
        )
    for station in found:
        lines += _now_lines(station)
    for station in found:
        lines += _found_lines(station)
    lines += [s.message for s in result.stations if s.message]
    if len(quiet) == 1:
        lines.append(
            f"En los datos de {quiet[0].station} ({quiet[0].period}) "
            f"{_never(result.kind, result.rules, False)}."
        )
    elif quiet:
        lines.append(f"En los datos de {_names(quiet)} {_never(result.kind, result.rules, True)}.")
    if result.provenance.synthetic and result.provenance.notice:
        lines.append(f"⚠ {result.provenance.notice}")
    return Answer("\n".join(lines))
