"""Routes of the chat page: the HTML at ``/`` and its static files at ``/page/<name>``."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from flask.typing import ResponseReturnValue

from botk_core.errors import NotFound
from botk_web.page.assets import asset_url, assets
from botk_web.routes import services

bp = Blueprint("page", __name__, template_folder="templates")

# Everything comes from BOTK itself; no inline script or style may run, so an
# answer or a quoted passage that carries markup can never execute.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
YEAR = 365 * 24 * 3600


@bp.get("/")
def index() -> ResponseReturnValue:
    """The chat page; it tells its script whether the server asks for an access key."""
    auth_required = bool(services().settings.api_hash)
    html = render_template("botk_page/index.html", asset=asset_url, auth_required=auth_required)
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cache-Control"] = "no-cache"
    _harden(response)
    return response


@bp.get("/page/<name>")
def asset(name: str) -> ResponseReturnValue:
    """A static file, gzipped when the browser takes it; cached for a year under its versioned URL."""
    found = assets().get(name)
    if found is None:
        raise NotFound("No encontrado.")
    zipped = request.accept_encodings.quality("gzip") > 0
    etag = found.digest + ("-gz" if zipped else "")
    unchanged = request.if_none_match.contains(etag)
    body = b"" if unchanged else found.gzipped if zipped else found.body
    response = Response(body, 304 if unchanged else 200)
    response.content_type = found.mimetype
    response.vary.add("Accept-Encoding")
    if zipped:
        response.headers["Content-Encoding"] = "gzip"
    response.set_etag(etag)
    if request.args.get("v") == found.digest:
        response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    else:
        response.headers["Cache-Control"] = "no-cache"
    _harden(response)
    return response


def _harden(response: Response) -> None:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
