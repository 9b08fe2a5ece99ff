"""``botk assistant sync``: the OpenAI vector store of the documents, kept in step with the folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from botk_adapters.openai import SyncReport, VectorStoreSync, make_client
from botk_core.errors import BotkError
from botk_web.bootstrap import bootstrap
from botk_web.gateways import openai_config
from botk_web.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "assistant", help="Asistente en OpenAI: almacén de vectores de los documentos."
    )
    commands = parser.add_subparsers(dest="assistant_command", required=True)
    sync = commands.add_parser(
        "sync", help="Sube a OpenAI los documentos nuevos o cambiados y quita los borrados."
    )
    sync.add_argument("directory", nargs="?", default=None, help="Carpeta (por defecto BOTK_DOCUMENTS_DIR).")
    sync.add_argument(
        "--max-wait", type=float, default=600.0, help="Segundos máximos de espera al procesamiento (600)."
    )
    sync.set_defaults(func=run_sync)


def run_sync(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.openai_api_key:
        print("Error: falta OPEN_AI_API_KEY (u OPENAI_API_KEY) para usar OpenAI.", file=sys.stderr)
        return 2
    directory = Path(args.directory or settings.documents_dir)
    if not directory.is_dir():
        print(f"Error: no existe la carpeta {directory}", file=sys.stderr)
        return 2
    sync = VectorStoreSync(
        make_client(openai_config(settings)),
        bootstrap(settings).storage.vector_state,
        configured_id=settings.vector_store_id,
        key=settings.assistant_id,
        progress=lambda line: print(line, file=sys.stderr, flush=True),
        max_wait_seconds=args.max_wait,
    )
    try:
        report = sync.run(directory)
    except BotkError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    print(summary(report, settings.assistant_id))
    return 1 if report.failed else 0


def summary(report: SyncReport, assistant_id: str) -> str:
    """What changed, in the words the user reads."""
    state = "creado" if report.created else "existente"
    lines = [
        f"Asistente: {assistant_id}",
        f"Almacén de vectores ({state}): {report.vector_store_id}",
        f"Subidos: {len(report.uploaded)} · Sin cambios: {len(report.unchanged)} · "
        f"Quitados: {len(report.removed)} · Fallidos: {len(report.failed)}",
    ]
    if report.failed:
        lines.append("No se pudieron procesar: " + ", ".join(report.failed))
    if report.still_processing:
        lines.append("Aún en proceso (se usarán cuando terminen): " + ", ".join(report.still_processing))
    return "\n".join(lines)
