"""Settings: built once from the environment and ``.env``; the only reader of os.environ."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import attrs
from dotenv import dotenv_values

from botk_core.profile import DEFAULT_ASSISTANT_ID
from botk_web.env_readers import model_values, server_values, service_values
from botk_web.env_values import SettingsError
from botk_web.limits import LIMIT_DEFAULTS, read_limits

__all__ = ["Settings", "SettingsError"]

MB = 1024 * 1024


@attrs.frozen
class Settings:
    """Everything configurable, with defaults that run offline."""

    gateway: str = "local"
    database_path: str = "var/botk.sqlite3"
    # PostgreSQL instead of the SQLite file (several instances share it); holds a password.
    database_url: str | None = attrs.field(default=None, repr=False)
    db_pool_min: int = 1
    db_pool_max: int | None = None  # None: from threads (botk_web/storage/postgres.py)
    documents_dir: str = "documentos_macaya"
    host: str = "127.0.0.1"
    port: int = 5001
    assistant_id: str = DEFAULT_ASSISTANT_ID
    vector_store_id: str | None = None
    openai_api_key: str | None = attrs.field(default=None, repr=False)
    api_hash: str | None = attrs.field(default=None, repr=False)
    weatherapi_key: str | None = attrs.field(default=None, repr=False)
    latex_template_path: str | None = None
    reports_dir: str = "var/reports"
    # May carry a password (user:password@host) or a token in its query: never in repr.
    sensor_data_url: str | None = attrs.field(default=None, repr=False)
    weather_places: str = ""
    openmeteo_url: str | None = None
    stations: str = ""
    sensor_rules: str = ""
    sensor_refresh_minutes: int = 0
    synthetic_data: bool = True
    max_message_chars: int = 32_000
    max_request_bytes: int = 16 * MB
    history_window: int = 20
    max_thread_messages: int | None = 2000
    max_tool_rounds: int = 5
    log_level: str = "INFO"
    cors_origins: tuple[str, ...] = ()
    rate_limit_per_minute: int = 120
    rate_limit_burst: int = 60
    trusted_proxies: int = 0
    log_messages: bool = False
    model: str = "gpt-4o"
    openai_base_url: str | None = None
    openai_timeout: int = 60
    openai_max_retries: int = 2
    chat_tools: str = "auto"
    # gunicorn (deploy/gunicorn.conf.py): processes, threads, timeouts, exposure.
    workers: int = 2
    threads: int = 32
    worker_timeout: int = 180
    graceful_timeout: int = 120
    insecure: bool = False
    request_read_timeout: int = 10
    worker_connections: int = 1000
    max_requests: int = 5000
    worker_max_rss_mb: int = 250
    # Who may change the documents of the shared folder over HTTP.
    allow_document_admin: bool = False
    document_admin_key: str | None = attrs.field(default=None, repr=False)
    # Budgets for untrusted input: botk_web/limits.py names each variable and default.
    max_upload_file_bytes: int = LIMIT_DEFAULTS["max_upload_file_bytes"]
    max_upload_total_bytes: int = LIMIT_DEFAULTS["max_upload_total_bytes"]
    max_upload_text_bytes: int = LIMIT_DEFAULTS["max_upload_text_bytes"]
    upload_read_seconds: int = LIMIT_DEFAULTS["upload_read_seconds"]
    parse_slots: int = LIMIT_DEFAULTS["parse_slots"]
    parse_wait_seconds: int = LIMIT_DEFAULTS["parse_wait_seconds"]
    max_unzipped_bytes: int = LIMIT_DEFAULTS["max_unzipped_bytes"]
    max_zip_ratio: int = LIMIT_DEFAULTS["max_zip_ratio"]
    max_zip_entries: int = LIMIT_DEFAULTS["max_zip_entries"]
    max_xml_tags: int = LIMIT_DEFAULTS["max_xml_tags"]
    max_table_cells: int = LIMIT_DEFAULTS["max_table_cells"]
    max_document_cells: int = LIMIT_DEFAULTS["max_document_cells"]
    max_pdf_pages: int = LIMIT_DEFAULTS["max_pdf_pages"]
    max_pdf_page_bytes: int = LIMIT_DEFAULTS["max_pdf_page_bytes"]
    max_pdf_stream_bytes: int = LIMIT_DEFAULTS["max_pdf_stream_bytes"]
    pdf_parse_seconds: int = LIMIT_DEFAULTS["pdf_parse_seconds"]
    sensor_max_bytes: int = LIMIT_DEFAULTS["sensor_max_bytes"]
    sensor_fetch_seconds: int = LIMIT_DEFAULTS["sensor_fetch_seconds"]
    sensor_max_redirects: int = LIMIT_DEFAULTS["sensor_max_redirects"]
    sensor_allow_private: bool = False
    json_max_depth: int = LIMIT_DEFAULTS["json_max_depth"]
    json_max_number_chars: int = LIMIT_DEFAULTS["json_max_number_chars"]
    json_max_items: int = LIMIT_DEFAULTS["json_max_items"]
    csv_max_field_bytes: int = LIMIT_DEFAULTS["csv_max_field_bytes"]
    report_max_bytes: int = LIMIT_DEFAULTS["report_max_bytes"]
    max_url_chars: int = LIMIT_DEFAULTS["max_url_chars"]
    max_form_bytes: int = LIMIT_DEFAULTS["max_form_bytes"]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv_path: str | None = ".env") -> Settings:
        """Read settings; real environment variables win over ``.env``."""
        values: dict[str, str | None] = {}
        if dotenv_path and Path(dotenv_path).is_file():
            values.update(dotenv_values(dotenv_path))
        values.update(os.environ if environ is None else environ)
        env = {k: v for k, v in values.items() if v not in (None, "")}
        defaults = Settings()
        return cls(
            **service_values(env, defaults),
            **model_values(env, defaults),
            **server_values(env, defaults),
            **read_limits(env),
        )
