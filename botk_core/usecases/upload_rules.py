"""Who may change which document, and how many uploaded bytes are kept: checked before any parsing.

Documents of the shared folder are the organisation's official sources: over
HTTP they are read-only unless the caller is an admin. An upload never takes
the name of a different document silently (409), nor a name that reads like
the name of another document or of a file of the shared folder (another case,
accents, width, separators or extension: 409 for everyone); the same file
again changes nothing. Uploads together keep at most ``max_total_bytes``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs

from botk_core.domain import DocumentInfo
from botk_core.errors import DocumentNameTaken, DocumentReadOnly, DocumentTooLarge, UploadQuotaExceeded
from botk_core.text import name_key

UPLOAD_SOURCE = "upload"
MB = 1024 * 1024


class Upload(Protocol):
    """What the rules need of an upload: its name, size and content hash."""

    @property
    def name(self) -> str: ...

    @property
    def data(self) -> bytes: ...


@attrs.frozen
class UploadPolicy:
    """``admin`` may replace and remove shared documents; None means unbounded.

    ``max_text_bytes`` bounds the text one request adds to the index (indexing
    costs about half a second per megabyte, inside one write transaction) and
    ``max_read_seconds`` the time spent reading its files.
    """

    admin: bool = False
    max_total_bytes: int | None = None
    max_text_bytes: int | None = None
    max_read_seconds: float | None = None


def check_reading(name: str, text_bytes: int, seconds: float, policy: UploadPolicy) -> None:
    """Raise ``DocumentTooLarge`` once the files read so far hold too much text or took too long."""
    if policy.max_text_bytes is not None and text_bytes > policy.max_text_bytes:
        raise DocumentTooLarge(
            f"{name}: la solicitud trae {text_bytes / MB:.1f} MB de texto y el límite es "
            f"{policy.max_text_bytes / MB:.1f} MB (BOTK_MAX_UPLOAD_TEXT_BYTES); súbalos en partes."
        )
    if policy.max_read_seconds is not None and seconds > policy.max_read_seconds:
        raise DocumentTooLarge(
            f"{name}: leer los archivos de la solicitud tarda demasiado "
            f"(BOTK_UPLOAD_READ_SECONDS={policy.max_read_seconds:g}); súbalos por separado."
        )


def is_shared(document: DocumentInfo) -> bool:
    """Whether the document came from the shared folder (not from an upload)."""
    return document.source != UPLOAD_SOURCE


def check_removal(document: DocumentInfo, policy: UploadPolicy) -> None:
    """Raise ``DocumentReadOnly`` when ``document`` is shared and the caller is no admin."""
    if is_shared(document) and not policy.admin:
        raise DocumentReadOnly(
            f"{document.name} es un documento de la carpeta compartida: por HTTP es de solo lectura."
        )


def plan_uploads(
    uploads: Sequence[Upload],
    hashes: Sequence[str],
    known: dict[str, DocumentInfo],
    policy: UploadPolicy,
    shared_files: Sequence[str] = (),
) -> list[bool]:
    """For each upload, whether it must be stored (False: the same file is already there).

    Raises ``DocumentNameTaken`` (409) or ``UploadQuotaExceeded`` (413); nothing is stored then.
    ``shared_files`` names every file of the shared folder, documents or not (its README).
    """
    _check_lookalikes([upload.name for upload in uploads], known, shared_files)
    store = []
    for upload, digest in zip(uploads, hashes, strict=True):
        other = known.get(upload.name)
        if other is not None and other.content_hash != digest and not policy.admin:
            raise DocumentNameTaken(
                f"{upload.name}: ya existe otro documento con ese nombre; cambia el nombre del archivo."
            )
        store.append(other is None or other.content_hash != digest)
    _check_quota(uploads, store, known, policy)
    return store


def _check_lookalikes(
    names: Sequence[str], known: dict[str, DocumentInfo], shared_files: Sequence[str]
) -> None:
    """Refuse a name that reads like another one: in the request, a stored document, a shared file.

    Only the very same name as a stored document may replace it (by the rules of ``plan_uploads``);
    a name that differs in case, accents, width, separators or extension would be cited as the other.
    """
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(name_key(name), name)
        if other != name or names.count(name) > 1:
            raise DocumentNameTaken(f"{other}, {name}: dos archivos de la solicitud tienen el mismo nombre.")
    taken = {name_key(n): n for n in [*shared_files, *known]}
    for name in names:
        alike = None if name in known else taken.get(name_key(name))
        if alike is not None:
            what = (
                f"el documento «{alike}»"
                if alike in known
                else f"el archivo «{alike}» de la carpeta compartida"
            )
            raise DocumentNameTaken(f"{name}: el nombre choca con {what}; cambia el nombre del archivo.")


def _check_quota(
    uploads: Sequence[Upload], store: Sequence[bool], known: dict[str, DocumentInfo], policy: UploadPolicy
) -> None:
    if policy.max_total_bytes is None or not any(store):
        return
    kept = {d.name: d.size_bytes for d in known.values() if not is_shared(d)}
    before = sum(kept.values())
    for upload, stored in zip(uploads, store, strict=True):
        if stored:
            kept[upload.name] = len(upload.data)
    total = sum(kept.values())
    # A smaller replacement is always welcome, even over a limit that was lowered since.
    if total > policy.max_total_bytes and total > before:
        raise UploadQuotaExceeded(
            f"Los documentos subidos ocuparían {total / MB:.1f} MB y el límite es "
            f"{policy.max_total_bytes / MB:.1f} MB (BOTK_MAX_UPLOAD_TOTAL_BYTES): borra documentos subidos."
        )
