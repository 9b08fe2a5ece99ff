"""The budgets for untrusted input: one table of settings (variable, default, range).

``.env.example`` and the README's production section document each of these
variables with the same default; a test keeps them in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botk_web.env_values import Env, env_int

if TYPE_CHECKING:
    from botk_adapters.documents.budget import FileBudget
    from botk_adapters.http_fetch import FetchBudget
    from botk_adapters.safe_json import JsonBudget
    from botk_adapters.sensors.readers import SourceBudget
    from botk_web.settings import Settings

MB = 1024 * 1024

# field: (variable, default, lowest, highest)
LIMITS: dict[str, tuple[str, int, int, int]] = {
    "max_upload_file_bytes": ("BOTK_MAX_UPLOAD_FILE_BYTES", 15 * MB, 1024, 1 << 31),
    "max_upload_total_bytes": ("BOTK_MAX_UPLOAD_TOTAL_BYTES", 200 * MB, 0, 1 << 40),
    "max_upload_text_bytes": ("BOTK_MAX_UPLOAD_TEXT_BYTES", 4 * MB, 1024, 1 << 33),
    "upload_read_seconds": ("BOTK_UPLOAD_READ_SECONDS", 4, 1, 3600),
    "parse_slots": ("BOTK_PARSE_SLOTS", 1, 1, 256),
    "parse_wait_seconds": ("BOTK_PARSE_WAIT_SECONDS", 5, 0, 600),
    "max_unzipped_bytes": ("BOTK_MAX_UNZIPPED_BYTES", 48 * MB, 1024, 1 << 33),
    "max_zip_ratio": ("BOTK_MAX_ZIP_RATIO", 100, 2, 100_000),
    "max_zip_entries": ("BOTK_MAX_ZIP_ENTRIES", 2000, 1, 1_000_000),
    "max_xml_tags": ("BOTK_MAX_XML_TAGS", 300_000, 1000, 1 << 31),
    "max_table_cells": ("BOTK_MAX_TABLE_CELLS", 10_000, 100, 1 << 31),
    "max_document_cells": ("BOTK_MAX_DOCUMENT_CELLS", 20_000, 100, 1 << 31),
    "max_pdf_pages": ("BOTK_MAX_PDF_PAGES", 1000, 1, 1_000_000),
    "max_pdf_page_bytes": ("BOTK_MAX_PDF_PAGE_BYTES", 1 * MB, 1024, 1 << 30),
    "max_pdf_stream_bytes": ("BOTK_MAX_PDF_STREAM_BYTES", 16 * MB, 64 * 1024, 1 << 31),
    "pdf_parse_seconds": ("BOTK_PDF_PARSE_SECONDS", 5, 1, 3600),
    "sensor_max_bytes": ("BOTK_SENSOR_MAX_BYTES", 16 * MB, 1024, 1 << 33),
    "sensor_fetch_seconds": ("BOTK_SENSOR_FETCH_SECONDS", 60, 1, 3600),
    "sensor_max_redirects": ("BOTK_SENSOR_MAX_REDIRECTS", 3, 0, 20),
    "json_max_depth": ("BOTK_JSON_MAX_DEPTH", 64, 2, 900),
    "json_max_number_chars": ("BOTK_JSON_MAX_NUMBER_CHARS", 100, 20, 4000),
    "json_max_items": ("BOTK_JSON_MAX_ITEMS", 2_000_000, 1000, 1 << 31),
    "csv_max_field_bytes": ("BOTK_CSV_MAX_FIELD_BYTES", 128 * 1024, 1024, 1 << 30),
    "report_max_bytes": ("BOTK_REPORT_MAX_BYTES", 256 * 1024, 4096, 1 << 30),
    "max_url_chars": ("BOTK_MAX_URL_CHARS", 4096, 256, 8000),
    "max_form_bytes": ("BOTK_MAX_FORM_BYTES", 1 * MB, 1024, 1 << 31),
}
LIMIT_DEFAULTS = {field: spec[1] for field, spec in LIMITS.items()}


def read_limits(env: Env) -> dict[str, Any]:
    """Every limit of ``LIMITS`` from ``env``, checked against its range."""
    return {field: env_int(env, name, value, low, high) for field, (name, value, low, high) in LIMITS.items()}


def file_budget(settings: Settings) -> FileBudget:
    """The zip and PDF budgets of the document readers."""
    from botk_adapters.documents.budget import FileBudget

    return FileBudget(
        max_unzipped_bytes=settings.max_unzipped_bytes,
        max_ratio=settings.max_zip_ratio,
        max_entries=settings.max_zip_entries,
        max_xml_tags=settings.max_xml_tags,
        max_table_cells=settings.max_table_cells,
        max_document_cells=settings.max_document_cells,
        max_pdf_pages=settings.max_pdf_pages,
        max_pdf_page_bytes=settings.max_pdf_page_bytes,
        max_pdf_stream_bytes=settings.max_pdf_stream_bytes,
        pdf_seconds=settings.pdf_parse_seconds,
    )


def upload_budget(settings: Settings) -> FileBudget:
    """The readers' budget for uploads: also no file with more text than one request may index."""
    import attrs

    return attrs.evolve(file_budget(settings), max_text_bytes=settings.max_upload_text_bytes)


def fetch_budget(settings: Settings) -> FetchBudget:
    """The byte, time and redirect budget of a sensor download."""
    from botk_adapters.http_fetch import FetchBudget

    return FetchBudget(
        max_bytes=settings.sensor_max_bytes,
        total_seconds=settings.sensor_fetch_seconds,
        max_redirects=settings.sensor_max_redirects,
        allow_private=settings.sensor_allow_private,
    )


def json_budget(settings: Settings) -> JsonBudget:
    """Depth and number-size limits of JSON request bodies and imported files."""
    from botk_adapters.safe_json import JsonBudget

    return JsonBudget(
        max_depth=settings.json_max_depth,
        max_number_chars=settings.json_max_number_chars,
        max_items=settings.json_max_items,
    )


def source_budget(settings: Settings) -> SourceBudget:
    """The budget of a sensor import: download, JSON and CSV limits."""
    from botk_adapters.sensors.readers import SourceBudget

    return SourceBudget(fetch_budget(settings), json_budget(settings), settings.csv_max_field_bytes)
