"""How a PostgreSQL turn holds its thread: a marker under a key that dies with its process's session.

Connections cut under a running or finishing turn, turns of other threads
while one waits, a thread held by an older BOTK, and a database of the
previous schema upgraded with its data while several instances start.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import psycopg
import pytest

from botk_adapters.postgres import PostgresDatabase, PostgresThreadRepository
from botk_adapters.postgres.lock_keys import NAMESPACE
from botk_adapters.postgres.migrations import MIGRATIONS, version
from botk_core.domain import AcceptedTurn, Message, Thread, reply_key
from botk_core.errors import Conflict, StorageError
from botk_core.ids import new_id
from tests import postgres_cluster as pg


@pytest.fixture
def instances(postgres_url: str) -> Iterator[list[PostgresThreadRepository]]:
    """Two repositories with pools and owner sessions of their own: two BOTK instances."""
    databases = [PostgresDatabase(postgres_url) for _ in range(2)]
    repos = [PostgresThreadRepository(db, lock_wait_seconds=3) for db in databases]
    yield repos
    for repo, db in zip(repos, databases, strict=True):
        repo.close()
        db.close()


def a_thread(repo: PostgresThreadRepository) -> Thread:
    thread = Thread(new_id("thread"), "asst", time.time())
    repo.create(thread)
    return thread


def question(thread: Thread, text: str = "hola") -> Message:
    return Message(new_id("msg"), thread.id, "user", text, time.time(), "pending")


def answer(user: Message, text: str = "respuesta") -> Message:
    key = reply_key(user.id)
    return Message(new_id("msg"), user.thread_id, "assistant", text, time.time(), client_message_id=key)


def statuses(repo: PostgresThreadRepository, thread: Thread) -> list[tuple[str, str]]:
    return [(m.content, m.status) for m in repo.list_messages(thread.id, limit=100).messages]


def cut_connections(url: str, *, owner_sessions: bool) -> int:
    """End the server side of BOTK's connections: its owner sessions (holding advisory locks) or the rest."""
    holds = "" if owner_sessions else "NOT"
    with psycopg.connect(url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
            f" AND pid <> pg_backend_pid() AND {holds} EXISTS"
            " (SELECT 1 FROM pg_locks AS l WHERE l.pid = pg_stat_activity.pid AND l.locktype = 'advisory')"
        ).fetchall()
    return len(rows)


def test_a_finish_whose_connection_is_cut_still_lets_the_thread_go(
    instances: list[PostgresThreadRepository], postgres_url: str
) -> None:
    first, other = instances
    thread = a_thread(first)
    running = first.accept_turn(question(thread, "a medias"), history=5)
    assert cut_connections(postgres_url, owner_sessions=False) > 0  # the pool's, under the finish
    with pytest.raises(StorageError):
        first.finish_turn(running, answer(running.user))
    started = time.monotonic()
    accepted = other.accept_turn(question(thread, "sigue"), history=5)
    assert time.monotonic() - started < 1.0  # not a wait for a lease to expire
    other.finish_turn(accepted, answer(accepted.user, "listo"))
    assert statuses(other, thread) == [("a medias", "failed"), ("sigue", "completed"), ("listo", "completed")]


def test_an_instance_whose_owner_session_was_cut_goes_on_taking_turns(
    instances: list[PostgresThreadRepository], postgres_url: str
) -> None:
    repo, other = instances
    thread, later = a_thread(repo), a_thread(repo)
    running = repo.accept_turn(question(thread, "antes del corte"), history=5)
    assert cut_connections(postgres_url, owner_sessions=True) == 1
    # Its running turn lost its hold, as with a crash; it still stores its answer when it ends.
    taken = other.accept_turn(question(thread, "otra instancia"), history=5)
    repo.finish_turn(running, answer(running.user, "tarde"))
    other.finish_turn(taken, answer(taken.user))
    assert ("tarde", "completed") in statuses(repo, thread)
    # New turns of the cut instance hold their threads again.
    held = repo.accept_turn(question(later, "después del corte"), history=5)
    third = PostgresThreadRepository(PostgresDatabase(postgres_url), lock_wait_seconds=0.2)
    try:
        with pytest.raises(Conflict):
            third.accept_turn(question(later, "¿y yo?"), history=5)
    finally:
        third.close()
    repo.finish_turn(held, answer(held.user))


def test_a_turn_waiting_for_another_instance_does_not_hold_up_other_threads(
    instances: list[PostgresThreadRepository],
) -> None:
    holder, waiter = instances
    busy, free = a_thread(holder), a_thread(holder)
    held = holder.accept_turn(question(busy), history=5)
    outcome: list[object] = []

    def wait_for_busy() -> None:
        try:
            outcome.append(waiter.accept_turn(question(busy, "espero"), history=5))
        except Conflict as error:
            outcome.append(error)

    waiting = threading.Thread(target=wait_for_busy)
    waiting.start()
    time.sleep(0.1)  # the waiter now polls for the busy thread
    started = time.monotonic()
    for number in range(5):
        turn = waiter.accept_turn(question(free, f"p{number}"), history=5)
        waiter.finish_turn(turn, answer(turn.user))
    assert time.monotonic() - started < 1.0 and outcome == []
    holder.finish_turn(held, answer(held.user))
    waiting.join()
    [late] = outcome  # the busy thread came free within the wait, and its turn ran after the holder's
    assert isinstance(late, AcceptedTurn)
    assert [c for c, _ in statuses(holder, busy)] == ["hola", "respuesta", "espero"]
    waiter.finish_turn(late, None)


def test_a_thread_held_by_an_older_botk_is_busy(
    instances: list[PostgresThreadRepository], postgres_url: str
) -> None:
    repo = instances[0]
    thread = a_thread(repo)
    waiter = PostgresThreadRepository(PostgresDatabase(postgres_url), lock_wait_seconds=0.3)
    with psycopg.connect(postgres_url, autocommit=True) as older:  # how an older version held a thread
        older.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", (NAMESPACE, thread.id))
        with pytest.raises(Conflict):
            waiter.accept_turn(question(thread), history=5)
        with pytest.raises(Conflict):
            waiter.delete_thread(thread.id)
    waiter.close()
    turn = repo.accept_turn(question(thread, "ahora sí"), history=5)
    repo.finish_turn(turn, None)


def previous_schema(url: str) -> None:
    """The database as the previous BOTK left it: its five migrations, a conversation, a cut turn."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE botk_schema (version integer PRIMARY KEY, applied_at double precision NOT NULL)"
        )
        for number, script in enumerate(MIGRATIONS[:5], start=1):
            conn.execute(script)
            conn.execute("INSERT INTO botk_schema VALUES (%s, 0)", (number,))
        conn.execute(
            "INSERT INTO threads (id, assistant_id, created_at, message_count) VALUES ('thread_v', 'a', 1, 3)"
        )
        conn.execute(
            "INSERT INTO messages (id, thread_id, role, content, created_at, status) VALUES"
            " ('msg_1', 'thread_v', 'user', 'hola', 1, 'completed'),"
            " ('msg_2', 'thread_v', 'assistant', 'buenas', 2, 'completed'),"
            " ('msg_3', 'thread_v', 'user', 'cortada', 3, 'pending')"
        )


def test_a_database_of_the_previous_schema_is_upgraded_with_its_data_by_instances_starting_at_once(
    postgres_cluster: pg.Cluster,
) -> None:
    with pg.database(postgres_cluster, template=None) as url:
        previous_schema(url)
        databases = [PostgresDatabase(url) for _ in range(4)]
        errors: list[BaseException] = []

        def start(database: PostgresDatabase) -> None:
            try:
                database.migrate()
            except BaseException as error:
                errors.append(error)

        workers = [threading.Thread(target=start, args=(db,)) for db in databases]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert errors == []
        with psycopg.connect(url) as conn:
            assert version(conn) == len(MIGRATIONS)
        repo = PostgresThreadRepository(databases[0])
        try:
            thread = repo.get("thread_v")
            turn = repo.accept_turn(question(thread, "¿sigues?"), history=5)
            assert [m.content for m in turn.history] == ["hola", "buenas"]
            repo.finish_turn(turn, answer(turn.user, "sí"))
            assert statuses(repo, thread) == [
                ("hola", "completed"), ("buenas", "completed"), ("cortada", "failed"),
                ("¿sigues?", "completed"), ("sí", "completed"),
            ]  # fmt: skip
        finally:
            repo.close()
            for db in databases:
                db.close()
