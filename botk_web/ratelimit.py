"""Per-client rate limit: a token bucket per client address, refused with 429 and Retry-After."""

from __future__ import annotations

import math
from typing import Protocol

from flask import Flask, request

from botk_core.errors import RateLimited

# Probes must keep answering even for a client that is being throttled.
UNLIMITED_PATHS = frozenset({"/health", "/ready"})


class TokenBuckets(Protocol):
    """Where buckets live; SQLite keeps them shared by every worker process."""

    def take(self, client: str, per_minute: int, burst: int) -> float:
        """0 when a token was taken, else the seconds until one is free."""
        ...


def register_rate_limit(app: Flask, buckets: TokenBuckets, per_minute: int, burst: int) -> None:
    """Limit each client to ``per_minute`` requests with bursts of ``burst``; 0 turns it off."""
    if per_minute <= 0:
        return

    @app.before_request
    def limit() -> None:
        if request.method == "OPTIONS" or request.path in UNLIMITED_PATHS:
            return
        wait = buckets.take(client_key(), per_minute, burst)
        if wait > 0:
            raise RateLimited(
                "Demasiadas solicitudes; intenta de nuevo más tarde.", retry_after=max(1, math.ceil(wait))
            )


def client_key() -> str:
    """The client's address (behind ``BOTK_TRUSTED_PROXIES`` proxies, the forwarded one)."""
    return f"ip:{request.remote_addr or 'unknown'}"
