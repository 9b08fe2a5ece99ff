"""Stations and places in a question: "el estanque de Cau Cau", "¿cómo está janchima?", "en Mamiña".

The known stations (configured, and those with readings) are found wherever
the question names them, whatever their case, accents or hyphens, and with one
typo in a long name ("janchma"). A name the assistant does not know is still
taken after "estanque de" or when written with a capital ("¿cómo está Quipisca?"),
and the tools say when no station has that name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from botk_core.phrasing import MONTHS, TYPO_MIN_LENGTH, one_edit_apart
from botk_core.text import STOP_WORDS, fold, words

KNOWN_PLACES = {"iquiuca": "Iquiuca", "quipisca": "Quipisca", "macaya": "Macaya", "mamina": "Mamiña"}
COMMUNITY = frozenset({"macaya"})  # the community as a whole: all of its stations
_TOKEN = re.compile(r"[a-z0-9]+")

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
    r"\b(?:estanque|tanque|estaci[oó]n|sensor)\s+(?:(?P<of>de\s+la|del|de|en)\s+)?"
    r"(?P<name>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})",
    re.IGNORECASE,
)
# Words that end a station's name in a question ("el estanque de Cau Cau esta semana").
NOT_A_NAME = frozenset(
    {
        "hoy", "ayer", "ahora", "manana", "semana", "mes", "dia", "dias", "ano", "anos", "ultimo",
        "ultimos", "ultima", "ultimas", "agua", "nivel", "promedio", "promedios", "lluvia", "clima",
        "temperatura", "humedad", "actual", "vacio", "vacia", "datos", "dato",
        # Parts of the monitoring system: "el sensor del tanque" is a device, not a station's name.
        "tanque", "estanque", "sensor", "sensores", "gateway", "caja", "cajita", "medidor", "bomba",
        "panel", "bateria", "pila", "antena", "modem", "router",
        # A month ("el del tanque en julio 2024") is when, never where.
        *MONTHS,
    }
)  # fmt: skip


@attrs.frozen
class Mention:
    """A name found in the folded question: its canonical spelling and where it is."""

    name: str
    span: tuple[int, int]


@attrs.frozen
class Lexicon:
    """The station names the assistant knows now, to find them in a question."""

    stations: tuple[str, ...] = ()

    @classmethod
    def of(cls, names: Iterable[str]) -> Lexicon:
        return cls(tuple(dict.fromkeys(n for n in names if words(n))))

    def station(self, folded: str) -> Mention | None:
        """The known station the question names (the longest, exact before a typo)."""
        return _find(folded, [(name, name) for name in self.stations])

    def place(self, folded: str) -> Mention | None:
        """A known place of the community (Iquiuca, Mamiña, ...) the question names."""
        return _find(folded, list(KNOWN_PLACES.items()), typos=False)


def _find(folded: str, names: Sequence[tuple[str, str]], typos: bool = True) -> Mention | None:
    tokens = [(m.group(0), m.span()) for m in _TOKEN.finditer(folded)]
    best: tuple[int, int, Mention] | None = None
    for spelling, canonical in names:
        target = "".join(words(spelling))
        size = len(words(spelling))
        for start in range(len(tokens)):
            for length in range(max(1, size - 1), size + 2):
                chunk = tokens[start : start + length]
                if len(chunk) < length:
                    break
                joined = "".join(t for t, _ in chunk)
                exact = joined == target
                if not exact and not (typos and _typo(joined, target, chunk)):
                    continue
                rank = (2 if exact else 1, len(joined))
                if best is None or rank > best[:2]:
                    best = (*rank, Mention(canonical, (chunk[0][1][0], chunk[-1][1][1])))
    return best[2] if best else None


def _typo(joined: str, target: str, chunk: list[tuple[str, tuple[int, int]]]) -> bool:
    """One typo in a long name, never a common word standing in for it ("sobre" is not "cobre")."""
    if len(target) < TYPO_MIN_LENGTH or any(t in STOP_WORDS or t in NOT_A_NAME for t, _ in chunk):
        return False
    return one_edit_apart(joined, target)


def place_in(folded: str, original: str) -> str | None:
    """A known place, or a capitalised name after "en" ("en Pozo Almonte")."""
    known = Lexicon().place(folded)
    if known:
        return known.name
    match = _PLACE_AFTER_EN.search(original)
    return match.group(1).strip()[:60] if match and match.group(1)[0].isupper() else None


def named_station(original: str) -> str | None:
    """The station a question names after "estanque", "estación" or "sensor", if any."""
    match = _ONE_STATION.search(original)
    if not match or not (match.group("of") or match.group("name")[:1].isupper()):
        return None  # "el estanque estuvo vacío" names no station
    kept: list[str] = []
    for word in match.group("name").split():
        if fold(word) in NOT_A_NAME or (kept and fold(word) in STOP_WORDS):
            break
        kept.append(word)
    name = " ".join(kept)
    return name[:60] if name and fold(name) not in COMMUNITY and fold(name) not in STOP_WORDS else None


# "promedio de pica", "promedio de la estación huara", "en el estanque de pozo almonte": a name after
# "de"/"en" (or after "estación"), which the caller checks against the known stations.
_AFTER_OF = re.compile(
    r"\b(?:(?:de|en|del|para)\s+(?:(?:la|el|los|las)\s+)?(?:(?:estacion|estanque|tanque)\s+"
    r"(?:(?:de la|del|de|en)\s+)?)?|(?:estacion|estanque|tanque)\s+(?:(?:de la|del|de|en)\s+)?)"
    r"(?P<name>[a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9-]*){0,2})"
)


def other_name(folded: str, original: str, ignored: frozenset[str]) -> str | None:
    """A name the question gives after "de", "en" or "estación" that no word list explains.

    ``folded`` has the known names and the window blanked out; ``ignored`` holds
    the words that are not names (about readings, time, the question itself).
    The name comes back as the user typed it ("Pozo Almonte").
    """
    # Each match is tried, and the search goes on inside it: "promedio de temperatura de pica".
    position = 0
    while match := _AFTER_OF.search(folded, position):
        kept: list[str] = []
        for word in match.group("name").split():
            if word in ignored or word in STOP_WORDS or word in NOT_A_NAME or word.isdigit():
                break
            kept.append(word)
        if kept and not is_community(" ".join(kept)):
            return _typed(" ".join(kept), original)
        position = match.start("name")
    return None


def _typed(name: str, original: str) -> str:
    """``name`` (folded) with the words as typed in ``original``."""
    typed = {fold(w): w for w in re.findall(r"[^\W_][\w-]*", original)}
    return " ".join(typed.get(w, w) for w in name.split())[:60]


def how_is_place(original: str) -> str | None:
    """The place of "¿cómo está Quipisca?": a known place, or a name written with a capital."""
    match = _HOW_IS.match(original)
    if not match:
        return None
    name = match.group("name").strip()
    if any(fold(w) in NOT_A_NAME or fold(w) in STOP_WORDS for w in name.split()):
        return None
    return name if Lexicon().place(fold(name)) or name[:1].isupper() else None


def is_community(name: str | None) -> bool:
    """Whether ``name`` means the whole community (all stations)."""
    return name is not None and fold(name).strip() in COMMUNITY
