"""Routes for the data tools (weather, sensors, diagnosis, report); tried before search.

Patterns are deliberately narrow: a document question that merely mentions
rain or temperature must still reach ``search_documents``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from botk_adapters.local.route_stations import (
    COMMUNITY,
    how_is_place,
    known_place,
    named_station,
    place_in,
    station_in,
)
from botk_adapters.local.routing import Route
from botk_core.sensors.stations import ALL
from botk_core.text import fold
from botk_core.tools.diagnosis import DIAGNOSTICO
from botk_core.tools.measurements import GET_PROMEDIO, GET_PROMEDIO_ESTACIONAL
from botk_core.tools.report import MODIFY_DOCUMENT
from botk_core.tools.weather import GET_CLIMA

# The report template's Spanish headings, so "pon en la sección propósito ..." works.
SPANISH_SECTIONS = {
    "titulo": "TITLE", "investigadores": "RESEARCHER", "investigador": "RESEARCHER",
    "autores": "RESEARCHER", "proposito": "PURPOSE", "descripcion detallada": "DETAILED_DESCRIPTION",
    "descripcion": "DETAILED_DESCRIPTION", "estado del arte": "STATE_OF_THE_ART",
    "concepcion": "CONCEPTION", "divulgacion previa": "PREVIOUS_DISCLOSURE", "desarrollo": "DEVELOPMENT",
    "programa o contrato": "PROGRAM_CONTRACT", "contrato": "PROGRAM_CONTRACT", "testigos": "WITNESSES",
    "informacion relevante": "RELEVANT_INFO",
}  # fmt: skip

_EDIT_AS = re.compile(
    r"^\s*(?:pon|poner|escribe|cambia|usa)\s+(?:como|de)\s+"
    r"(?P<section>[^\W\d][\w ]{0,40}?)\s*:\s*(?P<content>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_EDIT_IN = re.compile(
    r"^\s*(?:pon|poner|escribe|agrega|añade)\s+en\s+(?:la\s+)?secci[oó]n\s+(?P<section>[^\W\d][\w ]{0,40}?)"
    r"\s*(?::|\s+que\s+|\s*,\s*)\s*(?P<content>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SEASONAL = re.compile(
    r"estacional|estacion(?:es)? del ano|por temporada|por estacion\b|verano|invierno|otono|primavera"
)
_AVERAGE = re.compile(r"\b(?:promedios?|media|medias|average)\b")
_WEATHER = re.compile(
    r"\b(?:clima|pronostico (?:del tiempo|del clima|para|en|de (?:hoy|manana|lluvia|la semana))"
    r"|(?:cual es|como viene|dame) el pronostico|va a llover|llovera|esta lloviendo"
    r"|(?:que|cuanta|cual es la) temperatura (?:hace|hay|habra)|que tiempo (?:hace|hara)"
    r"|hace (?:calor|frio))\b"
)
_DIAGNOSIS = re.compile(
    r"\b(?:como (?:esta|estan|anda|andan|va|van|viene) (?:el|la|los|las) "
    r"(?:agua|estanques?|tanques?|nivel|estaciones)"
    r"|estado de(?:l| los| las)? (?:agua|estanques?|tanques?|estaciones)"
    r"|nivel (?:actual )?del (?:agua|estanque|tanque)|nivel de los (?:estanques|tanques)|nivel actual"
    r"|(?:haz|hazme|dame|realiza|genera|quiero) (?:un |el )?diagnostico"
    r"|(?:la )?situacion (?:del|de la) agua|estado del agua|que (?:hago|hacemos) con el agua"
    r"|(?:conviene|debo|debemos|puedo|podemos|deberiamos|hay que) (?:usar|liberar|guardar|repartir|ahorrar)"
    r" (?:el )?agua|hay (?:suficiente|poca) agua)\b"
)


def _section(raw: str) -> str:
    return SPANISH_SECTIONS.get(fold(raw).strip(), raw.strip())


def report_edit(folded: str, original: str) -> Mapping[str, Any] | None:
    for pattern in (_EDIT_IN, _EDIT_AS):
        match = pattern.match(original)
        if match and match.group("content").strip():
            return {"Section": _section(match.group("section")), "Content": match.group("content").strip()}
    return None


def _days(folded: str) -> int | None:
    match = re.search(r"ultim[oa]s?\s+(\d{1,4})\s+dias", folded)
    if match:
        return max(1, int(match.group(1)))
    for words, days in (
        ("esta semana", 7),
        ("ultima semana", 7),
        ("este mes", 30),
        ("ultimo mes", 30),
        ("hoy", 1),
    ):
        if words in folded:
            return days
    return None


def seasonal(folded: str, original: str) -> Mapping[str, Any] | None:
    if not (_SEASONAL.search(folded) and (_AVERAGE.search(folded) or "estacional" in folded)):
        return None
    station = named_station(original) or known_place(folded)
    return {"estacion": station} if station and fold(station) not in COMMUNITY else {}


def average(folded: str, original: str) -> Mapping[str, Any] | None:
    if not _AVERAGE.search(folded):
        return None
    arguments: dict[str, Any] = {"estacion": station_in(folded, original) or ALL}
    days = _days(folded)
    return {**arguments, "dias": days} if days else arguments


def weather(folded: str, original: str) -> Mapping[str, Any] | None:
    if not _WEATHER.search(folded):
        return None
    found = place_in(folded, original)
    return {"location": found} if found else {}


def diagnosis(folded: str, original: str) -> Mapping[str, Any] | None:
    # "¿Cuándo conviene ...?" asks for the documents' rules, not for today's data.
    if re.match(r"\W*cuando\b", folded):
        return None
    place = how_is_place(folded, original)
    if place is None and not _DIAGNOSIS.search(folded):
        return None
    station = place if place and fold(place) not in COMMUNITY else station_in(folded, original)
    return {"estacion": station} if station else {}


TOOL_ROUTES: list[Route] = [
    Route(MODIFY_DOCUMENT, report_edit),
    Route(GET_PROMEDIO_ESTACIONAL, seasonal),
    Route(GET_PROMEDIO, average),
    Route(DIAGNOSTICO, diagnosis),
    Route(GET_CLIMA, weather),
]
