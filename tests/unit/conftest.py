"""Fixtures for the core's unit tests."""

import pytest

from tests.unit.builder import Core, build_core


@pytest.fixture
def core() -> Core:
    return build_core()
