"""API credential check: every route but the open ones needs ``API_HASH`` when it is set."""

from __future__ import annotations

import hmac

from flask import Flask, Response, request

from botk_core.errors import Unauthorized

# Liveness, the smoke test /dummy, readiness (load balancers probe it without
# credentials; it reveals only ok/not ok) and the API description (no secrets).
OPEN_PATHS = frozenset({"/health", "/dummy", "/ready", "/openapi.json"})
# The chat page and its static files hold no data: the page asks for the key
# itself and sends it with each API call.
OPEN_BLUEPRINTS = frozenset({"page"})


def presented_credential() -> str | None:
    """The credential from ``Authorization: Bearer …`` or ``X-API-Key``."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("X-API-Key") or None


def register_auth(app: Flask, api_hash: str | None) -> None:
    """Refuse requests without the credential (401 JSON); a no-op when ``api_hash`` is unset."""
    if not api_hash:
        return
    expected = api_hash.encode()

    @app.before_request
    def require_credential() -> None:
        # Preflights carry no credentials by design; CORS answers them earlier.
        if request.method == "OPTIONS" or request.path in OPEN_PATHS or request.blueprint in OPEN_BLUEPRINTS:
            return
        given = presented_credential()
        # compare_digest takes the same time wherever the strings differ.
        if given is None or not hmac.compare_digest(given.encode(), expected):
            raise Unauthorized("Falta la clave de acceso (API_HASH) o no es válida.")

    @app.after_request
    def challenge(response: Response) -> Response:
        if response.status_code == 401:
            response.headers.setdefault("WWW-Authenticate", 'Bearer realm="botk"')
        return response
