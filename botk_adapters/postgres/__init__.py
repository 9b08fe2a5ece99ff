"""PostgreSQL adapters: every piece of BOTK's state on a database server shared by several instances."""

from botk_adapters.postgres.db import PostgresDatabase, public_location
from botk_adapters.postgres.documents import PostgresDocumentStore
from botk_adapters.postgres.measurements import PostgresMeasurementRepository
from botk_adapters.postgres.rate_limits import PostgresTokenBuckets
from botk_adapters.postgres.threads import PostgresThreadRepository
from botk_adapters.postgres.vector_state import PostgresVectorStoreState

__all__ = [
    "PostgresDatabase",
    "PostgresDocumentStore",
    "PostgresMeasurementRepository",
    "PostgresThreadRepository",
    "PostgresTokenBuckets",
    "PostgresVectorStoreState",
    "public_location",
]
