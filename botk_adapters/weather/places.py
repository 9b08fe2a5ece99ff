"""Known places: names the weather services may not find, pinned to coordinates."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from botk_core.domain import WeatherReport
from botk_core.ports import WeatherProvider
from botk_core.text import fold

_COORDINATES = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """``"-20.07,-69.23"`` -> ``(-20.07, -69.23)``; anything else -> None."""
    match = _COORDINATES.match(text)
    if not match:
        return None
    latitude, longitude = float(match.group(1)), float(match.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def parse_places(spec: str) -> dict[str, tuple[float, float]]:
    """``"Iquiuca=-20.1,-69.3; Mamiña=-20.07,-69.23"`` -> names to coordinates.

    Raises ValueError naming the entry that is not ``Name=lat,lon``.
    """
    places = {}
    for entry in filter(None, (part.strip() for part in spec.split(";"))):
        name, _, where = entry.partition("=")
        coordinates = parse_coordinates(where)
        if not name.strip() or coordinates is None:
            raise ValueError(f"'{entry}' no tiene la forma Nombre=latitud,longitud")
        places[_key(name)] = coordinates
    return places


@attrs.frozen
class PinnedPlaces:
    """A WeatherProvider that sends known place names to ``inner`` as coordinates."""

    inner: WeatherProvider
    places: Mapping[str, tuple[float, float]]

    def weather(self, location: str, days: int = 3) -> WeatherReport:
        coordinates = self.places.get(_key(location))
        if coordinates is None:
            return self.inner.weather(location, days)
        report = self.inner.weather(f"{coordinates[0]},{coordinates[1]}", days)
        return attrs.evolve(report, location=location.strip())


def _key(name: str) -> str:
    return " ".join(fold(name).split())
