"""What the chat gateway learns about servers: kept per server and model, safe across threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from botk_adapters.openai import CapabilityBook, ServerCapabilities
from botk_adapters.openai.chat_capabilities import ServerKey
from tests.adapters.fake_openai import FakeOpenAI, Refusals
from tests.adapters.test_openai_chat_ladder import NO_TOOLS, QUESTION, ask, gateway, manual, request, shape


def test_what_one_server_refused_is_not_assumed_of_another(fake: FakeOpenAI) -> None:
    book = CapabilityBook()
    fake.refuses.tools = NO_TOOLS
    with FakeOpenAI() as other:
        ask(gateway(fake, book=book), request(QUESTION))
        ask(gateway(other, book=book), request(QUESTION))
        ask(gateway(fake, book=book), request(QUESTION))  # another gateway on the first server

        assert "tools" in other.bodies("/v1/chat/completions")[0]
    assert [shape(b)[0] for b in fake.bodies("/v1/chat/completions")] == [True, False, False]


def test_concurrent_turns_learn_each_refusal_and_later_turns_cost_one_request(fake: FakeOpenAI) -> None:
    fake.refuses = Refusals(tools=NO_TOOLS, stream_options=True)
    gw = gateway(fake, documents=manual(1))

    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(lambda _: ask(gw, request(QUESTION)), range(8)))

    assert all(r.text and r.citations for r in replies)
    assert gw.capabilities == ServerCapabilities(tools=False, stream_usage=False)
    before = len(fake.requests)
    ask(gw, request(QUESTION))
    assert len(fake.requests) == before + 1


def test_two_learners_at_once_keep_both_lessons() -> None:
    book, key = CapabilityBook(), ServerKey("http://127.0.0.1:1/v1", "m")
    reading, release = threading.Event(), threading.Event()

    def slow_without_tools(known: ServerCapabilities) -> ServerCapabilities:
        reading.set()
        release.wait(5)
        return known.without_tools()

    slow = threading.Thread(target=book.learn, args=(key, slow_without_tools))
    slow.start()
    reading.wait(5)
    quick = threading.Thread(target=book.learn, args=(key, ServerCapabilities.without_stream_usage))
    quick.start()
    time.sleep(0.05)  # unguarded, the quick learner would finish here and be overwritten
    release.set()
    slow.join(5)
    quick.join(5)

    assert book.get(key) == ServerCapabilities(tools=False, stream_usage=False)
