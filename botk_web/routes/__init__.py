"""Flask blueprints: thin routes that parse, call a use case and serialise."""

from __future__ import annotations

from flask import current_app

from botk_web.bootstrap import Services


def services() -> Services:
    """The app's wired use cases (``app.extensions["botk"]``)."""
    found: Services = current_app.extensions["botk"]
    return found
