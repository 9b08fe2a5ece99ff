"""Reading sensor records from a URL, a JSON file or a CSV file, each within a budget.

A URL is downloaded with ``http_fetch`` (bytes, total time and redirects
capped), a file is read only up to the same byte limit, JSON is parsed with
a depth and number-size budget, and text that is not UTF-8 is read as
Windows-1252/Latin-1 (what spreadsheets export). Every problem is an
``InvalidInput`` or ``Upstream…`` error with a Spanish message, never a traceback.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import attrs

from botk_adapters import safe_json
from botk_adapters.http_fetch import DEFAULT_FETCH, FetchBudget, fetch, redacted
from botk_core.errors import InvalidInput, NotFound, PayloadTooLarge

MB = 1024 * 1024


@attrs.frozen
class SourceBudget:
    """The download, JSON and CSV limits of one import."""

    fetch: FetchBudget = DEFAULT_FETCH
    json: safe_json.JsonBudget = safe_json.DEFAULT_BUDGET
    csv_max_field_bytes: int = 128 * 1024


DEFAULT_SOURCE = SourceBudget()


def load_records(source: str, budget: SourceBudget = DEFAULT_SOURCE) -> list[Any]:
    """The raw records of ``source``: an http(s) URL, a ``.csv`` file or a JSON file."""
    if source.startswith(("http://", "https://")):
        data = fetch(source, budget.fetch, what="la fuente de datos de sensores")
        return records_from_json(decode(data), redacted(source), budget)
    path = Path(source)
    if not path.is_file():
        raise NotFound(f"no encontré el archivo {source}")
    text = decode(_read_file(path, budget.fetch.max_bytes))
    if path.suffix.lower() == ".csv":
        return records_from_csv(text, budget)
    return records_from_json(text, source, budget)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, else Latin-1 (which always decodes)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def records_from_json(
    text: str, source: str = "la fuente", budget: SourceBudget = DEFAULT_SOURCE
) -> list[Any]:
    """``{"data": [...]}`` (the original API BOTK's shape) or a bare list of records."""
    body = safe_json.loads(text, budget.json, source=source)
    records = body.get("data") if isinstance(body, dict) else body
    if not isinstance(records, list):
        raise InvalidInput(f'{source} no tiene la forma {{"data": [registros]}}')
    return records


def records_from_csv(text: str, budget: SourceBudget = DEFAULT_SOURCE) -> list[Any]:
    """Rows of a CSV with the record's column names; empty cells are nulls."""
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # The limit is process-wide in the csv module; every import of a process shares one setting.
    csv.field_size_limit(budget.csv_max_field_bytes)
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        if not rows.fieldnames or "idDato" not in [f.strip() for f in rows.fieldnames]:
            raise InvalidInput("el CSV no tiene la columna idDato en su encabezado")
        return [{(k or "").strip(): (v if v != "" else None) for k, v in row.items()} for row in rows]
    except csv.Error as error:
        raise InvalidInput(_csv_problem(error, rows.line_num, budget)) from None


def _csv_problem(error: csv.Error, line: int, budget: SourceBudget) -> str:
    if "field limit" in str(error):
        return f"el CSV tiene un campo de más de {budget.csv_max_field_bytes // 1024} KB (línea {line})"
    return f"el CSV está mal formado cerca de la línea {line}"


def _read_file(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"{path.name} supera {limit / MB:.0f} MB (límite BOTK_SENSOR_MAX_BYTES)")
    return data
