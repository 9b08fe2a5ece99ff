"""What of the thread the offline assistant reads: the end of a long message, the latest turns.

The offline assistant reads a question, not a pasted essay: it analyses the end of a long
message (in chat the ask comes last) and only the latest user turns, so the cost of a turn
stays bounded whatever the thread holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from botk_adapters.local.tokens import Token
from botk_adapters.local.vocabulary import CHAT_WORDS
from botk_core.model import ChatItem, ModelRequest

ANALYSED_CHARACTERS = 600
EARLIER_TURNS = 8

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def earlier_user_texts(request: ModelRequest) -> list[str]:
    """The user's latest earlier turns in the history window, oldest first (this turn left out)."""
    texts = [item.text for item in request.items if isinstance(item, ChatItem) and item.role == "user"]
    return [analysed(text) for text in texts[:-1][-EARLIER_TURNS:]]


def analysed(text: str) -> str:
    """The part of a user message the offline assistant reads: all of it, or its last sentences."""
    if len(text) <= ANALYSED_CHARACTERS:
        return text
    read = ""
    for sentence in reversed(_SENTENCE_END.split(text)):
        if len(read) + len(sentence) + 1 > ANALYSED_CHARACTERS:
            break
        read = f"{sentence} {read}" if read else sentence
    if read.strip():
        return read
    tail = text[-ANALYSED_CHARACTERS:]
    # Start at a word boundary so the first word read is not a fragment.
    space = tail.find(" ")
    return tail[space + 1 :] if 0 <= space < len(tail) // 2 else tail


def said_words(tokens: Sequence[Token]) -> tuple[str, ...]:
    """A turn's words without chat («pásame», «por favor»): they are no part of what it is about."""
    words = [t.word for t in tokens]
    return tuple(w for i, w in enumerate(words) if w not in CHAT_WORDS and words[i + 1 : i + 2] != ["favor"])
