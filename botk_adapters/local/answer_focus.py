"""What a question about one tank asks first: a value, the latest data, or whether the station works.

"¿Cuál es la última temperatura de Miraflores?" is answered in the first
line ("La última temperatura válida de Miraflores es 15,4 °C (...)"), and
"¿el sensor de Quipisca está funcionando?" with a yes or no built from the
station's data: a station silent until now, or whose sensor looks wrong, is
not working as it should.
"""

from __future__ import annotations

from botk_adapters.local.route_state import WORKING
from botk_core.sensors.decision import CHECK, CHECK_STATION
from botk_core.sensors.spanish import decimal
from botk_core.text import fold, words
from botk_core.tools.results_diagnosis import LatestValue, StationDiagnosis

_FOCUS = (
    (("temperatura", "temp"), "La última temperatura válida de {s} es {v}", "temperature", "°C"),
    (("humedad",), "La última humedad válida de {s} es {v}", "humidity", "%"),
    (("nivel",), "El último nivel válido del estanque de {s} es {v}", "level", "m"),
)
_LATEST = frozenset({"ultimo", "ultima", "ultimos", "ultimas", "reciente"})
_DATA = frozenset({"dato", "datos", "lectura", "lecturas", "medicion", "mediciones", "registro"})


def _newest(d: StationDiagnosis) -> LatestValue | None:
    sensors = d.sensors
    values = [v for v in (sensors.level, sensors.humidity, sensors.temperature) if v] if sensors else []
    return max(values, key=lambda v: v.at) if values else None


def status_line(d: StationDiagnosis) -> str:
    """Whether the station works now, from its data: sending, silent, or with a sensor to check."""
    newest, rec = _newest(d), d.recommendation
    silent = next((e for e in d.events if e.ongoing), None)
    if newest is None or rec is None:
        return f"No: no hay lecturas válidas de {d.station}; hay que revisar la estación."
    if silent is not None:
        return f"No: {d.station} {silent.text.removeprefix('la estación ')}; hay que revisar la estación."
    if rec.action == CHECK_STATION:
        return (
            f"No: {d.station} no envía datos recientes (el último es de {newest.when}); "
            "hay que revisar la estación."
        )
    if rec.action.endswith(CHECK):
        why = rec.reasons[-1] if rec.reasons else "sus lecturas parecen anómalas"
        return f"Envía datos (el último es de {newest.when}), pero hay que revisar el sensor: {why}."
    return f"Sí: {d.station} envía datos; el último es de {newest.when}."


def focus_lines(d: StationDiagnosis, question: str) -> list[str]:
    """The value the question asks for, first: "La última temperatura válida de Iquiuca es 27,8 °C (...)"."""
    asked, sensors = set(words(question)), d.sensors
    if WORKING.search(fold(question)):
        return [status_line(d)]
    if sensors is None:
        return []
    lines = []
    for names, sentence, attribute, unit in _FOCUS:
        value: LatestValue | None = getattr(sensors, attribute)
        if value is not None and asked & set(names):
            shown = decimal(value.value, 2 if unit == "m" else 1) + f" {unit}"
            lines.append(sentence.format(s=d.station, v=shown) + f" ({value.when}).")
    newest = _newest(d)
    if not lines and asked & _LATEST and asked & _DATA and newest is not None:
        lines.append(f"El último dato válido de {d.station} es de {newest.when}.")
    return lines
