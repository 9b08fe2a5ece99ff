"""Document routes: GET/POST /documents, DELETE /documents/<id>, GET /search.

The shared folder's documents are read-only here unless ``BOTK_ALLOW_DOCUMENT_ADMIN``
is on or the request carries ``X-Admin-Key: <BOTK_DOCUMENT_ADMIN_KEY>``.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from typing import Any

from flask import Blueprint, Request, jsonify, request
from flask.typing import ResponseReturnValue

from botk_core.domain import DocumentInfo
from botk_core.errors import DocumentNotFound, MissingFields, PayloadTooLarge, UnsupportedMediaType
from botk_core.ids import is_valid_id
from botk_core.usecases.documents import AddDocumentInput, SearchDocumentsInput, UploadPolicy
from botk_web.documents_wiring import DocumentUseCases
from botk_web.parsing import int_arg
from botk_web.routes import services

bp = Blueprint("documents", __name__)

ADMIN_HEADER = "X-Admin-Key"
MAX_FILES = 20
MAX_NAME_CHARS = 120
UPLOAD_FIELDS = ("files", "file")
_UNSAFE = re.compile(r"[^\w .,()\-]+")


def documents() -> DocumentUseCases:
    return services().document_use_cases


def upload_policy() -> UploadPolicy:
    """This request's rights over the shared folder, and the upload budget."""
    settings = services().settings
    key = settings.document_admin_key
    given = request.headers.get(ADMIN_HEADER, "")
    keyed = bool(key and given) and hmac.compare_digest(given.encode(), (key or "").encode())
    admin = settings.allow_document_admin or keyed
    return UploadPolicy(
        admin, settings.max_upload_total_bytes, settings.max_upload_text_bytes, settings.upload_read_seconds
    )


def document_json(document: DocumentInfo) -> dict[str, Any]:
    return {
        "id": document.id,
        "object": "document",
        "name": document.name,
        "chunks": document.chunk_count,
        "content_hash": document.content_hash,
        "added_at": int(document.added_at),
    }


@bp.get("/documents")
def list_documents() -> ResponseReturnValue:
    return jsonify(object="list", data=[document_json(d) for d in documents().list.execute()])


@bp.post("/documents")
def upload_documents() -> ResponseReturnValue:
    uploads = uploaded_files(request)
    if not uploads:
        raise MissingFields("Falta el archivo (campo multipart 'files').")
    stored = documents().add.execute(uploads, upload_policy())
    return jsonify(object="list", data=[document_json(d) for d in stored]), 201


@bp.delete("/documents/<document_id>")
def delete_document(document_id: str) -> ResponseReturnValue:
    if not is_valid_id(document_id, "doc"):
        raise DocumentNotFound("Documento no encontrado")
    documents().remove.execute(document_id, upload_policy())
    return jsonify(id=document_id, object="document.deleted", deleted=True)


@bp.get("/search")
def search() -> ResponseReturnValue:
    query = (request.args.get("q") or "").strip()
    if not query:
        raise MissingFields("Falta q (el texto a buscar).")
    passages = documents().search.execute(SearchDocumentsInput(query, int_arg(request, "k", 5)))
    data = [
        {
            "document_id": p.document_id,
            "document": p.document,
            "location": p.location,
            "text": p.text,
            "score": p.score,
        }
        for p in passages
    ]
    return jsonify(object="list", query=query, data=data)


def uploaded_files(req: Request) -> list[AddDocumentInput]:
    """The multipart uploads of ``req``, size-checked and with sanitised names."""
    if req.files and req.mimetype != "multipart/form-data":
        raise UnsupportedMediaType("Sube los archivos como multipart/form-data.")
    files = [f for field in UPLOAD_FIELDS for f in req.files.getlist(field) if f.filename or f.content_length]
    if len(files) > MAX_FILES:
        raise PayloadTooLarge(f"Como máximo {MAX_FILES} archivos por solicitud.")
    uploads = []
    limit = services().settings.max_upload_file_bytes
    for storage in files:
        data = storage.stream.read(limit + 1)
        name = safe_name(storage.filename or "")
        if len(data) > limit:
            raise PayloadTooLarge(f"{name}: el archivo supera {limit / (1024 * 1024):.1f} MB")
        uploads.append(AddDocumentInput(name, data))
    return uploads


def safe_name(raw: str) -> str:
    """A display name without folders, control or odd characters; accents are kept."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", raw))[-1]
    base = " ".join(_UNSAFE.sub("_", base).split()).strip(" .")
    if len(base) > MAX_NAME_CHARS:
        stem, dot, ext = base.rpartition(".")
        base = stem[: MAX_NAME_CHARS - len(ext) - 1] + dot + ext if dot else base[:MAX_NAME_CHARS]
    return base or "documento"
