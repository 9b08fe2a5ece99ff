"""Production hooks in their order: request id and log, CORS, rate limit, credential."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from botk_web.bootstrap import Services
from botk_web.cors import register_cors
from botk_web.observability import register_observability
from botk_web.ratelimit import register_rate_limit
from botk_web.security import register_auth


def register_production(app: Flask, services: Services) -> None:
    """Install the hooks; before_request hooks run in this order: a preflight
    is answered first, then the rate limit, then the credential check."""
    settings = services.settings
    if settings.trusted_proxies:
        # Only then is X-Forwarded-For the client's address rather than a forgery.
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    gateway = services.gateway
    register_observability(app, gateway.name, gateway.model)
    register_cors(app, settings.cors_origins)
    # The limit comes before the credential check, so wrong keys cannot be guessed at full speed.
    register_rate_limit(app, services.rate_limits, settings.rate_limit_per_minute, settings.rate_limit_burst)
    register_auth(app, settings.api_hash)
