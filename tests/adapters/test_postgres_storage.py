"""What only the PostgreSQL storage guarantees: several instances on one database, locks that die
with their connection, safe concurrent migrations, a lost server as a 503."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors as pg_errors

from botk_adapters.postgres import (
    PostgresDatabase,
    PostgresDocumentStore,
    PostgresThreadRepository,
    PostgresTokenBuckets,
)
from botk_adapters.postgres.errors import translate
from botk_adapters.postgres.migrations import MIGRATIONS, version
from botk_core.domain import Chunk, DocumentInfo, Message, Thread, reply_key
from botk_core.errors import Conflict, InvalidInput, NotFound, SchemaTooNew, StorageError, ThreadNotFound
from botk_core.ids import new_id
from tests import postgres_cluster as pg


@pytest.fixture
def instances(postgres_url: str) -> Iterator[list[PostgresThreadRepository]]:
    """Two repositories with pools and lock sessions of their own: two BOTK instances."""
    databases = [PostgresDatabase(postgres_url) for _ in range(2)]
    repos = [PostgresThreadRepository(db, lock_wait_seconds=5) for db in databases]
    yield repos
    for repo, db in zip(repos, databases, strict=True):
        repo.close()
        db.close()


def a_thread(repo: PostgresThreadRepository) -> Thread:
    thread = Thread(new_id("thread"), "asst", time.time())
    repo.create(thread)
    return thread


def question(thread: Thread, text: str = "hola", key: str | None = None) -> Message:
    return Message(new_id("msg"), thread.id, "user", text, time.time(), "pending", client_message_id=key)


def answer(turn_user: Message, text: str = "respuesta") -> Message:
    return Message(
        new_id("msg"),
        turn_user.thread_id,
        "assistant",
        text,
        time.time(),
        client_message_id=reply_key(turn_user.id),
    )


def statuses(repo: PostgresThreadRepository, thread: Thread) -> list[str]:
    return [m.status for m in repo.list_messages(thread.id, limit=100).messages]


def test_turns_of_one_thread_through_two_instances_run_one_at_a_time(
    instances: list[PostgresThreadRepository],
) -> None:
    thread = a_thread(instances[0])
    inside, overlaps = [0], []

    def one_turn(repo: PostgresThreadRepository, number: int) -> None:
        accepted = repo.accept_turn(question(thread, f"p{number}"), history=5)
        inside[0] += 1
        overlaps.append(inside[0])
        time.sleep(0.02)
        inside[0] -= 1
        repo.finish_turn(accepted, answer(accepted.user, f"r{number}"))

    workers = [threading.Thread(target=one_turn, args=(instances[n % 2], n)) for n in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert overlaps == [1] * 8
    texts = [m.content for m in instances[1].list_messages(thread.id, limit=100).messages]
    assert [t[1:] for t in texts[0::2]] == [t[1:] for t in texts[1::2]]  # each question, then its answer


def test_a_retry_sent_to_the_other_instance_gets_the_first_answer(
    instances: list[PostgresThreadRepository],
) -> None:
    first, other = instances
    thread = a_thread(first)
    accepted = first.accept_turn(question(thread, "hola", key="k-1"), history=5)
    first.finish_turn(accepted, stored := answer(accepted.user))
    retried = other.accept_turn(question(thread, "hola", key="k-1"), history=5)
    assert retried.answer == stored
    other.finish_turn(other.accept_turn(question(thread, "libre"), history=5), None)  # nothing held


def test_a_thread_held_by_another_instance_is_a_conflict_past_the_wait(postgres_url: str) -> None:
    holder_db, waiter_db = PostgresDatabase(postgres_url), PostgresDatabase(postgres_url)
    holder = PostgresThreadRepository(holder_db)
    waiter = PostgresThreadRepository(waiter_db, lock_wait_seconds=0.3)
    try:
        thread = a_thread(holder)
        holder.accept_turn(question(thread), history=5)
        with pytest.raises(Conflict):
            waiter.accept_turn(question(thread, "otra"), history=5)
        with pytest.raises(Conflict):
            waiter.delete_thread(thread.id)
        # The waiter's attempts changed nothing: the holder's question alone, still pending.
        assert statuses(holder, thread) == ["pending"]
    finally:
        for part in (holder, waiter, holder_db, waiter_db):
            part.close()


HOLD_A_TURN = """
import sys, time
from botk_adapters.postgres import PostgresDatabase, PostgresThreadRepository
from botk_core.domain import Message
repo = PostgresThreadRepository(PostgresDatabase(sys.argv[1]))
repo.accept_turn(Message(sys.argv[3], sys.argv[2], "user", "¿me cortan?", time.time()), history=5)
print("held", flush=True)
time.sleep(600)
"""


HOLDER = "botk-holder"


def until_its_sessions_end(url: str, application: str) -> None:
    """Wait for the server to see a killed process's sockets close (it notices within milliseconds)."""
    deadline = time.monotonic() + 10
    with psycopg.connect(url, autocommit=True) as conn:
        while conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (application,)
        ).fetchone() != (0,):
            assert time.monotonic() < deadline, "the server kept a killed process's sessions"
            time.sleep(0.01)


def test_a_turn_killed_with_its_process_frees_its_thread_and_its_question_fails(
    instances: list[PostgresThreadRepository], postgres_url: str
) -> None:
    repo, live = instances
    dead_thread, live_thread = a_thread(repo), a_thread(repo)
    running = live.accept_turn(question(live_thread, "sigo vivo"), history=5)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_TURN, f"{postgres_url}?application_name={HOLDER}", dead_thread.id,
         new_id("msg")],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    holder.kill()  # kill -9: no goodbye to the server, the socket just closes
    holder.wait()
    until_its_sessions_end(postgres_url, HOLDER)

    assert repo.recover_turns() == 1
    assert statuses(repo, dead_thread) == ["failed"]
    assert statuses(repo, live_thread) == ["pending"]  # another instance's live turn is left alone
    after = repo.accept_turn(question(dead_thread, "¿y ahora?"), history=5)
    assert after.history == ()
    repo.finish_turn(after, answer(after.user))
    live.finish_turn(running, answer(running.user))
    assert statuses(repo, live_thread) == ["completed", "completed"]


def test_a_lock_session_that_drops_frees_the_thread_for_the_next_turn(
    instances: list[PostgresThreadRepository], postgres_url: str
) -> None:
    repo, other = instances
    thread = a_thread(repo)
    repo.accept_turn(question(thread, "a medias"), history=5)
    with psycopg.connect(postgres_url, autocommit=True) as admin:  # the server ends the session
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
        )
    accepted = other.accept_turn(question(thread, "sigue"), history=5)
    assert statuses(other, thread) == ["failed", "pending"]
    other.finish_turn(accepted, None)


def test_instances_starting_at_once_migrate_the_schema_once(postgres_cluster: pg.Cluster) -> None:
    with pg.database(postgres_cluster, template=None) as url:
        errors: list[BaseException] = []

        def start() -> None:
            try:
                PostgresDatabase(url).migrate()
            except BaseException as error:
                errors.append(error)

        workers = [threading.Thread(target=start) for _ in range(6)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert errors == []
        with psycopg.connect(url) as conn:
            assert version(conn) == len(MIGRATIONS)
            assert conn.execute("SELECT count(*) FROM botk_schema").fetchone() == (len(MIGRATIONS),)


def test_a_server_that_is_not_there_is_a_storage_error_and_not_ready() -> None:
    database = PostgresDatabase(f"postgresql://botk@127.0.0.1:{pg.free_port()}/botk", timeout=1)
    repo = PostgresThreadRepository(database)
    with pytest.raises(StorageError):
        repo.get("thread_x")
    assert database.writable() is False


def test_rate_limit_buckets_are_one_per_client_across_instances(postgres_url: str) -> None:
    databases = [PostgresDatabase(postgres_url) for _ in range(2)]
    buckets = [PostgresTokenBuckets(db, clock=lambda: 1000.0) for db in databases]
    granted: list[float] = []

    def take(number: int) -> None:
        granted.append(buckets[number % 2].take("ip:10.0.0.1", per_minute=60, burst=5))

    try:
        workers = [threading.Thread(target=take, args=(n,)) for n in range(12)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert sorted(granted)[:5] == [0.0] * 5
        assert all(wait == pytest.approx(1.0) for wait in sorted(granted)[5:])
        assert buckets[0].take("ip:10.0.0.2", per_minute=60, burst=5) == 0.0  # another client's own bucket
    finally:
        for db in databases:
            db.close()


def test_nul_characters_never_break_a_write_or_a_lookup(instances: list[PostgresThreadRepository]) -> None:
    repo = instances[0]
    thread = a_thread(repo)
    accepted = repo.accept_turn(question(thread, "hola\x00mundo", key="k\x00"), history=5)
    repo.finish_turn(accepted, answer(accepted.user, "eco\x00"))
    again = repo.accept_turn(question(thread, "hola\x00mundo", key="k\x00"), history=5)
    assert again.answer is not None and again.answer.content == "eco\ufffd"
    with pytest.raises(Exception) as raised:
        repo.get("thread_\x00")
    assert type(raised.value).__name__ == "ThreadNotFound"


def test_a_database_written_by_a_newer_botk_is_refused_and_left_untouched(postgres_url: str) -> None:
    future = len(MIGRATIONS) + 3
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("INSERT INTO botk_schema VALUES (%s, 0)", (future,))
        try:
            with pytest.raises(SchemaTooNew, match="más nuevo"):
                PostgresThreadRepository(PostgresDatabase(postgres_url)).get("thread_x")
            assert version(conn) == future
        finally:  # the database is shared by the session's tests
            conn.execute("DELETE FROM botk_schema WHERE version = %s", (future,))


HOSTILE = [
    "'", "''", '"', "\\", "a:*", "!", "&|!()", "<->", "<2>", ":*", "foo & | bar", "(((",
    "')); DROP TABLE documents; --", "plomo' | 'x", "🙂💧", "e\u0301", "\x00plomo", "ñ" * 5000,
    " ".join(["plomo"] * 300), "*", "-- ;", "%s %(x)s",
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE)
def test_no_question_is_ever_a_query_syntax_error(postgres_database: PostgresDatabase, query: str) -> None:
    store = PostgresDocumentStore(postgres_database)
    store.put(DocumentInfo("doc_1", "guia.md", "h"), [Chunk("El plomo de Pulcha: <0,002 mg/L.", "Tabla 2")])
    found = store.search(query, 5)
    assert all(p.document == "guia.md" for p in found)
    assert store.search("plomo Pulcha")[0].location == "Tabla 2"  # and the index is still there


def test_a_thread_deleted_behind_a_turns_back_is_not_found_when_the_turn_ends(
    instances: list[PostgresThreadRepository], postgres_url: str
) -> None:
    repo = instances[0]
    thread = a_thread(repo)
    accepted = repo.accept_turn(question(thread), history=5)
    with psycopg.connect(postgres_url, autocommit=True) as admin:  # e.g. an operator's DELETE
        admin.execute("DELETE FROM threads WHERE id = %s", (thread.id,))
    with pytest.raises(ThreadNotFound):
        repo.finish_turn(accepted, answer(accepted.user))
    other = a_thread(repo)  # and the lock went: the repository goes on working
    repo.finish_turn(repo.accept_turn(question(other), history=5), None)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (pg_errors.ForeignKeyViolation("x"), NotFound),
        (pg_errors.UniqueViolation("x"), Conflict),
        (pg_errors.NumericValueOutOfRange("x"), InvalidInput),
        (psycopg.OperationalError("server closed the connection"), StorageError),
        (pg_errors.QueryCanceled("statement timeout"), StorageError),
    ],
)
def test_database_errors_become_botk_errors(error: Exception, expected: type[Exception]) -> None:
    mapped = translate(error)
    assert isinstance(mapped, expected) and "x" not in mapped.message
