"""Where BOTK keeps its state: the one place that chooses SQLite or PostgreSQL.

``BOTK_DATABASE_URL`` (or ``DATABASE_URL``) set: every adapter works on that
PostgreSQL database, so several instances can share it. Unset: one SQLite
file (``BOTK_DATABASE``), as always. Each part is built on first use, so a
command that needs only the documents never opens anything else.
"""

from __future__ import annotations

from botk_adapters.sqlite.db import connect
from botk_core.errors import StorageError
from botk_web.settings import Settings
from botk_web.storage.base import Storage
from botk_web.storage.postgres import POSTGRESQL, PostgresStorage, pool_sizes
from botk_web.storage.sqlite import SQLITE, SqliteStorage

__all__ = [
    "POSTGRESQL",
    "SQLITE",
    "PostgresStorage",
    "SqliteStorage",
    "Storage",
    "build_storage",
    "pool_sizes",
    "storage_refusal",
]


def build_storage(settings: Settings) -> Storage:
    """The storage ``settings`` name; nothing connects until a part is used."""
    return PostgresStorage(settings) if settings.database_url else SqliteStorage(settings)


def storage_refusal(settings: Settings) -> str | None:
    """One line saying why the SQLite file cannot be used (damaged, newer schema), else None.

    gunicorn's master checks it before starting workers, so a bad file stops the
    start with this line instead of every worker failing with a traceback.
    """
    if settings.database_url:
        return None  # PostgreSQL: each worker's pool reports a problem when it connects
    try:
        connect(settings.database_path).close()
    except StorageError as error:
        return f"Error: {error.message}"
    return None
