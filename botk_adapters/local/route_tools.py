"""Routes for the data tools (weather, sensors, diagnosis, report); tried before search.

Patterns are deliberately narrow: a document question that merely mentions
rain or temperature must still reach ``search_documents``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from botk_adapters.local.routing import Route
from botk_core.sensors.stations import ALL
from botk_core.text import STOP_WORDS, fold
from botk_core.tools.diagnosis import DIAGNOSTICO
from botk_core.tools.measurements import GET_PROMEDIO, GET_PROMEDIO_ESTACIONAL
from botk_core.tools.report import MODIFY_DOCUMENT
from botk_core.tools.weather import GET_CLIMA

KNOWN_PLACES = {"iquiuca": "Iquiuca", "quipisca": "Quipisca", "macaya": "Macaya", "mamina": "Mamiña"}
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
    r"\b(?:como (?:esta|estan|anda|andan|va|van|viene) (?:el|la|los|las) (?:agua|estanques?|nivel|estaciones)"
    r"|estado de(?:l| los| las)? (?:agua|estanques?|estaciones)"
    r"|(?:haz|hazme|dame|realiza|genera|quiero) (?:un |el )?diagnostico"
    r"|(?:la )?situacion (?:del|de la) agua|estado del agua|que (?:hago|hacemos) con el agua"
    r"|(?:conviene|debo|debemos|puedo|podemos|deberiamos|hay que) (?:usar|liberar|guardar|repartir|ahorrar)"
    r" (?:el )?agua|hay (?:suficiente|poca) agua)\b"
)
_PLACE_AFTER_EN = re.compile(r"\ben\s+([^\W\d_][\w]*(?:\s+[A-ZÁÉÍÓÚÑ][\w]*)*)", re.UNICODE)
# "el estanque de Cau Cau", "la estación Quipisca": one station, named (singular only:
# "los estanques de Macaya" asks for all of them).
_ONE_STATION = re.compile(
    r"\b(?:estanque|tanque|estaci[oó]n|sensor)\s+(?:(?:de\s+la|del|de|en)\s+)?"
    r"(?P<name>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})",
    re.IGNORECASE,
)
# Words that end a station's name in a question ("el estanque de Cau Cau esta semana").
_NOT_A_NAME = frozenset(
    {
        "hoy", "ayer", "ahora", "manana", "semana", "mes", "dia", "dias", "ano", "anos", "ultimo",
        "ultimos", "ultima", "ultimas", "agua", "nivel", "promedio", "promedios", "lluvia", "clima",
        "temperatura", "humedad", "actual",
    }
)  # fmt: skip
COMMUNITY = frozenset({"macaya"})  # the community as a whole: all of its stations


def _section(raw: str) -> str:
    return SPANISH_SECTIONS.get(fold(raw).strip(), raw.strip())


def report_edit(folded: str, original: str) -> Mapping[str, Any] | None:
    for pattern in (_EDIT_IN, _EDIT_AS):
        match = pattern.match(original)
        if match and match.group("content").strip():
            return {"Section": _section(match.group("section")), "Content": match.group("content").strip()}
    return None


def _known_place(folded: str) -> str | None:
    return next((name for key, name in KNOWN_PLACES.items() if re.search(rf"\b{key}\b", folded)), None)


def _place(folded: str, original: str) -> str | None:
    known = _known_place(folded)
    if known:
        return known
    match = _PLACE_AFTER_EN.search(original)
    return match.group(1).strip()[:60] if match and match.group(1)[0].isupper() else None


def _named_station(original: str) -> str | None:
    """The station a question names after "estanque", "estación" or "sensor", if any."""
    match = _ONE_STATION.search(original)
    if not match:
        return None
    kept: list[str] = []
    for word in match.group("name").split():
        if fold(word) in _NOT_A_NAME or (kept and fold(word) in STOP_WORDS):
            break
        kept.append(word)
    name = " ".join(kept)
    return name[:60] if name and fold(name) not in COMMUNITY else None


def _station(folded: str, original: str) -> str | None:
    """The station a question is about; None for all of them."""
    place = _named_station(original) or _place(folded, original)
    return None if place is None or fold(place) in COMMUNITY else place


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
    station = _named_station(original) or _known_place(folded)
    return {"estacion": station} if station and fold(station) not in COMMUNITY else {}


def average(folded: str, original: str) -> Mapping[str, Any] | None:
    if not _AVERAGE.search(folded):
        return None
    arguments: dict[str, Any] = {"estacion": _station(folded, original) or ALL}
    days = _days(folded)
    return {**arguments, "dias": days} if days else arguments


def weather(folded: str, original: str) -> Mapping[str, Any] | None:
    if not _WEATHER.search(folded):
        return None
    place = _place(folded, original)
    return {"location": place} if place else {}


def diagnosis(folded: str, original: str) -> Mapping[str, Any] | None:
    # "¿Cuándo conviene ...?" asks for the documents' rules, not for today's data.
    if re.match(r"\W*cuando\b", folded):
        return None
    if not _DIAGNOSIS.search(folded):
        return None
    station = _station(folded, original)
    return {"estacion": station} if station else {}


TOOL_ROUTES: list[Route] = [
    Route(MODIFY_DOCUMENT, report_edit),
    Route(GET_PROMEDIO_ESTACIONAL, seasonal),
    Route(GET_PROMEDIO, average),
    Route(DIAGNOSTICO, diagnosis),
    Route(GET_CLIMA, weather),
]
