"""GetThreadUsage sums the tokens of a thread's answers."""

from __future__ import annotations

import pytest

from botk_core.domain import Usage
from botk_core.errors import ThreadNotFound
from botk_core.model import ModelReply
from botk_core.usecases import SendMessageInput
from botk_core.usecases.usage import GetThreadUsage
from tests.unit.builder import Core


def test_usage_adds_up_every_answered_turn(core: Core) -> None:
    thread_id = core.new_thread()
    core.gateway.add(
        ModelReply(text="uno", usage=Usage(10, 3, 2)), ModelReply(text="dos", usage=Usage(7, 4, 0))
    )
    core.send.execute(SendMessageInput(thread_id, "a"))
    core.send.execute(SendMessageInput(thread_id, "b"))

    found = GetThreadUsage(core.threads).execute(thread_id)

    assert (found.turns, found.usage) == (2, Usage(17, 7, 2))
    assert found.usage.total_tokens == 24


def test_usage_of_an_unknown_thread_is_not_found(core: Core) -> None:
    with pytest.raises(ThreadNotFound):
        GetThreadUsage(core.threads).execute("thread_" + "a" * 32)
