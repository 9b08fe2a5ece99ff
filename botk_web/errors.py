"""The one place where BOTK errors become HTTP statuses and JSON bodies."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from botk_core import errors as e

log = logging.getLogger(__name__)

STATUS: dict[type[e.BotkError], int] = {
    e.InvalidInput: 400,
    e.PayloadTooLarge: 413,
    e.UnsupportedMediaType: 415,
    e.NotFound: 404,
    e.Conflict: 409,
    e.NotSupported: 501,
    e.UpstreamError: 502,
    e.UpstreamRateLimited: 503,
    e.UpstreamUnavailable: 503,
    e.UpstreamTimeout: 504,
    e.StorageError: 503,
    e.RateLimited: 429,
    e.ServerBusy: 429,
    e.Unauthorized: 401,
    e.Forbidden: 403,
    e.ReportCompilationFailed: 422,
}

_HTTP_CODES = {
    400: ("La solicitud no es válida.", "bad_request"),
    404: ("No encontrado.", "not_found"),
    405: ("Método no permitido.", "method_not_allowed"),
    413: ("El cuerpo de la solicitud es demasiado grande.", "payload_too_large"),
    414: ("La dirección (URL) de la solicitud es demasiado larga.", "uri_too_long"),
    415: ("Tipo de contenido no soportado.", "unsupported_media_type"),
    431: ("Los encabezados de la solicitud son demasiado grandes.", "headers_too_large"),
}
# Headers an HTTP error must keep in its JSON form (405 says which methods the route takes).
_KEPT_HEADERS = ("Allow", "Retry-After")


def error_response(message: str, code: str, status: int) -> tuple[Response, int]:
    return jsonify({"error": message, "code": code}), status


def status_of(error: e.BotkError) -> int:
    """The status of the nearest mapped class in the error's MRO."""
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 500


def register_error_handlers(app: Flask) -> None:
    """Every error becomes ``{"error", "code"}`` JSON; no stack trace ever leaves."""

    @app.errorhandler(e.BotkError)
    def botk_error(error: e.BotkError) -> tuple[Response, int]:
        response, status = error_response(error.message, error.code, status_of(error))
        retry_after = getattr(error, "retry_after", None)
        if isinstance(error, e.StorageError):
            retry_after = 1
        if retry_after is not None:
            response.headers["Retry-After"] = str(retry_after)
        if status >= 500:
            log.warning("request failed upstream: %s (%s)", error.code, type(error).__name__)
        return response, status

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response, int]:
        status = error.code or 500
        message, code = _HTTP_CODES.get(status, (error.name, error.name.lower().replace(" ", "_")))
        response, status = error_response(message, code, status)
        for name, value in error.get_headers():
            if name in _KEPT_HEADERS:
                response.headers[name] = value
        return response, status

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[Response, int]:
        if type(error).__module__.startswith("gunicorn.http."):
            # gunicorn met a malformed body (a bad chunk size) while the app read it: the client's fault.
            log.info("malformed request body: %s", type(error).__name__)
            return error_response("El cuerpo de la solicitud está mal formado.", "bad_request", 400)
        log.exception("unhandled error")
        return error_response("Error interno del servidor.", "internal_error", 500)
