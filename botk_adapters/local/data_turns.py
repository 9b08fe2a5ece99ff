"""Data questions in a conversation: a question of its own, or a follow-up of the last data question.

"¿y janchima?" after "promedio de los últimos 7 días en Cau Cau" asks for the
same average of Janchima; "¿y en las últimas 24 horas?" changes the window,
"¿y en Mamiña?" after the weather, the place. A follow-up takes the earlier
question's tool and arguments and replaces the station, place or window it
names, and the answer says the question it understood, rebuilt from them
(«promedio de Janchima en los últimos 7 días»). A turn that asks something
of its own ("¿qué tiempo hace en Mamiña?") never inherits.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import tzinfo
from typing import Any, Protocol

import attrs

from botk_adapters.local.route_asked import Asked
from botk_adapters.local.route_shift import shifted
from botk_adapters.local.route_stations import Lexicon, place_in
from botk_adapters.local.route_tools import Routed, asked_fields, route, unknown_window
from botk_adapters.local.route_windows import UnknownWindow, WindowWords
from botk_adapters.local.smalltalk import is_small_talk
from botk_adapters.local.turn_words import describe, relative_dates
from botk_core.sensors.stations import ALL
from botk_core.text import STOP_WORDS
from botk_core.tools.averages import ASSUMED_YEAR, RELATIVE
from botk_core.tools.diagnosis import DIAGNOSTICO
from botk_core.tools.events import GET_EVENTOS
from botk_core.tools.measurements import FIELDS_KEY, GET_PROMEDIO, GET_PROMEDIO_ESTACIONAL
from botk_core.tools.seasons import local_zone
from botk_core.tools.weather import GET_CLIMA

MAX_DEPTH = 8
_WINDOW_KEYS = ("dias", "horas", "desde", "hasta", ASSUMED_YEAR, RELATIVE)
_OPENERS = frozenset({"y", "e"})
_INTERROGATIVES_TEXT = """
    que como cual cuales cuanto cuanta cuantos cuantas cuando donde quien quienes
    por
"""
_INTERROGATIVES = frozenset(_INTERROGATIVES_TEXT.split())
# Words a follow-up may hold besides the station, place or window it brings.
_FILLERS_TEXT = """
    estanque estanques tanque tanques estacion estaciones nivel humedad temperatura temp agua dato
    datos ahora entonces tal pues oye ok bueno igual tambien mismo misma
    otra otro todos todas ver
"""
_FILLERS = STOP_WORDS | frozenset(_FILLERS_TEXT.split())
_FIELDS = frozenset({"nivel", "humedad", "temperatura", "temp"})


class RouteContext(Protocol):
    """What the offline assistant may know about the data: station names, the clock, the zone."""

    @property
    def zone(self) -> tzinfo: ...

    def known(self) -> list[str]: ...

    def now(self) -> float: ...


@attrs.frozen
class DataTurn:
    """The data tool a turn calls (or a reply of its own), and the question understood for a follow-up."""

    tool: str | None
    arguments: Mapping[str, Any] = attrs.field(factory=dict)
    text: str | None = None
    heard: str | None = None


@attrs.frozen
class _Env:
    lexicon: Lexicon
    now: float
    zone: tzinfo


class DataRouter:
    """Routes the turns of a conversation to the data tools; None sends a turn to the documents."""

    def __init__(self, context: Callable[[], RouteContext] | None = None) -> None:
        self._context = context

    def turn(self, earlier: Sequence[str], asked: str, available: set[str] | None = None) -> DataTurn | None:
        """The data call of ``asked`` after the user's ``earlier`` turns (oldest first); ``available``
        limits the tools (None: any)."""
        return self._turn(self._env(), list(earlier), asked, available, 0)

    def document_history(self, earlier: Sequence[str]) -> list[str]:
        """The earlier turns that were not data questions: a document follow-up leans only on those."""
        env, texts = self._env(), list(earlier)
        return [t for i, t in enumerate(texts) if self._turn(env, texts[:i], t, None, 0) is None]

    def _env(self) -> _Env:
        context = self._context() if self._context else None
        if context is None:
            return _Env(Lexicon(), time.time(), local_zone())
        return _Env(Lexicon.of(context.known()), context.now(), context.zone)

    def _turn(
        self, env: _Env, earlier: list[str], text: str, available: set[str] | None, depth: int
    ) -> DataTurn | None:
        asked = Asked.read(text, env.lexicon, env.now, env.zone)
        alone = route(asked)
        if (
            alone is not None
            and alone.tool is not None
            and available is not None
            and alone.tool not in available
        ):
            alone = None
        if alone is not None and alone.explicit:
            return DataTurn(alone.tool, alone.arguments, alone.text)
        if depth < MAX_DEPTH and continues(asked):
            previous = self._previous(env, earlier, available, depth)
            rebuilt = follow(previous, asked, env) if previous is not None and previous.tool else None
            same = alone is not None and (alone.tool, alone.arguments) == (
                rebuilt and (rebuilt.tool, rebuilt.arguments)
            )
            if (
                rebuilt is not None
                and not same
                and (rebuilt.tool is None or available is None or rebuilt.tool in available)
            ):
                fields = sorted(_FIELDS & set(asked.leftover()))
                heard = (
                    describe(rebuilt.tool, rebuilt.arguments, env.zone, env.now, fields)
                    if rebuilt.tool
                    else None
                )
                return DataTurn(rebuilt.tool, rebuilt.arguments, rebuilt.text, heard)
        return None if alone is None else DataTurn(alone.tool, alone.arguments, alone.text)

    def _previous(
        self, env: _Env, earlier: list[str], available: set[str] | None, depth: int
    ) -> DataTurn | None:
        for index in range(len(earlier) - 1, -1, -1):
            if not is_small_talk(earlier[index]):
                return self._turn(env, earlier[:index], earlier[index], available, depth + 1)
        return None


def continues(asked: Asked) -> bool:
    """Whether a turn only brings a station, a place, a window or a sensor ("¿y janchima?", "¿y ayer?")."""
    words = asked.leftover()
    opener = bool(words) and (words[0] in _OPENERS or words[:2] == ["que", "tal"])
    slot = bool(asked.named or asked.window or asked.station or asked.every or _FIELDS & set(words))
    asks = any(w in _INTERROGATIVES for w in words)
    # Without "y ...", a noun of its own ("el estanque de Iquiuca") makes a question of its own.
    allowed = _FILLERS if opener else STOP_WORDS | _FIELDS
    return slot and len(words) <= 8 and all(w in allowed for w in words) and (opener or not asks)


def follow(previous: DataTurn, asked: Asked, env: _Env) -> Routed | None:
    """The earlier call with the station, place or window this turn names."""
    if isinstance(asked.window, UnknownWindow):
        return Routed(None, text=unknown_window(asked.window))
    tool, arguments = previous.tool, dict(previous.arguments)
    if tool == GET_CLIMA:
        place = place_in(asked.folded, asked.original) or asked.station
        return Routed(GET_CLIMA, {"location": place} if place else arguments)
    if tool not in (GET_PROMEDIO, DIAGNOSTICO, GET_EVENTOS, GET_PROMEDIO_ESTACIONAL):
        return None
    if asked.every:
        arguments.pop("estacion", None)
    elif asked.station:
        arguments["estacion"] = asked.station
    window = asked.window
    if isinstance(window, WindowWords) and tool != GET_PROMEDIO_ESTACIONAL:
        tool, arguments = _with_window(tool, arguments, window, env)
    if tool == GET_PROMEDIO:
        arguments.setdefault("estacion", ALL)
        # "¿y la humedad?" after an average: the same average, of what is asked now.
        fields = asked_fields(asked.leftover())
        arguments.update({FIELDS_KEY: fields} if fields else {})
    return Routed(tool, arguments)


def _with_window(
    tool: str, arguments: dict[str, Any], window: WindowWords, env: _Env
) -> tuple[str, dict[str, Any]]:
    if tool == DIAGNOSTICO and window.present:
        return tool, arguments
    kept = {k: v for k, v in arguments.items() if k not in _WINDOW_KEYS}
    if window.back is not None:
        # "¿y la semana anterior?": the window before the last one; on its own, last week.
        moved = shifted(arguments, window.back, env.now, env.zone)
        window = attrs.evolve(
            window, arguments=moved or window.arguments, relative=window.relative and moved is None
        )
    if tool == GET_EVENTOS:
        return tool, {**kept, **relative_dates(window.arguments, env.now, env.zone)}
    return GET_PROMEDIO, {**kept, **window.arguments, **({RELATIVE: True} if window.relative else {})}
