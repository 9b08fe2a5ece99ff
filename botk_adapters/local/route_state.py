"""A question about the state of a tank: its subject (a station, "los estanques") and a state word.

"estado de todos los tanques", "¿cómo están todos los estanques?", "¿qué
recomiendas hacer con el agua de Cancosa?", "¿el sensor de Quipisca está
funcionando?": a tank or a station, and a word that asks how it is, how it
works or what to do, make a question for the data. How a tank is built or
washed, what a word means or what a document recommends stay questions for
the documents.
"""

from __future__ import annotations

import re

# The subject: a tank or a station, by name or as a kind; a sensor only when asked whether it works.
_TANKS = re.compile(r"\b(?:estanques?|tanques?|estacion(?:es)?)\b")
_SENSORS = re.compile(r"\bsensor(?:es)?\b")
# How it is, whether it works, what to do with it.
_STATE = re.compile(
    r"\b(?:estado|estados|situacion|como (?:esta|estan|anda|andan|va|van|sigue|siguen|quedo|quedaron"
    r"|estamos|andamos|vamos)|(?:esta|estan) bien)\b"
)
# "¿qué tal el estanque de Miraflores?" asks how it is; "¿y qué tal Janchima?" may follow the last question.
_HOW_ABOUT = re.compile(r"\bque tal\b")
WORKING = re.compile(
    r"\b(?:funcionando|funciona(?:n)?(?! con| a | por| para| de| el| la| los| las)|operativ[oa]s?"
    r"|activ[oa]s?|en linea|conectad[oa]s?|(?:esta|estan|sigue|siguen) (?:enviando|mandando|transmitiendo"
    r"|midiendo)|anda(?:n)? bien)\b"
)
_ADVICE = re.compile(
    r"\b(?:recomiendas|recomendarias|recomienda|recomiendan|recomendacion(?:es)?|sugieres|sugeririas"
    r"|aconsejas|aconsejarias|que (?:hacemos|hago|hacer|hariamos|harias|haria|debemos hacer|deberiamos hacer"
    r"|conviene hacer))\b"
)
# What the documents hold about tanks: how they are built, washed or used, and what they recommend.
_DOCUMENT_NOUNS = re.compile(
    r"\b(?:informe|informes|manual|documento|documentos|plan|guia|laboratorio|norma|reglamento|protocolo"
    r"|analisis|muestreo|muestra|muestras|faq)\b"
)
# How it is made, washed or used, and what to do if something happens: the documents.
_HOW_TO = re.compile(
    r"\bcomo se\b|\bcada cuant|\bpor que\b|\bquien|\bcuando se\b"
    r"|\bsi (?:el|la|los|las|hay|se|no|esta|estan)\b"
    r"|\bcomo estan? (?:hech|compuest|construid|instalad|ubicad|conectad|armad|form|fabricad|dividid)"
)
# "¿qué recomiendas hacer con el agua?": what to do with the water, no tank named.
_WITH_THE_WATER = re.compile(
    r"\b(?:recomiend|recomend|sugier|suger|aconsej)[a-z]*\s+(?:que\s+)?(?:hacer|hagamos|haga)\s+con\s+el\s+agua\b"
)


def asks_state(folded: str, has_station: bool, every: bool) -> bool:
    """Whether the question asks how a station or the tanks are, whether they work, or what to do."""
    if _DOCUMENT_NOUNS.search(folded) or _HOW_TO.search(folded):
        return False
    if _WITH_THE_WATER.search(folded):
        return True
    tank = bool(_TANKS.search(folded))
    if tank and _HOW_ABOUT.search(folded):
        return True
    if WORKING.search(folded) and (has_station or every or tank or _SENSORS.search(folded)):
        return True
    state = _STATE.search(folded) or _ADVICE.search(folded)
    return bool(state) and (has_station or every or tank)


def names_a_tank(folded: str) -> bool:
    """Whether the question names a tank or a station as a kind ("el estanque de ...")."""
    return bool(_TANKS.search(folded))
