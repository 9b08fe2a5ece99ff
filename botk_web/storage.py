"""Where BOTK keeps its state: the one place that chooses SQLite or PostgreSQL.

``BOTK_DATABASE_URL`` (or ``DATABASE_URL``) set: every adapter works on that
PostgreSQL database, so several instances can share it. Unset: one SQLite
file (``BOTK_DATABASE``), as always.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from botk_adapters.documents import load_synonyms
from botk_adapters.openai.vector_state import VectorStoreRecord, VectorStoreState
from botk_adapters.sensors.config import parse_rules
from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_adapters.sqlite.rate_limits import SqliteTokenBuckets
from botk_core.ports import DocumentStore, MeasurementRepository, ThreadRepository
from botk_core.sensors.rules import QualityRules
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


@attrs.frozen
class Storage:
    """Every stateful adapter on one database, its readiness probe and how to let it go."""

    name: str
    threads: ThreadRepository
    documents: DocumentStore
    measurements: MeasurementRepository
    rate_limits: TokenBuckets
    vector_state: VectorStoreRecord
    writable: Callable[[], bool]
    close: Callable[[], None]
    # Where the data lives, safe to show (/health): never a password.
    location: str = ""


def build_storage(settings: Settings) -> Storage:
    """The storage ``settings`` name; nothing connects until a part is used."""
    if settings.database_url:
        return _postgres(settings)
    return _sqlite(settings)


def _sqlite(settings: Settings) -> Storage:
    db = Database(settings.database_path)
    return Storage(
        SQLITE,
        SqliteThreadRepository(db),
        SqliteFtsDocumentStore(db, load_synonyms(settings.documents_dir)),
        SqliteMeasurementRepository(db, _quality_rules(settings)),
        # In a file of their own: a request's token never waits on a long write of the main file.
        SqliteTokenBuckets.beside(settings.database_path),
        VectorStoreState(db),
        db.writable,
        lambda: None,
    )


def _postgres(settings: Settings) -> Storage:
    # Imported here: an SQLite-only installation never loads psycopg.
    from botk_adapters.postgres import (
        PostgresDatabase,
        PostgresDocumentStore,
        PostgresMeasurementRepository,
        PostgresThreadRepository,
        PostgresTokenBuckets,
        PostgresVectorStoreState,
        public_location,
    )

    assert settings.database_url
    low, high = pool_sizes(settings)
    db = PostgresDatabase(settings.database_url, min_size=low, max_size=high)
    threads = PostgresThreadRepository(db)

    def close() -> None:
        threads.close()
        db.close()

    return Storage(
        POSTGRESQL,
        threads,
        PostgresDocumentStore(db, load_synonyms(settings.documents_dir)),
        PostgresMeasurementRepository(db, _quality_rules(settings)),
        PostgresTokenBuckets(db),
        PostgresVectorStoreState(db),
        db.writable,
        close,
        public_location(settings.database_url),
    )


def _quality_rules(settings: Settings) -> QualityRules:
    return parse_rules(settings.sensor_rules).quality


def pool_sizes(settings: Settings) -> tuple[int, int]:
    """Connections per worker process: ``BOTK_DB_POOL_MIN``/``MAX``, by default from ``BOTK_THREADS``.

    A request holds a pooled connection only for its statements, never while
    the model answers, so a quarter of the threads (at least 4) rarely makes
    one wait. Each worker also keeps one connection for its turn locks.
    """
    high = settings.db_pool_max or max(4, settings.threads // 4)
    low = min(settings.db_pool_min, high)
    return low, high
