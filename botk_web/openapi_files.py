"""OpenAPI paths of the documents (upload, list, remove, search) and of the per-thread report."""

from __future__ import annotations

from typing import Any

from botk_web.openapi_build import THREAD_Q, form_body, op, path, query

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


def document_paths() -> dict[str, Any]:
    return {
        "/documents": {
            "get": op("Documentos indexados.", "DocumentList"),
            "post": op(
                "Sube documentos (.docx, .pdf, .md, .txt).",
                "DocumentList",
                "400",
                "409",
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
