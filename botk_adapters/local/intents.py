"""What a question asks for: a value, a yes/no against the limit, the limit, a row or column, a who."""

from __future__ import annotations

import re
from typing import Literal

Intent = Literal["value", "over", "within", "limit", "row", "column", "who", "prose"]

_OVER = re.compile(
    r"\b(?:sobre|encima|arriba|por encima|mas alto|mas alta|fuera)\s+(?:de\s+)?(?:la |el |lo |del )?"
    r"(?:norma|limite|permitido|maximo|normal|rango|recomendado|referencia|valor guia)"
    r"|\b(?:supera|superan|supero|superaron|superado|sobrepasa|sobrepaso|sobrepasan|sobrepasaron|excede"
    r"|exceden|excedio|excedieron|se pasa|se paso|se pasan|se pasaron"
    r"|(?:pasa|pasan|paso|pasaron) (?:la|el))\b"
    r"|\bno cumple|\bincumple|\b(?:es|esta|estamos|son|estan|era|fue|fueron|sale|salen|salio|salieron)"
    r"\s+(?:muy\s+|tan\s+)?(?:much[oa]s?|hart[oa]s?|alt[oa]s?|elevad[oa]s?|peligros[oa]s?|grave|malo|mala|demasiado"
    r"|preocupante|excesivo|toxico)\b"
    r"|\b(?:eso|esto|esa|esta)\s+(?:es\s+)?(?:much[oa]|hart[oa]|alt[oa]|poc[oa]|grave|mal[oa]|peligros[oa])\b"
    r"|\bes (?:poco|bajo)\b|\bhay que preocupar"
)
_WITHIN = re.compile(
    r"\bcumple|\bdentro\s+(?:de\s+|del\s+)?(?:la |el |lo )?(?:norma|limite|permitido|rango|recomendado)"
    r"|\bbajo\s+(?:la |el |lo )?(?:norma|limite|permitido|recomendado|referencia)"
    r"|\b(?:es|esta|estaba|estamos|son|estan|era|fue|sale|salio)\s+(?:bien|normal|aceptable|seguro|segura"
    r"|apta?|ok)\b"
    r"|\bse puede (?:tomar|beber|consumir)|\bes potable|\bapta? para"
)
_LIMIT = re.compile(
    r"\b(?:limite|limites|norma|maximo permitido|valor maximo|lo maximo|maximo|permitido|nch\s*409|tope"
    r"|rango|se permite|se permiten|se acepta|se aceptan|se admite|se admiten|recomendado|valor guia"
    r"|valor de referencia)\b"
)
_ROW = re.compile(
    r"\b(?:todas las campanas|todos los meses|todos los muestreos|todas las fechas|cada campana|cada muestreo"
    r"|cada mes|por campana|por mes|historial|evolucion|en el tiempo|a lo largo|ha variado|ha cambiado"
    r"|como ha ido|todos los anos|todas las mediciones)\b"
)
_COLUMN = re.compile(
    r"\b(?:todos los puntos|todos los lugares|todas las localidades|todos los sectores|todos los estanques"
    r"|todas las muestras|cada punto|cada lugar|cada sector|cada estanque|por punto|por lugar|por sector"
    r"|en que (?:puntos?|lugares?|sectores?|estanques?)|cuales (?:puntos|lugares|sectores|estanques)"
    r"|que (?:puntos|lugares|sectores|estanques)|donde)\b"
)
_WHO = re.compile(
    r"^\W*(?:y\s+)?(?:quien|quienes|de quien|a quien|con quien|que (?:laboratorio|empresa|institucion|persona"
    r"|organismo|norma|metodo|correo|telefono|mail|email)|con que|cual (?:es )?(?:el |la )?"
    r"(?:laboratorio|empresa|norma|metodo|correo|telefono|mail|responsable|encargado|proyecto|localidad))"
)
_MARKER_WORDS_TEXT = """
    todos todas cada puntos punto lugares lugar localidades sectores sector estanques campanas campana
    meses mes muestreos muestreo fechas historial evolucion tiempo largo variado cambiado anos mediciones
    limite limites norma maximo permitido tope sobre encima arriba supera superan supero superaron
    sobrepasa excede exceden cumple dentro bajo mucho harto alto alta elevado peligroso grave malo
    demasiado normal bien aceptable seguro potable apta apto preocupante excesivo toxico poco donde rango
    pasaron sobrepasaron excedieron altos altas elevados elevadas mucha muchos muchas harta poca fuera
    permite permiten recomendado referencia guia
"""
MARKER_WORDS = frozenset(_MARKER_WORDS_TEXT.split())


def intent_of(folded: str, has_parameter: bool) -> Intent:
    """The kind of answer ``folded`` asks for; yes/no comparisons first."""
    if _OVER.search(folded):
        return "over"
    if _WITHIN.search(folded):
        return "within"
    if _WHO.search(folded) and not has_parameter:
        return "who"
    if _LIMIT.search(folded):
        return "limit"
    if _COLUMN.search(folded):
        return "column"
    if _ROW.search(folded):
        return "row"
    return "value" if has_parameter else "prose"


# "¿Qué puntos ...?", "¿en cuáles ...?", "¿dónde ...?": the answer is a list of places or campaigns.
_WHICH = re.compile(
    r"\b(?:en |de )?(?:que|cuales?)\s+(?:puntos?|lugares?|sectores?|estanques?|muestras?|campanas?|meses"
    r"|fechas|muestreos?|localidades|sitios|partes)\b|^\W*(?:y\s+)?(?:en\s+)?cuales?\b|\b(?:en )?donde\b"
)


def asks_which(folded: str) -> bool:
    """Whether ``folded`` asks which places or campaigns (a list), not whether (a yes or no)."""
    return bool(_WHICH.search(folded))


def yes_no(intent: Intent) -> bool:
    return intent in ("over", "within")
