"""A question read for the data tools: its folded text, the stations and places it names, its window."""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Any

import attrs

from botk_adapters.local.route_stations import Lexicon, how_is_place, is_community, named_station
from botk_adapters.local.route_windows import UnknownWindow, WindowWords, find_window
from botk_core.phrasing import expand_abbreviations
from botk_core.text import fold

_ALL_STATIONS = re.compile(r"\b(?:los|las|todos los|todas las) (?:estanques|tanques|estaciones)\b|\btodas\b")


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
        folded = " ".join(expand_abbreviations(fold(text)).split())
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
        spans = list(self.named) + ([self.window.span] if isinstance(self.window, WindowWords) else [])
        return re.findall(r"[a-z0-9]+", _blank(self.folded, spans))


def _blank(text: str, spans: Any) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text
