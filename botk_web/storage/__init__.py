"""Where BOTK keeps its state: the one place that chooses SQLite or PostgreSQL.

``BOTK_DATABASE_URL`` (or ``DATABASE_URL``) set: every adapter works on that
PostgreSQL database, so several instances can share it. Unset: one SQLite
file (``BOTK_DATABASE``), as always. Each part is built on first use, so a
command that needs only the documents never opens anything else.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from botk_adapters.documents import load_synonyms
from botk_adapters.openai.vector_state import VectorStoreRecord, VectorStoreState
from botk_adapters.sensors.config import parse_rules
from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.db import connect
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_adapters.sqlite.rate_limits import SqliteTokenBuckets
from botk_core.errors import StorageError
from botk_core.ports import DocumentStore, MeasurementRepository, ThreadRepository
from botk_core.sensors.rules import QualityRules
from botk_core.synonyms import Synonyms
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings

if TYPE_CHECKING:
    from botk_adapters.postgres import PostgresDatabase, PostgresThreadRepository

SQLITE = "sqlite"
POSTGRESQL = "postgresql"


class Storage(Protocol):
    """Every stateful adapter on one database, its readiness probe and how to let it go."""

    name: str
    location: str  # where the data lives, safe to show (/health): never a user or password

    @property
    def threads(self) -> ThreadRepository: ...

    @property
    def documents(self) -> DocumentStore: ...

    @property
    def measurements(self) -> MeasurementRepository: ...

    @property
    def rate_limits(self) -> TokenBuckets: ...

    @property
    def vector_state(self) -> VectorStoreRecord: ...

    def writable(self) -> bool:
        """Whether the database takes a write now (``/ready``); never raises."""
        ...

    def close(self) -> None:
        """Let go of the connections it holds."""
        ...


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


class SqliteStorage:
    """One SQLite file (WAL), and the rate-limit buckets in a small file beside it."""

    name = SQLITE
    location = ""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def db(self) -> Database:
        return Database(self.settings.database_path)

    @cached_property
    def threads(self) -> ThreadRepository:
        return SqliteThreadRepository(self.db)

    @cached_property
    def documents(self) -> DocumentStore:
        return SqliteFtsDocumentStore(self.db, _synonyms(self.settings))

    @cached_property
    def measurements(self) -> MeasurementRepository:
        return SqliteMeasurementRepository(self.db, _quality_rules(self.settings))

    @cached_property
    def rate_limits(self) -> TokenBuckets:
        # In a file of their own: a request's token never waits on a long write of the main file.
        return SqliteTokenBuckets.beside(self.settings.database_path)

    @cached_property
    def vector_state(self) -> VectorStoreRecord:
        return VectorStoreState(self.db)

    def writable(self) -> bool:
        return self.db.writable()

    def close(self) -> None:
        """Nothing to do: each thread's SQLite connection closes with it."""


class PostgresStorage:
    """A PostgreSQL database shared by every instance: a pool per process and one lock session.

    The adapters are imported when first built: an SQLite installation never loads psycopg.
    """

    name = POSTGRESQL

    def __init__(self, settings: Settings) -> None:
        from botk_adapters.postgres import public_location

        assert settings.database_url
        self.settings = settings
        self.url = settings.database_url
        self.location = public_location(self.url)

    @cached_property
    def db(self) -> PostgresDatabase:
        from botk_adapters.postgres import PostgresDatabase

        low, high = pool_sizes(self.settings)
        return PostgresDatabase(self.url, min_size=low, max_size=high)

    @cached_property
    def threads(self) -> PostgresThreadRepository:
        from botk_adapters.postgres import PostgresThreadRepository

        return PostgresThreadRepository(self.db)

    @cached_property
    def documents(self) -> DocumentStore:
        from botk_adapters.postgres import PostgresDocumentStore

        return PostgresDocumentStore(self.db, _synonyms(self.settings))

    @cached_property
    def measurements(self) -> MeasurementRepository:
        from botk_adapters.postgres import PostgresMeasurementRepository

        return PostgresMeasurementRepository(self.db, _quality_rules(self.settings))

    @cached_property
    def rate_limits(self) -> TokenBuckets:
        from botk_adapters.postgres import PostgresTokenBuckets

        return PostgresTokenBuckets(self.db)

    @cached_property
    def vector_state(self) -> VectorStoreRecord:
        from botk_adapters.postgres import PostgresVectorStoreState

        return PostgresVectorStoreState(self.db)

    def writable(self) -> bool:
        return self.db.writable()

    def close(self) -> None:
        if "threads" in self.__dict__:
            self.threads.close()
        if "db" in self.__dict__:
            self.db.close()


def _synonyms(settings: Settings) -> Synonyms:
    """BOTK's built-in synonyms plus the documents folder's own ``sinonimos.txt``, read at start."""
    return load_synonyms(settings.documents_dir)


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
