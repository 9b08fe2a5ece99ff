"""A piece of the offline assistant's answer and the sources it quotes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from botk_core.domain import Citation


@attrs.frozen
class Answer:
    """A piece of the final answer and the sources it quotes.

    ``found`` is False for an answer that says it found nothing, so that a
    better reading of the question can take its place.
    """

    text: str
    citations: tuple[Citation, ...] = ()
    found: bool = True


# A writer gets the tool's parsed output and the user's question.
Writer = Callable[[Mapping[str, Any], str], Answer]
