"""The shared storage: a PostgreSQL database that several instances of BOTK work on at once.

The adapters are imported when first built: an SQLite installation never loads psycopg.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from botk_adapters.openai.vector_state import VectorStoreRecord
from botk_core.ports import DocumentStore, MeasurementRepository
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings
from botk_web.storage.base import quality_rules, synonyms

if TYPE_CHECKING:
    from botk_adapters.postgres import PostgresDatabase, PostgresThreadRepository

POSTGRESQL = "postgresql"


class PostgresStorage:
    """A PostgreSQL database shared by every instance: a pool per process and one lock session."""

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

        return PostgresDocumentStore(self.db, synonyms(self.settings))

    @cached_property
    def measurements(self) -> MeasurementRepository:
        from botk_adapters.postgres import PostgresMeasurementRepository

        return PostgresMeasurementRepository(self.db, quality_rules(self.settings))

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

    def start_upkeep(self) -> None:
        """Nothing: the server does its own upkeep (autovacuum, checkpoints)."""

    def close(self) -> None:
        if "threads" in self.__dict__:
            self.threads.close()
        if "db" in self.__dict__:
            self.db.close()


def pool_sizes(settings: Settings) -> tuple[int, int]:
    """Connections per worker process: ``BOTK_DB_POOL_MIN``/``MAX``, by default from ``BOTK_THREADS``.

    A request holds a pooled connection only for its statements, never while
    the model answers, so a quarter of the threads (at least 4) rarely makes
    one wait. Each worker also keeps one connection for its turn locks.
    """
    high = settings.db_pool_max or max(4, settings.threads // 4)
    low = min(settings.db_pool_min, high)
    return low, high
