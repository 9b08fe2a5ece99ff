"""CORS from an allowlist (``BOTK_CORS_ORIGINS``): nothing by default, ``*`` only when asked for."""

from __future__ import annotations

from flask import Flask, Response, request
from flask.typing import ResponseReturnValue

from botk_web.errors import error_response

ALLOWED_HEADERS = "Authorization, X-API-Key, Content-Type, Idempotency-Key, X-Request-ID"
ALLOWED_METHODS = "GET, POST, PUT, DELETE, OPTIONS"
EXPOSED_HEADERS = "X-Request-ID, Retry-After"
PREFLIGHT_MAX_AGE = "600"


def allowed_origin(origin: str | None, origins: tuple[str, ...]) -> str | None:
    """The value for ``Access-Control-Allow-Origin``, or None when the origin is not allowed."""
    if not origin:
        return None
    if "*" in origins:
        return "*"
    return origin if origin.rstrip("/") in {o.rstrip("/") for o in origins} else None


def register_cors(app: Flask, origins: tuple[str, ...]) -> None:
    """Answer preflights and add CORS headers to responses for allowed origins."""

    @app.before_request
    def preflight() -> ResponseReturnValue | None:
        if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
            return None
        if allowed_origin(request.headers.get("Origin"), origins) is None:
            return error_response("Origin not allowed", "cors_origin_not_allowed", 403)
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        return response

    @app.after_request
    def add_headers(response: Response) -> Response:
        # Caches must keep answers for different origins apart.
        response.vary.add("Origin")
        allowed = allowed_origin(request.headers.get("Origin"), origins)
        if allowed is not None:
            response.headers["Access-Control-Allow-Origin"] = allowed
            response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
