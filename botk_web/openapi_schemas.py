"""Reusable OpenAPI 3.1 components: the JSON shapes BOTK answers with."""

from __future__ import annotations

from typing import Any

STRING: dict[str, Any] = {"type": "string"}
INTEGER: dict[str, Any] = {"type": "integer"}
NULLABLE_STRING: dict[str, Any] = {"type": ["string", "null"]}


def obj(required: list[str], **properties: Any) -> dict[str, Any]:
    """An object schema; extra properties are allowed so that adding a field is not a break."""
    return {"type": "object", "required": required, "properties": properties}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def listing(item: str, **extra: Any) -> dict[str, Any]:
    return obj(
        ["object", "data"], object={"const": "list"}, data={"type": "array", "items": ref(item)}, **extra
    )


CITATION = obj(
    ["document", "location", "quote"], document=STRING, document_id=STRING, location=STRING, quote=STRING
)
USAGE = obj(
    ["input_tokens", "output_tokens"], input_tokens=INTEGER, output_tokens=INTEGER, cached_tokens=INTEGER
)
TEXT_CONTENT = obj(
    ["type", "text"],
    type={"const": "text"},
    text=obj(
        ["value", "annotations"], value=STRING, annotations={"type": "array", "items": {"type": "object"}}
    ),
)
MESSAGE = obj(
    ["id", "object", "created_at", "thread_id", "role", "content"],
    id=STRING,
    object={"const": "thread.message"},
    created_at=INTEGER,
    thread_id=STRING,
    role={"enum": ["user", "assistant"]},
    status={"enum": ["completed", "in_progress", "incomplete"]},
    content={"type": "array", "items": TEXT_CONTENT},
    tool_calls={
        "type": "array",
        "items": obj(["name"], name=STRING, is_error={"type": "boolean"}, arguments={"type": "object"}),
    },
    usage=ref("Usage"),
)
DOCUMENT = obj(
    ["id", "object", "name"],
    id=STRING,
    object={"const": "document"},
    name=STRING,
    chunks=INTEGER,
    content_hash=STRING,
    added_at=INTEGER,
)
PASSAGE = obj(
    ["document_id", "document", "location", "text", "score"],
    document_id=STRING,
    document=STRING,
    location=STRING,
    text=STRING,
    score={"type": "number"},
)

SCHEMAS: dict[str, Any] = {
    "Error": obj(["error", "code"], error=STRING, code=STRING),
    "Citation": CITATION,
    "Usage": USAGE,
    "Message": MESSAGE,
    "History": listing(
        "Message", first_id=NULLABLE_STRING, last_id=NULLABLE_STRING, has_more={"type": "boolean"}
    ),
    "Started": obj(
        ["thread_id", "assistant_id"], thread_id=STRING, assistant_id=STRING, vector_store_id=NULLABLE_STRING
    ),
    "ChatRequest": obj(
        ["thread_id", "message"],
        thread_id=STRING,
        message={"type": "string", "description": "El texto del usuario (límite BOTK_MAX_MESSAGE_CHARS)."},
        client_message_id={"type": "string", "description": "Clave de idempotencia del mensaje."},
    ),
    "ChatReply": obj(
        ["response", "message_id", "thread_id"],
        response=STRING,
        message_id=STRING,
        thread_id=STRING,
        citations={"type": "array", "items": ref("Citation")},
    ),
    "Health": obj(["status", "gateway"], status=STRING, gateway=STRING, model=STRING, storage=STRING),
    "Ready": obj(["status", "checks"], status={"enum": ["ready", "not_ready"]}, checks={"type": "object"}),
    "ThreadUsage": obj(
        ["thread_id", "turns", "input_tokens", "output_tokens", "total_tokens"],
        thread_id=STRING,
        turns=INTEGER,
        input_tokens=INTEGER,
        output_tokens=INTEGER,
        cached_tokens=INTEGER,
        total_tokens=INTEGER,
    ),
    "Document": DOCUMENT,
    "DocumentList": listing("Document"),
    "ThreadDeleted": obj(["id", "deleted"], id=STRING, object=STRING, deleted={"type": "boolean"}),
    "DocumentDeleted": obj(["id", "deleted"], id=STRING, object=STRING, deleted={"type": "boolean"}),
    "SearchResults": listing("Passage", query=STRING),
    "Passage": PASSAGE,
    "ReportText": obj(["response"], response=STRING),
}

ERRORS: dict[str, tuple[str, str]] = {
    "400": ("BadRequest", "Campos faltantes o inválidos."),
    "401": ("Unauthorized", "Falta la credencial API_HASH o es incorrecta."),
    "403": (
        "Forbidden",
        "Solicitud desde otro sitio (cross_site_refused), origen CORS no permitido (preflight) "
        "o documento de la carpeta compartida (solo lectura).",
    ),
    "404": ("NotFound", "No existe (hilo, documento o ruta)."),
    "405": ("MethodNotAllowed", "Método no permitido en esta ruta."),
    "409": (
        "Conflict",
        "Otro mensaje del hilo sigue en curso, la clave de idempotencia ya se usó "
        "o ya existe otro documento con ese nombre (o uno equivalente).",
    ),
    "413": ("PayloadTooLarge", "Mensaje o archivo sobre el límite."),
    "414": ("UriTooLong", "La URL supera BOTK_MAX_URL_CHARS."),
    "415": ("UnsupportedMediaType", "Tipo de contenido no aceptado."),
    "429": ("RateLimited", "Demasiadas solicitudes; reintentar después de Retry-After segundos."),
    "500": ("InternalError", "Error interno (sin detalles)."),
    "501": ("NotSupported", "La función no está disponible en esta instalación."),
    "502": ("UpstreamError", "El proveedor del modelo falló."),
    "503": (
        "Unavailable",
        "Proveedor o almacenamiento no disponible, o el proceso ya lee otros archivos "
        "(busy, con Retry-After).",
    ),
    "504": ("UpstreamTimeout", "El proveedor no respondió a tiempo."),
}


def error_responses() -> dict[str, Any]:
    """One named response per error status; each is the ``Error`` JSON body."""
    responses: dict[str, Any] = {}
    for name, description in ERRORS.values():
        responses[name] = {
            "description": description,
            "content": {"application/json": {"schema": ref("Error")}},
        }
    responses["RateLimited"]["headers"] = {
        "Retry-After": {"description": "Segundos a esperar.", "schema": {"type": "integer"}}
    }
    return responses
