"""HTTP plumbing shared by the weather clients: timeouts, one retry, a memory of outages."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import requests

from botk_adapters.weather.cache import FAILURE_SECONDS, TtlCache, again
from botk_core.errors import UpstreamError, UpstreamTimeout, UpstreamUnavailable

__all__ = ["PREFIX", "JsonGetter", "TtlCache", "unavailable"]

log = logging.getLogger(__name__)
PREFIX = "No pude consultar el pronóstico del tiempo: "


def unavailable(reason: str) -> UpstreamError:
    """The error for a weather service that gave no usable answer: one plain sentence for users."""
    return UpstreamUnavailable(f"{PREFIX}{reason}.")


class JsonGetter:
    """GET a JSON object with connect/read timeouts, retrying connection errors and 5xx.

    A 4xx is not retried: the caller decides what it means (unknown place, bad
    key). A host that could not be reached is remembered as down for
    ``failure_seconds``: the next request fails at once instead of waiting again.
    """

    def __init__(
        self,
        session: requests.Session | None = None,
        connect_timeout: float = 3.05,
        read_timeout: float = 10.0,
        retries: int = 1,
        backoff_seconds: float = 0.5,
        failure_seconds: float = FAILURE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._session = session or requests.Session()
        self._timeout = (connect_timeout, read_timeout)
        self._retries = retries
        self._backoff = backoff_seconds
        self._failure_seconds, self._clock = failure_seconds, clock
        self._down: dict[str, tuple[float, UpstreamError]] = {}
        self._lock = threading.Lock()

    def get(self, url: str, params: Mapping[str, Any]) -> tuple[int, Any]:
        """Return ``(status, decoded body)`` for a status below 500."""
        host = urlsplit(url).netloc
        with self._lock:
            down = self._down.get(host)
        if down is not None and self._clock() < down[0]:
            raise again(down[1])
        try:
            return self._get(url, params)
        except UpstreamError as error:
            with self._lock:
                self._down[host] = (self._clock() + self._failure_seconds, error)
            raise

    def _get(self, url: str, params: Mapping[str, Any]) -> tuple[int, Any]:
        for attempt in range(self._retries + 1):
            last = attempt == self._retries
            try:
                response = self._session.get(url, params=params, timeout=self._timeout)
            except requests.Timeout as error:
                # A read timeout is not retried: the service is up but too slow.
                if isinstance(error, requests.ConnectTimeout) and not last:
                    self._pause(attempt)
                    continue
                raise UpstreamTimeout(PREFIX + "el servicio no respondió a tiempo.") from error
            except requests.RequestException as error:
                if not last:
                    self._pause(attempt)
                    continue
                raise unavailable("sin conexión con el servicio") from error
            if response.status_code >= 500:
                if not last:
                    self._pause(attempt)
                    continue
                raise unavailable(f"el servicio respondió con error {response.status_code}")
            return response.status_code, _json(response)
        raise AssertionError("unreachable")

    def _pause(self, attempt: int) -> None:
        time.sleep(self._backoff * (attempt + 1))


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError as error:
        raise unavailable("el servicio devolvió una respuesta ilegible") from error
