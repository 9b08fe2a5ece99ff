"""A throwaway PostgreSQL server for the tests: ``initdb`` + ``pg_ctl`` on a temporary directory.

``BOTK_TEST_DATABASE_URL`` names an existing server instead (its user must be
allowed to create databases). Each test gets a database of its own, copied
from a template that already holds BOTK's schema, so a test costs a
``CREATE DATABASE``, not a migration.

``initdb`` refuses to run as root, so as root the cluster runs as the
``postgres`` system user (``runuser``), with its directory owned by it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

TEMPLATE = "botk_template"
REQUIRE_VARIABLES = ("CI", "BOTK_REQUIRE_POSTGRES")


class ClusterUnavailable(RuntimeError):
    """The PostgreSQL binaries are missing or the server would not start."""


def required() -> bool:
    """In CI (or with BOTK_REQUIRE_POSTGRES=1) a missing server fails the tests instead of skipping them."""
    return any(os.environ.get(name, "") not in ("", "0", "false") for name in REQUIRE_VARIABLES)


def binaries() -> Path:
    """The directory holding ``initdb`` and ``pg_ctl`` (PATH first, then Debian's layout)."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major, reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    raise ClusterUnavailable("initdb no está instalado (apt-get install postgresql)")


def _major(path: str) -> int:
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A running server: its admin URL, and databases made for one test each."""

    def __init__(self, admin_url: str, stop: contextlib.ExitStack) -> None:
        self.admin_url = admin_url
        self._stop = stop

    def url(self, database: str) -> str:
        """The admin URL pointed at ``database`` (a URL, as BOTK_DATABASE_URL takes)."""
        return urllib.parse.urlsplit(self.admin_url)._replace(path=f"/{database}").geturl()

    def prepare_template(self) -> None:
        """Create the template database with BOTK's schema migrated into it."""
        from botk_adapters.postgres.db import PostgresDatabase

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(TEMPLATE)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
        database = PostgresDatabase(self.url(TEMPLATE), min_size=1, max_size=1)
        database.migrate()
        database.close()

    def create_database(self, template: str | None = TEMPLATE) -> str:
        """A new empty (or template-copied) database; return its URL."""
        name = f"botk_test_{secrets.token_hex(6)}"
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            if conn.info.server_version >= 150000:  # a plain file copy beats WAL logging for a small database
                statement += sql.SQL(" STRATEGY FILE_COPY")
            conn.execute(statement)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = psycopg.conninfo.conninfo_to_dict(url)["dbname"]
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(str(name))))

    def close(self) -> None:
        self._stop.close()


def start() -> Cluster:
    """The server of ``BOTK_TEST_DATABASE_URL``, or a new throwaway cluster."""
    given = os.environ.get("BOTK_TEST_DATABASE_URL")
    if given:
        return Cluster(given, contextlib.ExitStack())
    stack = contextlib.ExitStack()
    try:
        return Cluster(_start_cluster(stack), stack)
    except BaseException:
        stack.close()
        raise


def _start_cluster(stack: contextlib.ExitStack) -> str:
    bin_dir, user = binaries(), _unprivileged_user()
    root = Path(tempfile.mkdtemp(prefix="botk-pg-"))
    stack.callback(shutil.rmtree, root, ignore_errors=True)
    if user:
        os.chown(root, user.pw_uid, user.pw_gid)
    data, port = root / "data", free_port()
    _run(user, [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "botk", "-E", "UTF8",
                "--no-sync", "--locale=C.UTF-8"], root)  # fmt: skip
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=300"
    )
    pg_ctl = str(bin_dir / "pg_ctl")
    _run(user, [pg_ctl, "-D", str(data), "-o", options, "-l", str(root / "server.log"), "-w", "start"], root)
    stack.callback(_run, user, [pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], root, False)
    url = f"postgresql://botk@127.0.0.1:{port}/postgres"
    _check_unaccent(url)
    return url


def _unprivileged_user() -> pwd.struct_passwd | None:
    """None when not root; else the ``postgres`` system user the cluster must run as."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        raise ClusterUnavailable("como root, initdb necesita el usuario de sistema postgres") from None


def _run(user: pwd.struct_passwd | None, command: list[str], cwd: Path, check: bool = True) -> None:
    if user:
        command = ["runuser", "-u", user.pw_name, "--", *command]
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        log = cwd / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
        raise ClusterUnavailable(f"{' '.join(command[-6:])} falló: {done.stderr.strip()[-1000:]}\n{tail}")


def _check_unaccent(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'").fetchone()
    if not found:
        raise ClusterUnavailable("falta la extensión unaccent (paquete postgresql-contrib)")


@contextlib.contextmanager
def database(cluster: Cluster, template: str | None = TEMPLATE) -> Iterator[str]:
    """A database for one test, dropped afterwards (its connections with it)."""
    url = cluster.create_database(template)
    try:
        yield url
    finally:
        cluster.drop_database(url)


def reset(url: str) -> None:
    """Empty every table of BOTK's schema, once the test's connections are gone (a few ms,
    where a new database costs half a second)."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        tables = conn.execute(
            "SELECT tablename FROM pg_tables"
            " WHERE schemaname = current_schema() AND tablename <> 'botk_schema'"
        ).fetchall()
        names = sql.SQL(", ").join(sql.Identifier(row[0]) for row in tables)
        conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(names))
