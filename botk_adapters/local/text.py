"""Excerpts for the offline gateway: the sentences of a passage that answer a question."""

from __future__ import annotations

import re

from botk_core.text import keywords

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def best_excerpt(text: str, query: str, max_chars: int = 420) -> str:
    """The run of sentences of ``text`` that best covers ``query``'s words.

    Quotes are cut at sentence boundaries and never altered, so the answer
    only repeats what the document says.
    """
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    if not sentences:
        return ""
    terms = {t[:5] for t in keywords(query)}

    def hits(sentence: str) -> int:
        return sum(1 for w in keywords(sentence) if w[:5] in terms)

    start = max(range(len(sentences)), key=lambda i: hits(sentences[i]))
    excerpt = sentences[start]
    for sentence in sentences[start + 1 :]:
        if len(excerpt) + len(sentence) + 1 > max_chars:
            break
        excerpt += " " + sentence
    if len(excerpt) > max_chars:
        excerpt = excerpt[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return excerpt
