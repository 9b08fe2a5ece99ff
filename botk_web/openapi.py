"""The OpenAPI 3.1 description of every BOTK route, served at ``GET /openapi.json``.

A test fails when a registered Flask route is missing here: document new routes.
"""

from __future__ import annotations

from typing import Any

from botk_web.openapi_schemas import ERRORS, SCHEMAS, error_responses, ref

JSON = "application/json"
FORM_TYPES = (JSON, "application/x-www-form-urlencoded", "multipart/form-data")
LIMITED = ("429", "500")


def query(name: str, schema: dict[str, Any], required: bool = False, description: str = "") -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


def path(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}


IDEMPOTENCY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string"},
    "description": "Igual que client_message_id: un reintento no duplica el mensaje.",
}
THREAD_Q = query("thread_id", {"type": "string"}, True)


def op(
    summary: str,
    ok: dict[str, Any] | str | None,
    *errors: str,
    params: tuple[dict[str, Any], ...] = (),
    body: dict[str, Any] | None = None,
    status: str = "200",
    media: str = JSON,
    public: bool = False,
) -> dict[str, Any]:
    """One operation: its success response, its errors, and whether it needs the API credential."""
    schema = ref(ok) if isinstance(ok, str) else ok
    content = {media: {"schema": schema or {"type": "string"}}}
    responses: dict[str, Any] = {status: {"description": "OK", "content": content}}
    for code in (*errors, *(() if public else ("401",)), *LIMITED):
        responses[code] = {"$ref": f"#/components/responses/{ERRORS[code][0]}"}
    operation: dict[str, Any] = {"summary": summary, "parameters": list(params), "responses": responses}
    if body is not None:
        operation["requestBody"] = body
    if public:
        operation["security"] = []
    return operation


def form_body(schema: str | dict[str, Any], types: tuple[str, ...] = FORM_TYPES) -> dict[str, Any]:
    body_schema = ref(schema) if isinstance(schema, str) else schema
    return {"required": True, "content": {t: {"schema": body_schema} for t in types}}


THREAD_BODY = {"type": "object", "required": ["thread_id"], "properties": {"thread_id": {"type": "string"}}}
UPLOAD = {
    "type": "object",
    "required": ["files"],
    "properties": {
        "files": {
            "type": "array",
            "items": {"type": "string", "contentMediaType": "application/octet-stream"},
        }
    },
}
CHAT_ERRORS = ("400", "404", "409", "413", "415", "502", "503", "504")
HISTORY_PARAMS = (
    THREAD_Q,
    query("limit", {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}),
    query("after", {"type": "string"}),
    query("before", {"type": "string"}),
    query("order", {"enum": ["asc", "desc"], "default": "asc"}),
)
SSE = {"type": "string", "description": "Eventos delta, tool, citation, done, error."}


def paths() -> dict[str, Any]:
    """Every route, by path and method."""
    start = op(
        "Crea una conversación.", "Started", "404", params=(query("assistant_id", {"type": "string"}),)
    )
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
        **document_paths(),
        **report_paths(),
    }


def document_paths() -> dict[str, Any]:
    return {
        "/documents": {
            "get": op("Documentos indexados.", "DocumentList"),
            "post": op(
                "Sube documentos (.docx, .pdf, .md, .txt).",
                "DocumentList",
                "400",
                "413",
                "415",
                body=form_body(UPLOAD, ("multipart/form-data",)),
                status="201",
            ),
        },
        "/documents/{document_id}": {
            "delete": op("Quita un documento.", "DocumentDeleted", "404", params=(path("document_id"),))
        },
        "/search": {
            "get": op(
                "Busca pasajes en los documentos.",
                "SearchResults",
                "400",
                params=(
                    query("q", {"type": "string"}, True),
                    query("k", {"type": "integer", "minimum": 1, "maximum": 10}),
                ),
            )
        },
    }


def report_paths() -> dict[str, Any]:
    pdf = {"type": "string", "contentMediaType": "application/pdf"}
    return {
        "/readTextFile": {
            "get": op(
                "Fuente LaTeX del informe del hilo.", "ReportText", "400", "404", "501", params=(THREAD_Q,)
            )
        },
        "/threads/{thread_id}/report.tex": {
            "get": op(
                "Fuente LaTeX del informe.",
                None,
                "404",
                "501",
                params=(path("thread_id"),),
                media="application/x-tex",
            )
        },
        "/threads/{thread_id}/report.pdf": {
            "get": op(
                "Informe en PDF.",
                pdf,
                "404",
                "501",
                "502",
                params=(path("thread_id"),),
                media="application/pdf",
            )
        },
        "/compile": {
            "post": op(
                "Compila el informe del hilo a PDF.",
                pdf,
                "400",
                "404",
                "415",
                "501",
                "502",
                body=form_body(THREAD_BODY),
                media="application/pdf",
            )
        },
    }


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "BOTK API",
            "version": "1.0.0",
            "description": "Asistente de monitoreo de agua (Macaya).",
        },
        "paths": paths(),
        "components": {
            "schemas": SCHEMAS,
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
