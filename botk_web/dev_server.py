"""The request handler of ``botk serve`` (werkzeug): JSON refusals and no access line of its own.

BOTK logs one JSON line per request (``botk.access``, without query strings);
werkzeug's own line would repeat it with the full URL, search text included.
"""

from __future__ import annotations

import json
from typing import Any

from werkzeug.serving import WSGIRequestHandler

_MESSAGES = {
    400: ("La solicitud HTTP está mal formada.", "bad_request"),
    414: ("La dirección (URL) de la solicitud es demasiado larga.", "uri_too_long"),
    431: ("Los encabezados de la solicitud son demasiado grandes.", "headers_too_large"),
}


class QuietJsonRequestHandler(WSGIRequestHandler):
    """Errors the HTTP layer answers before the app (414, 400, 431) as ``{"error", "code"}``."""

    error_content_type = "application/json"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        text, name = _MESSAGES.get(code, ("No se pudo atender la solicitud.", "http_error"))
        # http.server fills error_message_format with %-placeholders; the body has none left.
        self.error_message_format = json.dumps({"error": text, "code": name}, ensure_ascii=False).replace(
            "%", "%%"
        )
        super().send_error(code, message, explain)

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        """No line here: ``botk.access`` already logs the request, without its query string."""
