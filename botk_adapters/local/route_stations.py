"""Stations and places in a question: "el estanque de Cau Cau", "¿cómo está Iquiuca?", "en Mamiña".

The offline assistant cannot ask the store which stations exist: it takes the
name the question gives, and the tools say when no station has that name.
"""

from __future__ import annotations

import re

from botk_core.text import STOP_WORDS, fold

KNOWN_PLACES = {"iquiuca": "Iquiuca", "quipisca": "Quipisca", "macaya": "Macaya", "mamina": "Mamiña"}

# "¿cómo está Iquiuca?", "y como anda Cau Cau": a place right after the verb, and nothing else.
_HOW_IS = re.compile(
    r"^\W*(?:y\s+)?(?:c[oó]mo|qu[eé] tal)\s+(?:est[aá]n?|anda|andan|va|van)\s+"
    r"(?:el\s+|la\s+)?(?P<name>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})\s*[?!.]*\s*$",
    re.IGNORECASE,
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


def known_place(folded: str) -> str | None:
    return next((name for key, name in KNOWN_PLACES.items() if re.search(rf"\b{key}\b", folded)), None)


def place_in(folded: str, original: str) -> str | None:
    known = known_place(folded)
    if known:
        return known
    match = _PLACE_AFTER_EN.search(original)
    return match.group(1).strip()[:60] if match and match.group(1)[0].isupper() else None


def named_station(original: str) -> str | None:
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


def station_in(folded: str, original: str) -> str | None:
    """The station a question is about; None for all of them."""
    found = named_station(original) or place_in(folded, original)
    return None if found is None or fold(found) in COMMUNITY else found


def how_is_place(folded: str, original: str) -> str | None:
    """The place of "¿cómo está Iquiuca?": a known place, or a name written with a capital."""
    match = _HOW_IS.match(original)
    if not match:
        return None
    name = match.group("name").strip()
    if any(fold(w) in _NOT_A_NAME or fold(w) in STOP_WORDS for w in name.split()):
        return None
    return name if known_place(fold(name)) or name[:1].isupper() else None
