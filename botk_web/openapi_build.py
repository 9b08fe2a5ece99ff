"""Builders for the OpenAPI description: parameters, operations, bodies."""

from __future__ import annotations

from typing import Any

from botk_web.openapi_schemas import ERRORS, ref

JSON = "application/json"
FORM_TYPES = (JSON, "application/x-www-form-urlencoded", "multipart/form-data")
# Any route: a URL over the limit, the rate limit, an unexpected failure.
LIMITED = ("414", "429", "500")


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


def with_cross_site_refusals(routes: dict[str, Any]) -> dict[str, Any]:
    """Every state-changing operation may answer 403 ``cross_site_refused`` (botk_web.csrf)."""
    for operations in routes.values():
        for method, operation in operations.items():
            if method in ("post", "put", "patch", "delete"):
                operation["responses"].setdefault("403", {"$ref": "#/components/responses/Forbidden"})
    return routes
