"""Reading sensor records from a URL, a JSON file or a CSV file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import requests

from botk_core.errors import InvalidInput, NotFound, UpstreamTimeout, UpstreamUnavailable


def load_records(source: str, timeout: tuple[float, float] = (3.05, 30.0)) -> list[Any]:
    """The raw records of ``source``: an http(s) URL, a ``.csv`` file or a JSON file."""
    if source.startswith(("http://", "https://")):
        return records_from_json(_fetch(source, timeout), source)
    path = Path(source)
    if not path.is_file():
        raise NotFound(f"no encontré el archivo {source}")
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        return records_from_csv(text)
    return records_from_json(text, source)


def records_from_json(text: str, source: str = "la fuente") -> list[Any]:
    """``{"data": [...]}`` (the seed's shape) or a bare list of records."""
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{source} no es JSON válido (línea {error.lineno})") from None
    records = body.get("data") if isinstance(body, dict) else body
    if not isinstance(records, list):
        raise InvalidInput(f'{source} no tiene la forma {{"data": [registros]}}')
    return records


def records_from_csv(text: str) -> list[Any]:
    """Rows of a CSV with the record's column names; empty cells are nulls."""
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not rows.fieldnames or "idDato" not in [f.strip() for f in rows.fieldnames]:
        raise InvalidInput("el CSV no tiene la columna idDato en su encabezado")
    return [{(k or "").strip(): (v if v != "" else None) for k, v in row.items()} for row in rows]


def _fetch(url: str, timeout: tuple[float, float]) -> str:
    try:
        response = requests.get(url, timeout=timeout)
    except requests.Timeout as error:
        raise UpstreamTimeout("la fuente de datos de sensores no respondió a tiempo") from error
    except requests.RequestException as error:
        raise UpstreamUnavailable("no pude conectarme a la fuente de datos de sensores") from error
    if response.status_code != 200:
        raise UpstreamUnavailable(
            f"la fuente de datos de sensores respondió con error {response.status_code}"
        )
    return response.text
