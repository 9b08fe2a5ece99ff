"""Fixtures shared by the adapter tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.adapters.fake_openai import FakeOpenAI


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    """A fake OpenAI server on 127.0.0.1 that records every request."""
    with FakeOpenAI() as server:
        yield server
