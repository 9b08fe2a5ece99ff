"""The Flask app factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from botk_web.container import build_services, start_sensor_refresh
from botk_web.errors import register_error_handlers
from botk_web.middleware import register_production
from botk_web.routes import chat, documents, reports, stations, stream
from botk_web.settings import Settings


def create_app(settings: Settings | None = None, **overrides: Any) -> Flask:
    """Build the app; ``overrides`` (e.g. ``gateway=FakeGateway()``) replace adapters."""
    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["botk"] = build_services(settings, **overrides)
    start_sensor_refresh(app.extensions["botk"])
    register_error_handlers(app)
    register_production(app, app.extensions["botk"], overrides.get("rate_limits"))
    app.register_blueprint(chat.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(documents.bp)
    app.register_blueprint(stream.bp)
    app.register_blueprint(stations.bp)
    return app
