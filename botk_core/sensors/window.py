"""Time windows relative to now, and the fallback to the last period with data."""

from __future__ import annotations

from datetime import tzinfo

import attrs

from botk_core.sensors import spanish
from botk_core.sensors.rules import DAY


@attrs.frozen
class Window:
    """``since..until`` covering ``days``; ``fallback`` when it ends at the last data, not now."""

    since: float
    until: float
    days: float
    fallback: bool

    def name(self, zone: tzinfo) -> str:
        """``"los últimos 7 días"`` or ``"los últimos 7 días con datos, del 21 al 28 de abril de 2023"``."""
        name = spanish.window_name(self.days)
        if not self.fallback:
            return name
        return f"{name} con datos, {spanish.period(self.since, self.until, zone)}"


def choose_window(now: float, days: float, last: float | None) -> Window:
    """The last ``days`` before now, or before ``last`` when there is no data since then."""
    since = now - days * DAY
    if last is None or last >= since:
        return Window(since, now, days, False)
    return Window(last - days * DAY, last, days, True)
