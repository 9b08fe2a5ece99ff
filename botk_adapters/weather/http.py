"""HTTP plumbing shared by the weather clients: timeouts, one retry, a small cache."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests

from botk_core.errors import UpstreamError, UpstreamTimeout, UpstreamUnavailable

log = logging.getLogger(__name__)
PREFIX = "no pude obtener el clima: "


def unavailable(reason: str) -> UpstreamError:
    """The error for a weather service that gave no usable answer (Spanish, for users)."""
    return UpstreamUnavailable(PREFIX + reason)


class JsonGetter:
    """GET a JSON object with connect/read timeouts, retrying connection errors and 5xx.

    A 4xx is not retried: the caller decides what it means (unknown place, bad key).
    """

    def __init__(
        self,
        session: requests.Session | None = None,
        connect_timeout: float = 3.05,
        read_timeout: float = 10.0,
        retries: int = 1,
        backoff_seconds: float = 0.5,
    ) -> None:
        self._session = session or requests.Session()
        self._timeout = (connect_timeout, read_timeout)
        self._retries = retries
        self._backoff = backoff_seconds

    def get(self, url: str, params: Mapping[str, Any]) -> tuple[int, Any]:
        """Return ``(status, decoded body)`` for a status below 500."""
        for attempt in range(self._retries + 1):
            last = attempt == self._retries
            try:
                response = self._session.get(url, params=params, timeout=self._timeout)
            except requests.Timeout as error:
                # A read timeout is not retried: the service is up but too slow.
                if isinstance(error, requests.ConnectTimeout) and not last:
                    self._pause(attempt)
                    continue
                raise UpstreamTimeout(PREFIX + "el servicio no respondió a tiempo") from error
            except requests.RequestException as error:
                if not last:
                    self._pause(attempt)
                    continue
                raise unavailable("no hay conexión con el servicio del clima") from error
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


class TtlCache:
    """A small thread-safe cache whose entries expire after ``ttl_seconds``."""

    def __init__(self, ttl_seconds: float = 300.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl_seconds
        self._clock = clock
        self._entries: dict[object, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: object, compute: Callable[[], Any]) -> Any:
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and self._clock() - hit[0] < self._ttl:
            return hit[1]
        value = compute()
        with self._lock:
            self._entries[key] = (self._clock(), value)
        return value
