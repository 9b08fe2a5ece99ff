"""Cross-site protection: a page of another site cannot make the user's browser change anything.

A browser says where a request comes from (``Origin`` on every POST and
``Sec-Fetch-Site`` on all modern browsers). A state-changing request (POST,
PUT, PATCH, DELETE) is refused with 403 ``cross_site_refused`` when either
says "another site", unless that origin is in ``BOTK_CORS_ORIGINS``. Requests
without those headers (curl, scripts, servers) and same-origin pages work as before.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, request

from botk_core.errors import CrossSiteRefused
from botk_web.cors import allowed_origin

STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# The HTTP contract lets GET /start create a conversation; an <img> on another site must not.
WRITING_GETS = frozenset({"/start"})
REFUSAL = (
    "Solicitud rechazada: viene de otro sitio web. Si ese sitio es el panel de esta instalación, "
    "agrega su origen a BOTK_CORS_ORIGINS."
)


def same_host(origin: str) -> bool:
    """Whether ``origin`` names this server's host and port (behind a TLS proxy the scheme differs)."""
    try:
        netloc = urlsplit(origin).netloc
    except ValueError:
        return False
    return bool(netloc) and netloc.lower() == request.host.lower()


def is_cross_site(origins: tuple[str, ...]) -> bool:
    """Whether the current request was sent by a page of a site that is not allowed."""
    origin = request.headers.get("Origin")
    if origin is not None:
        origin = origin.strip().rstrip("/")
        if same_host(origin):
            return False
        # "null" (sandboxed frames, files) is foreign unless explicitly listed.
        return allowed_origin(origin, origins) is None
    site = request.headers.get("Sec-Fetch-Site", "").strip().lower()
    # Without Origin the allowlist cannot be checked; only "same-origin"/"same-site"/"none" pass.
    return site == "cross-site" and "*" not in origins


def register_csrf(app: Flask, origins: tuple[str, ...]) -> None:
    """Refuse cross-site state-changing requests (403 JSON) before they reach a route."""

    @app.before_request
    def refuse_cross_site() -> None:
        writes = request.method in STATE_CHANGING or (
            request.method == "GET" and request.path in WRITING_GETS
        )
        if writes and is_cross_site(origins):
            raise CrossSiteRefused(REFUSAL)
