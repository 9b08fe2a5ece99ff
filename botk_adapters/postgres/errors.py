"""psycopg's errors as BOTK errors: a database that cannot answer now is a StorageError (503)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import psycopg_pool
from psycopg import errors as pg

from botk_core.errors import BotkError, Conflict, InvalidInput, NotFound, StorageError

# Worth a retry by the client: the server is away, busy or gave up on a lock.
_TRANSIENT: tuple[type[Exception], ...] = (
    psycopg.OperationalError,  # connection refused or lost, server shutting down, timeouts
    psycopg.InterfaceError,  # a connection closed under the adapter
    psycopg_pool.PoolTimeout,
    psycopg_pool.PoolClosed,
    pg.QueryCanceled,  # statement_timeout
    pg.LockNotAvailable,
    pg.SerializationFailure,
    pg.DeadlockDetected,
    pg.InsufficientResources,  # disk full, too many connections
    pg.ReadOnlySqlTransaction,  # a standby, or a read-only primary
)


def translate(error: Exception) -> BotkError | None:
    """The BOTK error for a psycopg error, or None when it is a bug to let through."""
    if isinstance(error, BotkError):
        return error
    if isinstance(error, psycopg_pool.PoolTimeout):
        return StorageError("El almacenamiento está ocupado; intenta de nuevo en un momento.")
    if isinstance(error, _TRANSIENT):
        return StorageError("El almacenamiento no está disponible; intenta de nuevo en un momento.")
    if isinstance(error, pg.ForeignKeyViolation):  # what a row points to was deleted meanwhile
        return NotFound("No encontrado.")
    if isinstance(error, pg.UniqueViolation):
        return Conflict("El cambio choca con lo que ya está guardado; intenta de nuevo.")
    if isinstance(error, psycopg.DataError):  # a value PostgreSQL cannot hold (out of range, bad text)
        return InvalidInput("Un valor está fuera de rango o mal formado.")
    return None


@contextmanager
def translated() -> Iterator[None]:
    """Raise psycopg's transient errors as ``StorageError``; the original stays as the cause."""
    try:
        yield
    except Exception as error:
        mapped = translate(error)
        if mapped is None or mapped is error:
            raise
        raise mapped from error
