"""gunicorn's own refusals (request line too long, bad headers) as BOTK's JSON errors, not HTML."""

from __future__ import annotations

import json
import socket

from gunicorn import util

_CODES = {
    400: ("La solicitud HTTP está mal formada.", "bad_request"),
    408: ("La solicitud no llegó completa a tiempo.", "request_timeout"),
    414: ("La dirección (URL) de la solicitud es demasiado larga.", "uri_too_long"),
    431: ("Los encabezados de la solicitud son demasiado grandes.", "headers_too_large"),
    501: ("La codificación de la solicitud no está soportada.", "not_implemented"),
}


def json_error(sock: socket.socket, status_int: int, reason: str, mesg: str) -> None:
    """Same contract as ``gunicorn.util.write_error``; the body is ``{"error", "code"}``."""
    message, code = _CODES.get(status_int, ("No se pudo atender la solicitud.", "server_error"))
    body = json.dumps({"error": message, "code": code}, ensure_ascii=False).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


def install() -> None:
    """Route gunicorn's error pages through :func:`json_error` (workers inherit it on fork)."""
    util.write_error = json_error
