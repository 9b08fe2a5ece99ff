"""PeriodicImport: run a sensor import now and then, in the background, while the server runs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from botk_core.errors import BotkError
from botk_core.usecases.import_measurements import ImportSummary

log = logging.getLogger(__name__)


class PeriodicImport:
    """Runs ``run_once`` now and then every ``every_seconds`` in a daemon thread.

    Failures are logged and retried at the next tick; they never stop the server.
    """

    def __init__(self, run_once: Callable[[], ImportSummary], every_seconds: float) -> None:
        self._run = run_once
        self._every = every_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> ImportSummary | None:
        """One import; None when the source could not be read."""
        try:
            summary = self._run()
        except BotkError as error:
            log.warning("sensor refresh failed: %s", error.message)
            return None
        log.info(
            "sensor refresh: %d imported, %d new, %d unchanged, %d skipped",
            summary.imported,
            summary.new,
            summary.unchanged,
            len(summary.rejected),
        )
        return summary

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="botk-sensor-refresh", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:
                # One bad feed must not end the refresh for the life of the worker.
                log.exception("periodic sensor import failed")
            self._stop.wait(self._every)
