"""The ThreadRepository contract, run against every adapter of the port."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from botk_adapters.memory import InMemoryThreadRepository
from botk_adapters.sqlite import SqliteThreadRepository
from botk_core.domain import AcceptedTurn, Citation, Message, Thread, ToolRun, Usage, reply_key
from botk_core.errors import Conflict, IdempotencyKeyReused, InvalidInput, ThreadFull, ThreadNotFound
from botk_core.ids import new_id
from botk_core.ports import ThreadRepository


@pytest.fixture(params=["memory", "sqlite"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> ThreadRepository:
    if request.param == "memory":
        return InMemoryThreadRepository(lock_wait_seconds=0.3)
    return SqliteThreadRepository(tmp_path / "botk.sqlite3", lock_wait_seconds=0.3)


def a_thread(repo: ThreadRepository, created_at: float = 1_700_000_000.0) -> Thread:
    thread = Thread(new_id("thread"), "asst_x", created_at)
    repo.create(thread)
    return thread


def question(thread: Thread, text: str = "hola", key: str | None = None, at: float = 1.0) -> Message:
    return Message(new_id("msg"), thread.id, "user", text, at, "pending", client_message_id=key)


def answer_to(turn: AcceptedTurn, text: str = "respuesta", at: float = 2.0) -> Message:
    return Message(
        new_id("msg"), turn.thread.id, "assistant", text, at, client_message_id=reply_key(turn.user.id)
    )


def turn(repo: ThreadRepository, thread: Thread, text: str = "hola", key: str | None = None) -> list[Message]:
    """One answered turn; its two stored messages."""
    accepted = repo.accept_turn(question(thread, text, key), history=10)
    answer = answer_to(accepted, f"re: {text}")
    repo.finish_turn(accepted, answer)
    return list(repo.list_messages(thread.id, limit=1000).messages[-2:])


def ids(page: object) -> list[str]:
    return [m.id for m in page.messages]  # type: ignore[attr-defined]


def test_a_created_thread_can_be_read_back(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    assert repo.get(thread.id) == thread


def test_an_unknown_thread_is_not_found(repo: ThreadRepository) -> None:
    with pytest.raises(ThreadNotFound):
        repo.get("thread_" + "f" * 32)
    with pytest.raises(ThreadNotFound):
        repo.accept_turn(question(Thread("thread_nope", "a", 0.0)), history=5)


def test_an_accepted_question_is_pending_until_its_turn_finishes(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    accepted = repo.accept_turn(question(thread, "¿nivel?"), history=5)
    assert [(m.content, m.status) for m in repo.list_messages(thread.id, limit=10).messages] == [
        ("¿nivel?", "pending")
    ]
    repo.finish_turn(accepted, answer_to(accepted, "1,5 m"))
    stored = repo.list_messages(thread.id, limit=10).messages
    assert [(m.role, m.content, m.status) for m in stored] == [
        ("user", "¿nivel?", "completed"),
        ("assistant", "1,5 m", "completed"),
    ]


def test_a_failed_turn_keeps_its_question_marked_failed(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    accepted = repo.accept_turn(question(thread), history=5)
    repo.finish_turn(accepted, None)
    assert [m.status for m in repo.list_messages(thread.id, limit=10).messages] == ["failed"]


def test_answers_keep_every_field(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    accepted = repo.accept_turn(question(thread), history=5)
    run = ToolRun(
        "c1", "search_documents", '{"query": "á"}', '{"results": []}', False, (Citation("d.md", "s", "q"),)
    )
    answer = Message(
        new_id("msg"),
        thread.id,
        "assistant",
        "Respuesta ñandú",
        1.5,
        "completed",
        (Citation("guía.md", "2. Luces", "«roja»", "doc_1"),),
        (run,),
        Usage(10, 5, 2),
        reply_key(accepted.user.id),
    )
    repo.finish_turn(accepted, answer)
    assert repo.list_messages(thread.id, limit=10).messages[-1] == answer


def test_history_is_the_earlier_completed_messages_oldest_first(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    first = turn(repo, thread, "uno")
    failed = repo.accept_turn(question(thread, "falla"), history=5)
    repo.finish_turn(failed, None)
    second = turn(repo, thread, "dos")

    accepted = repo.accept_turn(question(thread, "tres"), history=3)
    assert [m.content for m in accepted.history] == ["re: uno", "dos", "re: dos"]
    assert [m.id for m in accepted.history] == [first[1].id, *[m.id for m in second]]


def test_messages_come_back_in_acceptance_order_and_page_like_openai(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    all_ids = [m.id for number in range(3) for m in turn(repo, thread, f"p{number}")]

    first = repo.list_messages(thread.id, limit=2)
    assert ids(first) == all_ids[:2] and first.has_more
    second = repo.list_messages(thread.id, limit=2, after=all_ids[1])
    assert ids(second) == all_ids[2:4] and second.has_more
    last = repo.list_messages(thread.id, limit=2, after=all_ids[3])
    assert ids(last) == all_ids[4:] and not last.has_more
    before = repo.list_messages(thread.id, limit=2, before=all_ids[4])
    assert ids(before) == all_ids[2:4] and before.has_more
    newest = repo.list_messages(thread.id, limit=2, descending=True)
    assert ids(newest) == [all_ids[5], all_ids[4]] and newest.has_more
    older = repo.list_messages(thread.id, limit=10, descending=True, after=all_ids[3])
    assert ids(older) == [all_ids[2], all_ids[1], all_ids[0]] and not older.has_more
    between = repo.list_messages(thread.id, limit=10, after=all_ids[0], before=all_ids[3])
    assert ids(between) == all_ids[1:3]


def test_a_cursor_from_another_thread_is_invalid_input(repo: ThreadRepository) -> None:
    one, other = a_thread(repo), a_thread(repo)
    foreign = turn(repo, other)[0]
    turn(repo, one)
    with pytest.raises(InvalidInput):
        repo.list_messages(one.id, limit=10, after=foreign.id)


def test_threads_do_not_see_each_others_messages(repo: ThreadRepository) -> None:
    one, other = a_thread(repo), a_thread(repo)
    turn(repo, one)
    assert repo.list_messages(other.id, limit=10).messages == ()


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_turns_of_a_thread_run_one_at_a_time(kind: str, tmp_path: Path) -> None:
    repo: ThreadRepository = (
        InMemoryThreadRepository() if kind == "memory" else SqliteThreadRepository(tmp_path / "t.sqlite3")
    )
    thread = a_thread(repo)
    inside, overlaps = [0], []

    def one_turn() -> None:
        accepted = repo.accept_turn(question(thread), history=5)
        inside[0] += 1
        overlaps.append(inside[0])
        time.sleep(0.01)
        inside[0] -= 1
        repo.finish_turn(accepted, answer_to(accepted))

    workers = [threading.Thread(target=one_turn) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert overlaps == [1] * 6
    assert len(repo.list_messages(thread.id, limit=100).messages) == 12


def test_a_thread_held_past_the_wait_is_a_conflict(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    repo.accept_turn(question(thread), history=5)
    with pytest.raises(Conflict):
        repo.accept_turn(question(thread, "otra"), history=5)


def test_a_retry_of_an_answered_turn_gets_its_answer_and_holds_nothing(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    stored = turn(repo, thread, "hola", key="c-1")
    retried = repo.accept_turn(question(thread, "hola", key="c-1"), history=5)
    assert retried.answer == stored[1] and retried.user.id == stored[0].id
    turn(repo, thread, "sigue libre")  # no lock was taken by the retry
    assert len(repo.list_messages(thread.id, limit=10).messages) == 4


def test_a_retry_of_a_failed_turn_reuses_its_question(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    first = repo.accept_turn(question(thread, "hola", key="c-1"), history=5)
    repo.finish_turn(first, None)
    again = repo.accept_turn(question(thread, "hola", key="c-1"), history=5)
    assert again.retry and again.user.id == first.user.id and again.answer is None
    assert [m.status for m in repo.list_messages(thread.id, limit=10).messages] == ["pending"]


def test_a_key_reused_for_another_text_is_refused_and_changes_nothing(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    first = repo.accept_turn(question(thread, "hola", key="c-1"), history=5)
    repo.finish_turn(first, None)
    with pytest.raises(IdempotencyKeyReused):
        repo.accept_turn(question(thread, "otra cosa", key="c-1"), history=5)
    assert [(m.content, m.status) for m in repo.list_messages(thread.id, limit=10).messages] == [
        ("hola", "failed")
    ]
    turn(repo, thread, "libre")  # and the thread is not left held


def test_a_full_thread_refuses_new_questions(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    turn(repo, thread)
    with pytest.raises(ThreadFull):
        repo.accept_turn(question(thread, "otra"), history=5, max_messages=3)
    assert len(repo.list_messages(thread.id, limit=10).messages) == 2
    turn(repo, thread, "cabe")  # no limit given: it fits, and nothing was left held


def test_a_deleted_thread_and_its_messages_are_gone(repo: ThreadRepository) -> None:
    thread, other = a_thread(repo), a_thread(repo)
    turn(repo, thread)
    turn(repo, other)
    repo.delete_thread(thread.id)
    with pytest.raises(ThreadNotFound):
        repo.get(thread.id)
    with pytest.raises(ThreadNotFound):
        repo.delete_thread(thread.id)
    assert len(repo.list_messages(other.id, limit=10).messages) == 2


def test_a_thread_cannot_be_deleted_during_its_turn(repo: ThreadRepository) -> None:
    thread = a_thread(repo)
    accepted = repo.accept_turn(question(thread), history=5)
    with pytest.raises(Conflict):
        repo.delete_thread(thread.id)
    repo.finish_turn(accepted, answer_to(accepted))
    repo.delete_thread(thread.id)


def test_prune_deletes_only_threads_idle_since_the_cutoff(repo: ThreadRepository) -> None:
    idle, empty_old, recent, empty_new = (a_thread(repo, at) for at in (10.0, 10.0, 10.0, 500.0))
    accepted = repo.accept_turn(question(idle, at=50.0), history=5)
    repo.finish_turn(accepted, answer_to(accepted, at=60.0))
    accepted = repo.accept_turn(question(recent, at=50.0), history=5)
    repo.finish_turn(accepted, answer_to(accepted, at=300.0))

    assert sorted(repo.prune_threads(100.0)) == sorted([idle.id, empty_old.id])
    assert repo.get(recent.id) and repo.get(empty_new.id)
    with pytest.raises(ThreadNotFound):
        repo.get(idle.id)
