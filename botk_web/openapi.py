"""The OpenAPI 3.1 description of every BOTK route, served at ``GET /openapi.json``.

A test fails when a registered Flask route is missing here: document new routes.
"""

from __future__ import annotations

from typing import Any

from botk_web.openapi_build import IDEMPOTENCY, THREAD_Q, form_body, op, path, query, with_cross_site_refusals
from botk_web.openapi_files import document_paths, report_paths
from botk_web.openapi_schemas import SCHEMAS, error_responses
from botk_web.openapi_stations import STATION_SCHEMAS, station_paths
from botk_web.page.assets import MIMETYPES

CHAT_ERRORS = ("400", "404", "409", "413", "415", "502", "503", "504")
HISTORY_PARAMS = (
    THREAD_Q,
    query("limit", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}),
    query("after", {"type": "string"}),
    query("before", {"type": "string"}),
    query("order", {"enum": ["asc", "desc"], "default": "asc"}),
)
SSE = {
    "type": "object",
    "description": "Un evento Server-Sent Events; data es JSON.",
    "required": ["event", "data"],
    "properties": {
        "event": {"enum": ["delta", "tool", "citation", "done", "error"]},
        "data": {"type": "string"},
    },
}
_THREAD = "$response.body#/thread_id"
# Links let a client (and a fuzzer) follow a new thread into the routes that take it.
START_LINKS = {
    "chat": {"operationRef": "#/paths/~1chat/post", "requestBody": {"thread_id": _THREAD, "message": "hola"}},
    "history": {"operationRef": "#/paths/~1threadHistory/get", "parameters": {"query.thread_id": _THREAD}},
    "usage": {
        "operationRef": "#/paths/~1threads~1{thread_id}~1usage/get",
        "parameters": {"path.thread_id": _THREAD},
    },
    "report": {"operationRef": "#/paths/~1readTextFile/get", "parameters": {"query.thread_id": _THREAD}},
}


def paths() -> dict[str, Any]:
    """Every route, by path and method."""
    start = op(
        "Crea una conversación.", "Started", "404", params=(query("assistant_id", {"type": "string"}),)
    )
    start["responses"]["200"]["links"] = START_LINKS
    chat_body = form_body("ChatRequest")
    return {
        "/start": {"get": start, "post": start},
        "/chat": {
            "post": op(
                "Envía un mensaje y espera la respuesta.",
                "ChatReply",
                *CHAT_ERRORS,
                params=(IDEMPOTENCY,),
                body=chat_body,
            )
        },
        "/chat/stream": {
            "post": op(
                "Como /chat, con la respuesta en Server-Sent Events.",
                SSE,
                *CHAT_ERRORS,
                params=(IDEMPOTENCY,),
                body=chat_body,
                media="text/event-stream",
            )
        },
        "/threadHistory": {
            "get": op(
                "Mensajes de un hilo, en orden de aceptación.", "History", "400", "404", params=HISTORY_PARAMS
            )
        },
        "/threads/{thread_id}": {
            "delete": op(
                "Borra un hilo: sus mensajes, su consumo y su informe.",
                "ThreadDeleted",
                "404",
                "409",
                params=(path("thread_id"),),
            )
        },
        "/threads/{thread_id}/usage": {
            "get": op("Tokens consumidos por un hilo.", "ThreadUsage", "404", params=(path("thread_id"),))
        },
        "/listAssistants": {
            "get": op("Asistentes configurados.", {"type": "array", "items": {"type": "string"}})
        },
        "/dummy": {"get": op("Prueba de humo.", {"type": "object", "required": ["msj"]}, public=True)},
        "/health": {"get": op("Vida del proceso.", "Health", public=True)},
        "/ready": {"get": op("Listo para atender (base de datos y asistente).", "Ready", "503", public=True)},
        "/openapi.json": {"get": op("Esta descripción.", {"type": "object"}, public=True)},
        "/": {"get": op("La página de chat para el navegador.", None, public=True, media="text/html")},
        "/page/{name}": {"get": page_file_op()},
        **document_paths(),
        **report_paths(),
        **station_paths(),
    }


def page_file_op() -> dict[str, Any]:
    """The chat page's static files: one operation, one media type per kind of file."""
    files = op("Archivos de la página de chat.", None, "404", params=(path("name"),), public=True)
    kinds = sorted({mimetype.split(";")[0] for mimetype in MIMETYPES.values()})
    files["responses"]["200"]["content"] = {kind: {"schema": {"type": "string"}} for kind in kinds}
    return files


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "BOTK API",
            "version": "1.0.0",
            "description": "Asistente de monitoreo de agua (Macaya).",
        },
        "paths": with_cross_site_refusals(paths()),
        "components": {
            "schemas": {**SCHEMAS, **STATION_SCHEMAS},
            "responses": error_responses(),
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "Authorization: Bearer <API_HASH>",
                },
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
        # Only enforced when API_HASH is set; {} says a server without it needs nothing.
        "security": [{"bearer": []}, {"apiKey": []}, {}],
    }
