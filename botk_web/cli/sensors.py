"""``botk sensors``: import readings from a URL, JSON or CSV file; show what is stored."""

from __future__ import annotations

import argparse
import sys

from botk_adapters.sensors import load_records, parse_records
from botk_core.errors import BotkError
from botk_core.ports import MeasurementRepository
from botk_core.usecases.import_measurements import ImportMeasurements, ImportMeasurementsInput, ImportSummary
from botk_web.bootstrap import bootstrap
from botk_web.limits import source_budget
from botk_web.settings import Settings

MAX_REASONS_SHOWN = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sensors", help="Lecturas de sensores: importar y revisar.")
    commands = parser.add_subparsers(dest="sensors_command", required=True)
    importing = commands.add_parser("import", help="Importa lecturas (URL, archivo JSON o CSV).")
    importing.add_argument(
        "source", nargs="?", default=None, help="URL o archivo; por defecto SENSOR_DATA_URL."
    )
    importing.set_defaults(func=run_import)
    status = commands.add_parser("status", help="Muestra cuántas lecturas hay por estación.")
    status.set_defaults(func=run_status)


def _repo(settings: Settings) -> MeasurementRepository:
    return bootstrap(settings).measurements


def _progress(done: int, total: int) -> None:
    print(f"\rGuardando lecturas: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    source = args.source or getattr(settings, "sensor_data_url", None)
    if not source:
        print("Error: indica una URL o un archivo, o configura SENSOR_DATA_URL.", file=sys.stderr)
        return 2
    try:
        print(f"Leyendo {source} …", file=sys.stderr)
        readings, rejected = parse_records(load_records(source, source_budget(settings)))
        use_case = ImportMeasurements(_repo(settings))
        summary = use_case.execute(ImportMeasurementsInput(readings, rejected, progress=_progress))
    except BotkError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    print(describe(summary))
    return 0 if summary.imported or not summary.received else 1


def describe(summary: ImportSummary) -> str:
    """The import summary in Spanish, with the first reasons for skipped records."""
    lines = [
        f"Registros leídos: {summary.received} · importados: {summary.imported} "
        f"(nuevos: {summary.new}, actualizados: {summary.imported - summary.new}) "
        f"· omitidos: {len(summary.rejected)}"
    ]
    if summary.removed_synthetic:
        lines.append(f"Se borraron {summary.removed_synthetic} lecturas sintéticas de demostración.")
    lines += [f"  ✗ registro {r.position}: {r.reason}" for r in summary.rejected[:MAX_REASONS_SHOWN]]
    if len(summary.rejected) > MAX_REASONS_SHOWN:
        lines.append(f"  … y {len(summary.rejected) - MAX_REASONS_SHOWN} más")
    return "\n".join(lines)


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    repo = _repo(settings)
    if repo.has_synthetic():
        print("Atención: son datos SINTÉTICOS de demostración, no mediciones reales.")
    for station in repo.stations():
        averages = repo.averages(station)
        print(f"{station}: {averages.n} lecturas")
    if not repo.stations():
        print("No hay lecturas.")
    return 0
