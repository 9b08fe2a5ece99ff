"""``botk assistant sync``: keep an OpenAI vector store in step with the documents folder."""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import openai

from botk_adapters.documents.folder import LocalDocumentFolder
from botk_adapters.openai.errors import translate
from botk_adapters.openai.vector_state import DEFAULT_KEY, UploadedFile, VectorStoreRecord
from botk_core.errors import NotFound

STORE_NAME = "BOTK documentos"
FINAL = ("completed", "failed", "cancelled")


@attrs.frozen
class SyncReport:
    """What a sync did, by document name."""

    vector_store_id: str
    created: bool
    uploaded: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    failed: tuple[str, ...]
    still_processing: tuple[str, ...]


@attrs.define
class _Pending:
    local: UploadedFile
    previous: UploadedFile | None
    status: str = "in_progress"


class VectorStoreSync:
    """Uploads new or changed files (by content hash), removes deleted ones, waits for processing."""

    def __init__(
        self,
        client: openai.OpenAI,
        state: VectorStoreRecord,
        *,
        configured_id: str | None = None,
        key: str = DEFAULT_KEY,
        progress: Callable[[str], None] = lambda line: None,
        poll_seconds: float = 1.0,
        max_wait_seconds: float = 600.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client, self._state, self._configured, self._key = client, state, configured_id, key
        self._progress, self._poll, self._max_wait, self._sleep = (
            progress,
            poll_seconds,
            max_wait_seconds,
            sleep,
        )

    def run(self, folder: Path) -> SyncReport:
        try:
            return self._run(folder)
        except openai.OpenAIError as error:
            raise translate(error) from error

    def _run(self, folder: Path) -> SyncReport:
        store_id, created = self._vector_store()
        local = _hashes(folder)
        known = self._state.files(store_id)
        changed = [name for name, digest in local.items() if known.get(name, _NONE).content_hash != digest]
        pending = [self._upload(store_id, folder, name, local[name], known.get(name)) for name in changed]
        self._wait(store_id, pending)
        removed = [self._remove(store_id, known[name]) for name in sorted(set(known) - set(local))]
        return SyncReport(
            store_id,
            created,
            uploaded=tuple(p.local.name for p in pending if p.status == "completed"),
            unchanged=tuple(name for name in local if name not in changed),
            removed=tuple(removed),
            failed=tuple(p.local.name for p in pending if p.status in ("failed", "cancelled")),
            still_processing=tuple(p.local.name for p in pending if p.status not in FINAL),
        )

    def _vector_store(self) -> tuple[str, bool]:
        """The configured or remembered store if it still exists, else a new one."""
        wanted = self._configured or self._state.store_id(self._key)
        if wanted:
            try:
                self._client.vector_stores.retrieve(wanted)
                self._state.set_store_id(wanted, self._key)
                return wanted, False
            except openai.NotFoundError:
                if self._configured:
                    raise NotFound("VECTOR_STORE_ID nombra un vector store que no existe.") from None
        store = self._client.vector_stores.create(name=STORE_NAME)
        self._progress(f"Almacén de vectores creado: {store.id}")
        self._state.set_store_id(store.id, self._key)
        return store.id, True

    def _upload(
        self, store_id: str, folder: Path, name: str, digest: str, old: UploadedFile | None
    ) -> _Pending:
        content = (folder / name).read_bytes()
        uploaded = self._client.files.create(file=(Path(name).name, content), purpose="assistants")
        self._client.vector_stores.files.create(store_id, file_id=uploaded.id)
        self._progress(f"Subido: {name}")
        return _Pending(UploadedFile(name, digest, uploaded.id), old)

    def _wait(self, store_id: str, pending: list[_Pending]) -> None:
        deadline = time.monotonic() + self._max_wait
        while True:
            for item in (p for p in pending if p.status not in FINAL):
                item.status = self._client.vector_stores.files.retrieve(
                    item.local.file_id, vector_store_id=store_id
                ).status
                if item.status in FINAL:
                    self._settle(store_id, item)
            done = sum(p.status in FINAL for p in pending)
            if pending:
                self._progress(f"Procesando documentos: {done}/{len(pending)} listos")
            if done == len(pending) or time.monotonic() >= deadline:
                return
            self._sleep(self._poll)

    def _settle(self, store_id: str, item: _Pending) -> None:
        """Keep a processed file and retire the version it replaces; drop a failed one."""
        if item.status == "completed":
            self._state.put_file(store_id, item.local)
            if item.previous is not None:
                self._delete(store_id, item.previous.file_id)
        else:
            self._progress(f"No se pudo procesar: {item.local.name}")
            self._delete(store_id, item.local.file_id)

    def _remove(self, store_id: str, uploaded: UploadedFile) -> str:
        self._delete(store_id, uploaded.file_id)
        self._state.remove_file(store_id, uploaded.name)
        self._progress(f"Quitado: {uploaded.name}")
        return uploaded.name

    def _delete(self, store_id: str, file_id: str) -> None:
        # Already gone upstream is as good as deleted.
        for delete in (
            lambda: self._client.vector_stores.files.delete(file_id, vector_store_id=store_id),
            lambda: self._client.files.delete(file_id),
        ):
            with contextlib.suppress(openai.NotFoundError):
                delete()


_NONE = UploadedFile("", "", "")


def _hashes(folder: Path) -> dict[str, str]:
    """Relative name -> SHA-256 of every document in ``folder``."""
    paths = LocalDocumentFolder(folder).paths()
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
