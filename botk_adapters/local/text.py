"""Excerpts for the offline gateway: the sentences of a passage that answer a question.

Quotes are cut at sentence boundaries and never altered, so an answer only
repeats what the document says. A list item or a colour line comes with the
line that gives it its meaning (its lead-in, its component), and a question
written in the document comes with the answer that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LINE = re.compile(r"\n+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LABEL_LINE = re.compile(r"^[-•*]?\s*[\w ]{1,25}:\s")
SHORT_LINE = 90
MAX_CHARS = 420

# Scores a sentence: how well it answers the question.
Scorer = Callable[[str], float]


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` with the number of the line each one is on."""
    found = []
    for number, line in enumerate(_LINE.split(text)):
        for sentence in _SENTENCE_END.split(line.strip()):
            if sentence.strip():
                found.append((number, sentence.strip()))
    return found


def best_excerpt(text: str, score: Scorer, max_chars: int = MAX_CHARS) -> str:
    """The sentence of ``text`` that ``score`` likes best, with the context it needs."""
    parts = sentences(text)
    if not parts:
        return ""
    index = max(range(len(parts)), key=lambda i: (score(parts[i][1]), -i))
    line, chosen = parts[index]
    pieces = [chosen]
    lines = _LINE.split(text.strip())
    led = False
    if line > 0 and _needs_lead_in(lines[line]):
        lead = lines[0].strip()
        if lead and lead not in pieces[0]:
            pieces.insert(0, lead)
            led = True
    follow = parts[index + 1 :]
    if follow and (chosen.endswith((":", "?")) or (len(chosen) < 40 and not led)):
        pieces.append(follow[0][1])
    excerpt = " ".join(p if p.endswith((".", ":", "?", "!", ";")) else p + "." for p in pieces[:-1])
    excerpt = f"{excerpt} {pieces[-1]}".strip()
    if len(excerpt) > max_chars:
        excerpt = excerpt[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return excerpt


def _needs_lead_in(line: str) -> bool:
    """A list item, a short line or a "Rojo: ..." line means little without the passage's first line."""
    stripped = line.strip()
    return (
        stripped.startswith(("-", "•", "*"))
        or len(stripped) < SHORT_LINE
        or bool(_LABEL_LINE.match(stripped))
    )
