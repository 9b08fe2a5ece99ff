"""``botk docs``: ingest a folder, search, list and remove documents."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from botk_core.domain import sample_warning
from botk_core.errors import BotkError
from botk_core.ports import DocumentStore
from botk_core.usecases.documents import SearchDocuments, SearchDocumentsInput
from botk_core.usecases.ingest import IngestDocumentsInput, IngestReport
from botk_web.settings import Settings

_BAR_WIDTH = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("docs", help="Documentos: ingerir, buscar, listar, quitar.")
    commands = parser.add_subparsers(dest="docs_command", required=True)
    ingest = commands.add_parser("ingest", help="Ingiere una carpeta (solo lo nuevo o cambiado).")
    ingest.add_argument(
        "directory", nargs="?", default=None, help="Carpeta (por defecto BOTK_DOCUMENTS_DIR)."
    )
    ingest.add_argument(
        "--keep-missing", action="store_true", help="No quitar documentos borrados de la carpeta."
    )
    ingest.set_defaults(func=run_ingest)
    search = commands.add_parser("search", help="Busca pasajes en los documentos.")
    search.add_argument("query", help="Qué buscar, en español.")
    search.add_argument("-k", type=int, default=5, help="Cuántos pasajes (por defecto 5).")
    search.set_defaults(func=run_search)
    listing = commands.add_parser("list", help="Lista los documentos ingeridos.")
    listing.set_defaults(func=run_list)
    remove = commands.add_parser("remove", help="Quita un documento (por id o por nombre).")
    remove.add_argument("document", help="Id (doc_…) o nombre del documento.")
    remove.set_defaults(func=run_remove)


def _store(settings: Settings) -> DocumentStore:
    from botk_web.container import build_services

    return build_services(settings).documents


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    directory = args.directory or settings.documents_dir
    from botk_web.container import build_services

    use_case = build_services(settings).document_use_cases.ingest
    progress = _ProgressBar(sys.stderr)
    try:
        report = use_case.execute(
            IngestDocumentsInput(directory, remove_missing=not args.keep_missing, progress=progress)
        )
    except BotkError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    progress.finish()
    print(summary(report))
    return 1 if report.failed and not (report.added or report.replaced or report.skipped) else 0


def summary(report: IngestReport) -> str:
    """The ingest summary in Spanish: counts first, then each failed file and why."""
    lines = [
        f"Archivos: {report.files} · nuevos: {len(report.added)} · actualizados: {len(report.replaced)}"
        f" · sin cambios: {len(report.skipped)} · quitados: {len(report.removed)}"
        f" · con error: {len(report.failed)}",
        f"Pasajes indexados: {report.chunks} · tiempo: {report.seconds:.2f} s",
    ]
    lines += [f"  ✗ {name}: {reason}" for name, reason in report.failed]
    warning = sample_warning([*report.added, *report.replaced, *report.skipped])
    if warning:
        lines.append(warning)
    return "\n".join(lines)


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    try:
        passages = SearchDocuments(_store(settings)).execute(SearchDocumentsInput(args.query, args.k))
    except BotkError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    if not passages:
        print("No se encontraron pasajes.")
    for rank, passage in enumerate(passages, start=1):
        where = f" — {passage.location}" if passage.location else ""
        print(f"{rank}. {passage.document}{where} (puntaje {passage.score:.2f})")
        print("   " + passage.text.replace("\n", "\n   "))
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    documents = _store(settings).list_documents()
    if not documents:
        print("No hay documentos. Usa «botk docs ingest» para agregarlos.")
    for document in documents:
        print(f"{document.id}  {document.chunk_count:>5} pasajes  {document.name}")
    return 0


def run_remove(args: argparse.Namespace, settings: Settings) -> int:
    store = _store(settings)
    matches = [d for d in store.list_documents() if args.document in (d.id, d.name)]
    if not matches:
        print(f"No existe el documento «{args.document}».", file=sys.stderr)
        return 1
    for document in matches:
        store.remove(document.id)
        print(f"Quitado: {document.name} ({document.id})")
    return 0


class _ProgressBar:
    """A one-line progress bar, drawn only on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._drawn = False

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self._stream.isatty():
            return
        filled = _BAR_WIDTH * done // max(total, 1)
        bar = "█" * filled + "·" * (_BAR_WIDTH - filled)
        self._stream.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self._stream.write("\n")
