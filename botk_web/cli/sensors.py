"""``botk sensors``: import readings (URL, JSON, CSV or the old ``data.db``); show what is stored."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from botk_adapters.http_fetch import redacted
from botk_adapters.sensors.legacy_db import LoadedReadings, load_readings
from botk_core.domain import Reading
from botk_core.errors import BotkError
from botk_core.sensors import spanish
from botk_core.sensors.events import Event, find_events
from botk_core.sensors.overview import overview, recent_events
from botk_core.sensors.stations import Stations, canonical_names
from botk_core.sensors.summary import left_out_list, left_out_of
from botk_core.usecases.import_measurements import ImportMeasurements, ImportMeasurementsInput, ImportSummary
from botk_web.bootstrap import bootstrap
from botk_web.limits import source_budget
from botk_web.settings import Settings

log = logging.getLogger(__name__)
MAX_REASONS_SHOWN = 20
MAX_EVENTS_SHOWN = 10
FIELD_NAMES = {"nivel": "nivel", "humedad": "humedad", "temperatura": "temperatura", "bateria": "batería"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sensors", help="Lecturas de sensores: importar y revisar.")
    commands = parser.add_subparsers(dest="sensors_command", required=True)
    importing = commands.add_parser(
        "import", help="Importa lecturas (URL, archivo JSON o CSV, o el data.db del servicio anterior)."
    )
    importing.add_argument(
        "source", nargs="?", default=None, help="URL o archivo; por defecto SENSOR_DATA_URL."
    )
    importing.set_defaults(func=run_import)
    status = commands.add_parser("status", help="Muestra cada estación: lecturas, último dato y eventos.")
    status.set_defaults(func=run_status)


def _stations(settings: Settings) -> Stations:
    return bootstrap(settings).stations


def _progress(done: int, total: int) -> None:
    print(f"\rGuardando lecturas: {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    source = args.source or settings.sensor_data_url
    if not source:
        print("Error: indica una URL o un archivo, o configura SENSOR_DATA_URL.", file=sys.stderr)
        return 2
    shown = redacted(source)  # a URL's password is never printed
    try:
        print(f"Leyendo {shown} …", file=sys.stderr)
        loaded = load_readings(source, source_budget(settings))
        stations = _stations(settings)
        known = [config.name for config in stations.catalog.configured]
        readings = canonical_names(loaded.readings, [*known, *stations.repo.stations()])
        request = ImportMeasurementsInput(readings, loaded.rejected, progress=_progress)
        summary = ImportMeasurements(stations.repo, known=known).execute(request)
    except BotkError as error:
        print(f"Error: {error.message}", file=sys.stderr)
        return 1
    except Exception as error:  # any bad file of any kind: one line, never a traceback
        log.debug("import of %s failed", shown, exc_info=True)
        print(f"Error: no pude leer {shown}: {_reason(error)}", file=sys.stderr)
        return 1
    print(describe(summary, loaded))
    print(imported_report(stations, readings))
    return 0 if summary.imported or not summary.received else 1


def _reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return "no es texto UTF-8 (ni una base de datos SQLite del servicio anterior)"
    if isinstance(error, IsADirectoryError):
        return "es una carpeta, no un archivo"
    if isinstance(error, PermissionError):
        return "no tengo permiso para leerlo"
    if isinstance(error, MemoryError):
        return "es demasiado grande"
    return f"formato inesperado ({type(error).__name__})"


def describe(summary: ImportSummary, loaded: LoadedReadings | None = None) -> str:
    """The import summary in Spanish, with the first reasons for skipped records."""
    lines = [
        f"Registros leídos: {summary.received} · importados: {summary.imported} "
        f"(nuevos: {summary.new}, actualizados: {summary.imported - summary.new - summary.unchanged}, "
        f"sin cambios: {summary.unchanged}) · omitidos: {len(summary.rejected)}"
    ]
    if loaded is not None and loaded.missing:
        counts = ", ".join(f"{FIELD_NAMES.get(f, f)} {n}" for f, n in loaded.missing.items())
        lines.append(f"Valores 0.0 del servicio anterior tratados como sin medición: {counts}.")
    if summary.removed_synthetic:
        removed = spanish.count(summary.removed_synthetic, "lectura sintética", "lecturas sintéticas")
        lines.append(f"Se borraron {removed} de demostración.")
    lines += [f"  ✗ registro {r.position}: {r.reason}" for r in summary.rejected[:MAX_REASONS_SHOWN]]
    if len(summary.rejected) > MAX_REASONS_SHOWN:
        lines.append(f"  … y {len(summary.rejected) - MAX_REASONS_SHOWN} más")
    return "\n".join(lines)


def imported_report(stations: Stations, readings: Sequence[Reading]) -> str:
    """Per station imported: its span, what quality leaves out, and the events found."""
    lines = []
    for name in sorted({r.estacion for r in readings}):
        mine = [r.timestamp for r in readings if r.estacion == name]
        stored = list(stations.repo.readings(name, since=min(mine), until=max(mine)))
        period = spanish.period(min(mine), max(mine), stations.zone)
        lines.append(f"{name}: {spanish.count(len(mine), 'lectura', 'lecturas')}, {period}.")
        lines += _details(stations, stored, find_events(stored, stations.rules.decision))
    return "\n".join(lines)


def _details(stations: Stations, stored: list[Reading], events: Sequence[Event]) -> list[str]:
    lines = []
    left_out = left_out_list(left_out_of(stored))
    if left_out:
        lines.append(f"  Fuera de promedios y diagnósticos (se guardan igual): {left_out}.")
    lines += [f"  Evento: {event.describe(stations.zone)}." for event in events[:MAX_EVENTS_SHOWN]]
    if len(events) > MAX_EVENTS_SHOWN:
        lines.append(f"  … y {spanish.count(len(events) - MAX_EVENTS_SHOWN, 'evento más', 'eventos más')}")
    return lines


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    stations = _stations(settings)
    if stations.repo.has_synthetic():
        print("Atención: son datos SINTÉTICOS de demostración, no mediciones reales.")
    for status in overview(stations):
        name = status.config.name
        count = stations.repo.averages(name).n
        if status.newest is None:
            print(f"{name}: sin lecturas.")
            continue
        level = status.latest.get("nivel")
        when = spanish.when(status.newest, stations.now(), stations.zone)
        shown = f"; último nivel válido {spanish.decimal(level.nivel or 0.0)} m" if level else ""
        print(f"{name}: {spanish.count(count, 'lectura', 'lecturas')}{shown} (último dato {when}).")
        for event in recent_events(stations, name):
            print(f"  Evento: {event.describe(stations.zone)}.")
    return 0
