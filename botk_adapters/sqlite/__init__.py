"""SQLite adapters: one file, WAL, forward migrations."""

from botk_adapters.sqlite.db import Database, connect
from botk_adapters.sqlite.threads import SqliteThreadRepository

__all__ = ["Database", "SqliteThreadRepository", "connect"]
