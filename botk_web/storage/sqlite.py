"""The embedded storage: one SQLite file, and the rate-limit buckets in a small file beside it."""

from __future__ import annotations

from functools import cached_property

from botk_adapters.openai.vector_state import VectorStoreRecord, VectorStoreState
from botk_adapters.sqlite import Database, SqliteThreadRepository
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_adapters.sqlite.rate_limits import SqliteTokenBuckets
from botk_core.ports import DocumentStore, MeasurementRepository, ThreadRepository
from botk_web.ratelimit import TokenBuckets
from botk_web.settings import Settings
from botk_web.storage.base import quality_rules, synonyms

SQLITE = "sqlite"


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
        return SqliteFtsDocumentStore(self.db, synonyms(self.settings))

    @cached_property
    def measurements(self) -> MeasurementRepository:
        return SqliteMeasurementRepository(self.db, quality_rules(self.settings))

    @cached_property
    def rate_limits(self) -> TokenBuckets:
        # In a file of their own: a request's token never waits on a long write of the main file.
        return SqliteTokenBuckets.beside(self.settings.database_path)

    @cached_property
    def vector_state(self) -> VectorStoreRecord:
        return VectorStoreState(self.db)

    def writable(self) -> bool:
        return self.db.writable()

    def start_upkeep(self) -> None:
        """WAL checkpoints on a thread of their own, out of the turns' commits."""
        self.db.checkpoint_in_background()

    def close(self) -> None:
        """Nothing to do: each thread's SQLite connection closes with it."""
