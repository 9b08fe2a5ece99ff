"""A PostgreSQL server for the benchmarks: the tests' throwaway cluster, or ``BOTK_BENCH_DATABASE_URL``.

Started once per ``bench/run.py`` and stopped when it exits; each benchmark
gets a fresh database of its own.
"""

from __future__ import annotations

import atexit
import os

import psycopg
from common import ROOT  # noqa: F401  (puts the repository on sys.path)
from psycopg import sql

from tests import postgres_cluster

_cluster: postgres_cluster.Cluster | None = None


def cluster() -> postgres_cluster.Cluster:
    """The server (started on first use; fsync off, as for tests: compare within one run)."""
    global _cluster
    if _cluster is None:
        given = os.environ.get("BOTK_BENCH_DATABASE_URL")
        if given:
            os.environ["BOTK_TEST_DATABASE_URL"] = given
        _cluster = postgres_cluster.start()
        _cluster.prepare_template()
        atexit.register(_cluster.close)
    return _cluster


def fresh_database() -> str:
    """The URL of a new database holding BOTK's empty schema."""
    return cluster().create_database()


def drop(url: str) -> None:
    cluster().drop_database(url)


def description() -> str:
    """What server this is, for RESULTS.md."""
    with psycopg.connect(cluster().admin_url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
        fsync = conn.execute(sql.SQL("SHOW fsync")).fetchone()
    version = row[0] if row else "?"
    return f"PostgreSQL {version.split()[0]} on 127.0.0.1 (fsync {fsync[0] if fsync else '?'})"
