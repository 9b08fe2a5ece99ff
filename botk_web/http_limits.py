"""Request-shape limits the routes never see: URL length, form size, and no HTML for a bare OPTIONS."""

from __future__ import annotations

from flask import Flask, Response, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import RequestURITooLarge

from botk_core.errors import PayloadTooLarge
from botk_web.limits import json_budget
from botk_web.parsing import JSON_BUDGET_KEY
from botk_web.settings import Settings


def register_http_limits(app: Flask, settings: Settings) -> None:
    """A URL over ``BOTK_MAX_URL_CHARS`` is a JSON 414 before any other work; JSON bodies get their budget."""
    app.config[JSON_BUDGET_KEY] = json_budget(settings)
    max_url_chars, max_form_bytes = settings.max_url_chars, settings.max_form_bytes

    @app.before_request
    def url_length() -> None:
        raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or request.full_path
        if len(raw) > max_url_chars:
            raise RequestURITooLarge()

    @app.before_request
    def form_size() -> None:
        # Werkzeug parses a urlencoded body whole (no field or memory limit): 16 MB of "a=1&" is 700 MB.
        if request.mimetype != "application/x-www-form-urlencoded":
            return
        size = request.content_length
        if size is None:
            size = len(request.get_data(cache=True))
        if size > max_form_bytes:
            raise PayloadTooLarge(
                f"El formulario supera {max_form_bytes // 1024} KB (BOTK_MAX_FORM_BYTES); "
                "envía los archivos como multipart/form-data."
            )

    @app.after_request
    def empty_options(response: Response) -> ResponseReturnValue:
        # Flask answers OPTIONS itself; without a CORS preflight it gets an empty body, never a page.
        if request.method == "OPTIONS" and response.mimetype == "text/html":
            response.set_data(b"")
            response.mimetype = "text/plain"
        return response
