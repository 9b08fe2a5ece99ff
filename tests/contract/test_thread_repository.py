"""The ThreadRepository contract, run against every adapter of the port."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from botk_adapters.memory import InMemoryThreadRepository
from botk_adapters.sqlite import SqliteThreadRepository
from botk_core.domain import Citation, Message, Thread, ToolRun, Usage
from botk_core.errors import InvalidInput, ThreadNotFound
from botk_core.ids import new_id
from botk_core.ports import ThreadRepository

Factory = Callable[[], ThreadRepository]


@pytest.fixture(params=["memory", "sqlite"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> ThreadRepository:
    if request.param == "memory":
        return InMemoryThreadRepository()
    return SqliteThreadRepository(tmp_path / "botk.sqlite3")


def a_thread(repo: ThreadRepository) -> Thread:
    thread = Thread(new_id("thread"), "asst_x", 1_700_000_000.0)
    repo.create(thread)
    return thread


def add(repo: ThreadRepository, thread: Thread, count: int) -> list[Message]:
    messages = []
    for number in range(count):
        role = "user" if number % 2 == 0 else "assistant"
        message = Message(new_id("msg"), thread.id, role, f"m{number}", 1_700_000_000.0 + number)
        repo.add_message(message)
        messages.append(message)
    return messages


def ids(page: object) -> list[str]:
    return [m.id for m in page.messages]  # type: ignore[attr-defined]


def test_a_created_thread_can_be_read_back(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    assert repo.get(thread.id) == thread


def test_an_unknown_thread_is_not_found(repo: ThreadRepository) -> None:
    with pytest.raises(ThreadNotFound):
        repo.get("thread_" + "f" * 32)
    with pytest.raises(ThreadNotFound):
        repo.add_message(Message(new_id("msg"), "thread_nope", "user", "x", 0.0))


def test_messages_keep_every_field(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    run = ToolRun(
        "c1", "search_documents", '{"query": "á"}', '{"results": []}', False, (Citation("d.md", "s", "q"),)
    )
    message = Message(
        new_id("msg"),
        thread.id,
        "assistant",
        "Respuesta ñandú",
        1.5,
        "completed",
        (Citation("guía.md", "2. Luces", "«roja»", "doc_1"),),
        (run,),
        Usage(10, 5, 2),
        "client-1",
    )
    repo.add_message(message)
    assert repo.list_messages(thread.id, limit=10).messages == (message,)


def test_messages_come_back_in_acceptance_order_and_page_like_openai(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    messages = add(repo, thread, 5)
    all_ids = [m.id for m in messages]

    first = repo.list_messages(thread.id, limit=2)
    assert ids(first) == all_ids[:2] and first.has_more
    second = repo.list_messages(thread.id, limit=2, after=all_ids[1])
    assert ids(second) == all_ids[2:4] and second.has_more
    last = repo.list_messages(thread.id, limit=2, after=all_ids[3])
    assert ids(last) == all_ids[4:] and not last.has_more
    before = repo.list_messages(thread.id, limit=2, before=all_ids[4])
    assert ids(before) == all_ids[2:4] and before.has_more
    newest = repo.list_messages(thread.id, limit=2, descending=True)
    assert ids(newest) == [all_ids[4], all_ids[3]] and newest.has_more
    older = repo.list_messages(thread.id, limit=10, descending=True, after=all_ids[3])
    assert ids(older) == [all_ids[2], all_ids[1], all_ids[0]] and not older.has_more
    between = repo.list_messages(thread.id, limit=10, after=all_ids[0], before=all_ids[3])
    assert ids(between) == all_ids[1:3]


def test_a_cursor_from_another_thread_is_invalid_input(repo: ThreadRepository) -> None:
    one, other = a_thread(repo), a_thread(repo)
    foreign = add(repo, other, 1)[0]
    add(repo, one, 1)
    with pytest.raises(InvalidInput):
        repo.list_messages(one.id, limit=10, after=foreign.id)


def test_threads_do_not_see_each_others_messages(repo: ThreadRepository) -> None:
    one, other = a_thread(repo), a_thread(repo)
    add(repo, one, 2)
    assert repo.list_messages(other.id, limit=10).messages == ()


def test_update_message_changes_status_and_recent_messages_are_oldest_first(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    messages = add(repo, thread, 4)
    repo.update_message(attrs.evolve(messages[2], status="failed"))
    recent = repo.recent_messages(thread.id, 2)
    assert [m.id for m in recent] == [messages[2].id, messages[3].id]
    assert recent[0].status == "failed"


def test_turn_lock_runs_turns_of_a_thread_one_at_a_time(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    inside, overlaps = [0], []

    def turn() -> None:
        with repo.turn_lock(thread.id):
            inside[0] += 1
            overlaps.append(inside[0])
            time.sleep(0.01)
            inside[0] -= 1

    workers = [threading.Thread(target=turn) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert overlaps == [1] * 6


def test_find_by_client_id_returns_only_that_threads_message(repo: ThreadRepository) -> None:
    one, other = a_thread(repo), a_thread(repo)
    message = Message(new_id("msg"), one.id, "user", "hola", 1.0, "pending", client_message_id="c-1")
    repo.add_message(message)
    add(repo, one, 2)

    assert repo.find_by_client_id(one.id, "c-1") == message
    assert repo.find_by_client_id(one.id, "c-2") is None
    assert repo.find_by_client_id(other.id, "c-1") is None
    repo.update_message(attrs.evolve(message, status="failed"))
    found = repo.find_by_client_id(one.id, "c-1")
    assert found is not None and found.status == "failed"
