"""Which data tool the offline assistant calls for a question, with the station names it knows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

import attrs

from botk_adapters.local.data_turns import DataRouter
from botk_core.tools.seasons import local_zone
from tests.tools.helpers import NOW

STATIONS = ("Iquiuca", "Cau-Cau", "Cementerios", "Janchima", "Pulcha", "Puquios")


@attrs.frozen
class Known:
    """What the stations of a deployment tell the router: their names, the clock and the zone."""

    names: tuple[str, ...] = STATIONS
    zone: tzinfo = attrs.field(factory=local_zone)
    moment: float = NOW

    def known(self) -> list[str]:
        return list(self.names)

    def now(self) -> float:
        return self.moment


def routed(
    question: str, earlier: Sequence[str] = (), names: Sequence[str] = STATIONS
) -> tuple[str | None, dict[str, Any]] | None:
    """``(tool, arguments)`` for ``question`` after the ``earlier`` turns; None for a document search."""
    turn = DataRouter(lambda: Known(tuple(names))).turn(list(earlier), question)
    return None if turn is None else (turn.tool, dict(turn.arguments))
