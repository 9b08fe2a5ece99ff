"""A question read for the data tools: its folded text, the stations and places it names, its window."""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Any

import attrs

from botk_adapters.local.route_stations import Lexicon, how_is_place, is_community, named_station
from botk_adapters.local.route_windows import UnknownWindow, WindowWords, find_window
from botk_core.phrasing import expand_abbreviations, normalise_dates
from botk_core.text import STOP_WORDS, fold

_ALL_STATIONS = re.compile(r"\b(?:los|las|todos los|todas las) (?:estanques|tanques|estaciones)\b|\btodas\b")
# The question words a typo must not hide ("cmo estamos de agua", "cuanod fue el ultimo dato").
_ASKING = ("como", "cuando", "cuanto", "cuanta", "cuantos", "cuantas", "donde", "cuales")
# Words one letter away from a question word that are words of their own.
_NOT_TYPOS = frozenset({"canto", "canta", "cantos", "cantas", "cales", "coma", "com"})
_SHORT_QUE = frozenset({"qe", "qu", "ke"})


@attrs.frozen
class Asked:
    """A question read for the data tools: its folded text and the names and time it holds."""

    original: str
    folded: str
    station: str | None  # a known station, or a name given after "estanque de" or capitalised
    every: bool  # "los estanques", "todas", Macaya: all of them
    window: WindowWords | UnknownWindow | None
    named: tuple[tuple[int, int], ...]  # where the text names stations and places

    @classmethod
    def read(cls, text: str, lexicon: Lexicon, now: float, zone: tzinfo) -> Asked:
        folded = " ".join(normalise_dates(asking_words(expand_abbreviations(fold(text)))).split())
        known, place = lexicon.station(folded), lexicon.place(folded)
        named = tuple(m.span for m in (known, place) if m)
        station = known.name if known else named_station(text) or how_is_place(text)
        if station is None and place and not is_community(place.name):
            station = place.name
        every = (
            bool(_ALL_STATIONS.search(folded))
            or is_community(station)
            or (place and is_community(place.name))
        )
        window = find_window(_blank(folded, named), now, zone)
        return cls(text, folded, None if is_community(station) else station, bool(every), window, named)

    def leftover(self) -> list[str]:
        """The words that are not a station, a place or the window."""
        return re.findall(r"[a-z0-9]+", self.blanked())

    def blanked(self) -> str:
        """The folded text with the stations, places and window blanked out."""
        spans = list(self.named) + ([self.window.span] if isinstance(self.window, WindowWords) else [])
        return _blank(self.folded, spans)


def _blank(text: str, spans: Any) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def asking_words(folded: str) -> str:
    """``folded`` with a question word typed with a letter missing or two letters swapped put right.

    Only those two slips, only question words of four letters or more, and never
    a word of its own ("canto" stays), so that a common word is never taken for one.
    """
    return re.sub(r"[a-z]+", lambda m: _asking(m.group(0)), folded)


def _asking(word: str) -> str:
    if word in _SHORT_QUE:
        return "que"
    if word in STOP_WORDS or word in _NOT_TYPOS or len(word) < 3:
        return word
    return next((known for known in _ASKING if _slip(word, known)), word)


def _slip(word: str, known: str) -> bool:
    """One letter of ``known`` missing in ``word``, or two neighbours swapped."""
    if len(word) == len(known) - 1:
        return any(known[:i] + known[i + 1 :] == word for i in range(len(known)))
    if len(word) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == known[diff[1]]
    return False
