"""The Flask app factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from botk_web.bootstrap import Services, bootstrap
from botk_web.errors import register_error_handlers
from botk_web.middleware import register_production
from botk_web.page import bp as page
from botk_web.routes import chat, documents, ops, reports, stations, stream, threads
from botk_web.sensor_refresh import start_sensor_refresh
from botk_web.settings import Settings


def create_app(settings: Settings | None = None, **parts: Any) -> Flask:
    """Build the app on ``bootstrap(settings, **parts)`` (e.g. ``gateway=FakeGateway()``)."""
    services = bootstrap(settings or Settings.from_env(), **parts).serving()
    return app_for(services)


def app_for(services: Services) -> Flask:
    """The Flask app serving ``services``."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = services.settings.max_request_bytes
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["botk"] = services
    start_sensor_refresh(services)
    register_error_handlers(app)
    register_production(app, services)
    for blueprint in (chat.bp, stream.bp, threads.bp, reports.bp, documents.bp, ops.bp, stations.bp, page):
        app.register_blueprint(blueprint)
    return app
