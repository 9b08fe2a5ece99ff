"""Production hooks in order: request id and log, URL limit, CORS, cross-site, rate limit, credential."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from botk_adapters.sqlite.rate_limits import SqliteTokenBuckets
from botk_web.container import Services
from botk_web.cors import register_cors
from botk_web.csrf import register_csrf
from botk_web.http_limits import register_http_limits
from botk_web.observability import ObservedSendMessage, register_observability
from botk_web.ratelimit import TokenBuckets, register_rate_limit
from botk_web.routes import ops
from botk_web.security import register_auth


def register_production(app: Flask, services: Services, buckets: TokenBuckets | None = None) -> None:
    """Install the hooks; before_request hooks run in this order: a preflight
    is answered first, then the rate limit, then the credential check."""
    settings = services.settings
    if settings.trusted_proxies:
        # Only then is X-Forwarded-For the client's address rather than a forgery.
        n = settings.trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    gateway = services.gateway
    name, model = getattr(gateway, "name", ""), getattr(gateway, "model", "")
    register_observability(app, name, model, settings.log_level)
    services.send_message = ObservedSendMessage(  # type: ignore[assignment]  # same interface, plus logging
        services.send_message, log_messages=settings.log_messages
    )
    register_http_limits(app, settings)
    register_cors(app, settings.cors_origins)
    register_csrf(app, settings.cors_origins)
    # The limit comes before the credential check, so wrong keys cannot be guessed at full speed.
    register_rate_limit(
        app,
        buckets or SqliteTokenBuckets.beside(settings.database_path),
        settings.rate_limit_per_minute,
        settings.rate_limit_burst,
    )
    register_auth(app, settings.api_hash)
    app.register_blueprint(ops.bp)
