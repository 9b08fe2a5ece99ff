"""Reading the old service's SQLite ``data.db`` (table ``mediciones``) as sensor readings."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import attrs

from botk_adapters.http_fetch import redacted
from botk_adapters.sensors.legacy_zeros import not_measured
from botk_adapters.sensors.readers import DEFAULT_SOURCE, SourceBudget, load_records
from botk_adapters.sensors.records import parse_records
from botk_core.domain import Reading
from botk_core.errors import InvalidInput, NotFound
from botk_core.usecases.import_measurements import RejectedRecord

SQLITE_MAGIC = b"SQLite format 3\x00"
TABLE = "mediciones"
REQUIRED = ("idDato", "estacion", "timestamp")
COLUMNS = (*REQUIRED, "location", "dispositivo", "bateria", "humedad", "nivel", "temperatura")
DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")
MAX_ROWS = 1_000_000  # about 80 station-years at one reading every 3 minutes


@attrs.frozen
class LoadedReadings:
    """The readings of a source, the records rejected, and the values treated as not measured."""

    readings: list[Reading]
    rejected: list[RejectedRecord]
    missing: dict[str, int] = attrs.field(factory=dict)


def is_sqlite_file(source: str) -> bool:
    """Whether ``source`` is a local file that starts like an SQLite database."""
    try:
        with open(source, "rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def load_readings(source: str, budget: SourceBudget = DEFAULT_SOURCE) -> LoadedReadings:
    """Readings from a URL, a JSON or CSV file, or the old service's ``data.db``."""
    if not source.startswith(("http://", "https://")) and Path(source).is_dir():
        raise InvalidInput(f"{source} es una carpeta, no un archivo: indica el archivo de lecturas")
    if Path(source).suffix.lower() in DB_SUFFIXES and Path(source).is_file() and not is_sqlite_file(source):
        empty = " (está vacío)" if Path(source).stat().st_size == 0 else ""
        raise InvalidInput(f"{source} no es una base de datos SQLite{empty}")
    if not is_sqlite_file(source):
        records = load_records(source, budget)
        if records and not any(isinstance(record, dict) for record in records):
            kind, shown = _kind(records[0]), redacted(source)
            raise InvalidInput(
                f'{shown} es una lista de {kind}, no de registros {{"idDato": ..., "estacion": ...}}'
            )
        readings, rejected = parse_records(records)
        return LoadedReadings(readings, rejected)
    readings, rejected = parse_records(read_mediciones(source))
    cleaned, missing = not_measured(readings)
    return LoadedReadings(cleaned, rejected, missing)


def read_mediciones(source: str) -> list[dict[str, Any]]:
    """The rows of ``mediciones`` as records, opened read-only (the file is never changed)."""
    path = Path(source)
    if not path.is_file():
        raise NotFound(f"no encontré el archivo {source}")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise InvalidInput(f"no pude abrir {source} como base de datos SQLite") from None
    try:
        return _rows(conn, source)
    except sqlite3.Error:
        raise InvalidInput(f"{source} es una base de datos SQLite dañada o ilegible") from None
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, source: str) -> list[dict[str, Any]]:
    present = {row[1].lower(): row[1] for row in conn.execute(f"PRAGMA table_info({TABLE})")}
    if not present:
        raise InvalidInput(f"{source} no tiene la tabla {TABLE} del servicio anterior")
    absent = [name for name in REQUIRED if name.lower() not in present]
    if absent:
        columns = "la columna" if len(absent) == 1 else "las columnas"
        raise InvalidInput(f"la tabla {TABLE} de {source} no tiene {columns} {_listed(absent)}")
    total = conn.execute(f"SELECT COUNT(*) FROM {TABLE}").fetchone()[0]
    if total > MAX_ROWS:
        raise InvalidInput(f"{source} tiene {total} mediciones; el máximo por importación es {MAX_ROWS}")
    chosen = [name for name in COLUMNS if name.lower() in present]
    selected = ", ".join(f'"{present[name.lower()]}"' for name in chosen)
    cursor = conn.execute(f"SELECT {selected} FROM {TABLE}")
    return [dict(zip(chosen, row, strict=True)) for row in cursor]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " y " + names[-1]


def _kind(value: Any) -> str:
    """What a JSON value is, in Spanish: the records of a list that holds no objects."""
    if isinstance(value, bool):
        return "valores verdadero/falso"
    if isinstance(value, (int, float)):
        return "números"
    if isinstance(value, str):
        return "textos"
    if isinstance(value, list):
        return "listas"
    return "valores nulos" if value is None else "valores"
