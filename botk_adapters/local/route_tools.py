"""Routes for the data tools (sensors, decision, events, weather, report); tried before search.

``route`` reads one question on its own and picks the data tool and its
arguments, or None when the question is for the documents. Patterns stay
narrow: a document question that merely mentions rain, the tank or a
station's name must still reach ``search_documents``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

from botk_adapters.local.route_asked import Asked
from botk_adapters.local.route_intents import asks_decision, asks_documents, corrected, event_kind
from botk_adapters.local.route_report import report_edit
from botk_adapters.local.route_state import asks_state
from botk_adapters.local.route_stations import how_is_place, other_name, place_in
from botk_adapters.local.route_windows import TIME_WORDS, UnknownWindow, WindowWords
from botk_adapters.local.vocabulary import PARAMETER_NAMES
from botk_core.phrasing import MONTHS
from botk_core.sensors.stations import ALL
from botk_core.text import STOP_WORDS
from botk_core.tools.averages import RELATIVE
from botk_core.tools.diagnosis import DIAGNOSTICO
from botk_core.tools.events import GET_EVENTOS
from botk_core.tools.measurements import FIELDS, FIELDS_KEY, GET_PROMEDIO, GET_PROMEDIO_ESTACIONAL
from botk_core.tools.report import MODIFY_DOCUMENT
from botk_core.tools.weather import GET_CLIMA

_SEASONAL = re.compile(
    r"estacional|estacion(?:es)? del ano|por temporada|por estacion\b|verano|invierno|otono|primavera"
)
_AVERAGE = re.compile(r"\b(?:promedios?|media|medias|average)\b")
_WEATHER = re.compile(
    r"\b(?:clima|pronostico (?:del tiempo|del clima|para|en|de (?:hoy|manana|lluvia|la semana))"
    r"|(?:cual es|como viene|dame) el pronostico|va a llover|llovera|esta lloviendo"
    r"|lluvia (?:para|esta|en los)"
    r"|(?:que|cuanta|cual es la) temperatura (?:hace|hay|habra|hara|va a hacer|va a haber)"
    r"|que tiempo (?:hace|hara|habra|va a hacer|va a haber|viene|tendremos|hay)"
    r"|(?:como|que tal) (?:esta|estara|viene|va a estar|va a venir) el (?:tiempo|clima)"
    r"|el tiempo (?:en|para|de hoy|de manana)"
    r"|(?:hace|hara|va a hacer|habra) (?:calor|frio|sol|viento|buen tiempo|mal tiempo)"
    r"|va a (?:estar|venir) (?:nublado|soleado|despejado|lluvioso|helado)|va a (?:nevar|granizar|helar))\b"
)
_DIAGNOSIS = re.compile(
    r"\b(?:como (?:esta|estan|estuvo|estuvieron|estaba|anda|andan|anduvo|va|van|viene) (?:el|la|los|las) "
    r"(?:agua|estanques?|tanques?|nivel|estaciones)"
    r"|estado de(?:l| los| las)? (?:agua|estanques?|tanques?|estaciones)"
    r"|nivel (?:actual )?del (?:agua|estanque|tanque)|nivel de los (?:estanques|tanques)|nivel actual"
    r"|(?:haz|hazme|dame|realiza|genera|quiero) (?:un |el )?diagnostico"
    r"|^\W*(?:el |un )?diagnostico(?: hidrico)?(?: integrado)?(?: (?:de|del|para|en) (?=[a-z])| ?\W*$)"
    r"|(?:que|cuanta|cual es la) (?:humedad|nivel) (?:hay|tiene|marca)"
    r"|(?:la )?situacion (?:del|de la) agua|estado del agua)\b"
)
# "¿desde qué porcentaje se considera que va a llover?": what a word means, for the documents.
_DEFINITION = re.compile(
    r"\b(?:se considera|porcentaje|umbral|significa|cuenta como|se define|que es|que usa|como funciona"
    r"|como se calcula)\b"
)
_LATEST_DATA = re.compile(r"\bultim[oa]s? (?:datos?|lecturas?|mediciones?|medicion|registros?)\b")
_HOW_IS = re.compile(
    r"^\W*(?:y\s+)?(?:como|que tal)\s+(?:esta|estan|estuvo|estaba|anda|andan|anduvo|va|van|sigue|siguen)\b"
)
# Words a question about a station's readings may hold besides the station's name.
_DATA_WORDS_TEXT = """
    estanque estanques tanque tanques estacion estaciones sensor sensores nivel niveles agua temperatura
    temp humedad dato datos lectura lecturas medicion mediciones ultimo ultima ultimos ultimas
    actual actuales ahora hoy estado situacion cuanto cuanta hay tiene queda marca
    mide esta estan estuvo estaba anda va tal fue llego envio mando reciente recientes
    valor valores informacion resumen reporte y
"""
DATA_WORDS = frozenset(_DATA_WORDS_TEXT.split())
# Words after "promedio de" that name no station ("promedio de nivel", "de la semana", "de todas").
_NOT_NAMES_TEXT = """
    promedio promedios media medias general total historico mensual diario semanal cada todo toda
    todos todas sensores mediciones medicion lecturas lectura registros datos dato valores valor
    estaciones estanques tanques estacion estanque tanque mes meses semana semanas dia dias ano anos
    hora horas quincena periodo fecha fechas momento tiempo
"""
# Words after "en"/"de"/"para" in a weather question that name no place ("en la semana", "de lluvia").
_NOT_PLACES_TEXT = """
    clima tiempo pronostico lluvia lluvias calor frio sol viento nublado helada temperatura
    temperaturas va van hace hara habra hay esta estara viene llover llovera nevar helar
"""
_NOT_PLACES = TIME_WORDS | frozenset(_NOT_PLACES_TEXT.split())
_NOT_NAMES = DATA_WORDS | TIME_WORDS | frozenset(_NOT_NAMES_TEXT.split()) | frozenset(MONTHS)


@attrs.frozen
class Routed:
    """A tool call for a question, or a reply of its own (``text``) when a tool cannot serve it.

    ``explicit`` is False when the question only names a station ("¿y janchima?"):
    in a conversation about data it continues the earlier question.
    """

    tool: str | None
    arguments: Mapping[str, Any] = attrs.field(factory=dict)
    explicit: bool = True
    text: str | None = None


def route(asked: Asked) -> Routed | None:
    """The data tool for a question read on its own, or None (a document search)."""
    edit = report_edit(asked.original)
    if edit is not None:
        return Routed(MODIFY_DOCUMENT, edit)
    folded = corrected(asked.folded)
    if re.search(r"\bque dicen? (?:el|la|los|las) ", folded) and asks_documents(folded):
        return None
    if _SEASONAL.search(folded) and (_averages(folded) or "estacional" in folded):
        return Routed(GET_PROMEDIO_ESTACIONAL, _one_station(asked))
    if _averages(folded):
        return averages(asked)
    happened, kind = event_kind(folded)
    if happened:
        return Routed(GET_EVENTOS, {**_one_station(asked), **({"tipo": kind} if kind else {})})
    if _WEATHER.search(folded) and not asks_documents(folded) and not _DEFINITION.search(folded):
        found = place_in(folded, asked.original) or asked.station
        # "cuanta temperatura hace en pozo almonte": a place written in lower case, for the geocoder.
        found = found or other_name(asked.blanked(), asked.original, _NOT_PLACES)
        return Routed(GET_CLIMA, {"location": found} if found else {})
    return diagnosis(asked)


def averages(asked: Asked) -> Routed:
    """``get_promedio`` with the station and the window; a window BOTK cannot compute is said.

    A name that is no known station ("promedio de Pica") is passed on as the station,
    so that the answer says so and lists the known ones, never every station unasked.
    """
    if isinstance(asked.window, UnknownWindow):
        return Routed(None, text=unknown_window(asked.window))
    station = asked.station if asked.station and not asked.every else ALL
    if station == ALL and not asked.every:
        station = other_name(asked.blanked(), asked.original, _NOT_NAMES) or ALL
    window = dict(asked.window.arguments) if asked.window else {}
    window.update({RELATIVE: True} if asked.window and asked.window.relative else {})
    fields = asked_fields(asked.leftover())
    return Routed(GET_PROMEDIO, {"estacion": station, **window, **({FIELDS_KEY: fields} if fields else {})})


def asked_fields(words: list[str]) -> list[str]:
    """The measurements a question names, in the tool's order ("humedad", "nivel")."""
    named = {w.removesuffix("es").removesuffix("s") for w in words}
    return [f for f in FIELDS if f in named]


def diagnosis(asked: Asked) -> Routed | None:
    """The diagnosis for "¿cómo están los estanques?", a decision, or a station named on its own."""
    folded = corrected(asked.folded)
    how_is = bool(_HOW_IS.match(folded) and asked.station)
    state = asks_state(folded, asked.station is not None, asked.every)
    said = bool(_DIAGNOSIS.search(folded) or how_is_place(asked.original) or how_is or state)
    if not said and not asks_decision(folded) and not _about_readings(asked):
        return None
    if said and (asks_documents(folded) or _DEFINITION.search(folded)) and not asks_decision(folded):
        return None
    window = asked.window
    if isinstance(window, WindowWords) and not window.present:
        return averages(asked)  # "¿cómo estuvo el nivel ayer?": the means of that day
    explicit = said or asks_decision(folded)
    return Routed(DIAGNOSTICO, _one_station(asked), explicit=explicit)


def _about_readings(asked: Asked) -> bool:
    """A station, or the latest data, with nothing but words about readings ("el estanque de Iquiuca")."""
    latest = _LATEST_DATA.search(asked.folded)
    if (asked.station is None and not latest) or asks_documents(asked.folded) or _lab_parameter(asked.folded):
        return False
    return all(w in DATA_WORDS or w in STOP_WORDS for w in asked.leftover())


def _one_station(asked: Asked) -> dict[str, Any]:
    return {"estacion": asked.station} if asked.station and not asked.every else {}


def _averages(folded: str) -> bool:
    return bool(_AVERAGE.search(folded))


def _lab_parameter(folded: str) -> bool:
    """Whether the question names a water-quality parameter (a lab-table question)."""
    return any(
        re.search(rf"\b{re.escape(name)}(?:s|es)?\b", folded) for name in PARAMETER_NAMES if len(name) >= 3
    )


def unknown_window(window: UnknownWindow) -> str:
    return (
        f"No sé calcular promedios para «{window.words}». Puedo usar: las últimas N horas, los últimos N "
        "días o semanas, hoy, ayer, esta semana, la semana pasada, este mes, el mes pasado, un mes "
        "(«en septiembre de 2023»), un año, un día («el 14 de septiembre») o un rango de fechas "
        "(«del 1 al 15 de septiembre de 2023»)."
    )
