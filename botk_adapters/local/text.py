"""Excerpts for the offline gateway: the sentences of a passage that answer a question.

Quotes are cut at sentence boundaries and never altered, so an answer only
repeats what the document says. A sentence is judged together with the line
that gives it its meaning (see ``lines``); a lead-in is quoted with its
items, and a question written in the document with the answer that follows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from botk_adapters.local.lines import (
    LABEL,
    LINE,
    context_line,
    sentences,
    siblings,
)
from botk_core.text import fold

__all__ = [
    "as_typed",
    "best_excerpt",
    "best_excerpts",
    "opening",
    "ranked_excerpts",
    "scored_excerpts",
]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LEAD_IN_ITEMS = 12
MAX_CHARS = 420
CONTEXT_WEIGHT = 0.6
# Scores a piece of text: how well it answers the question.
Scorer = Callable[[str], float]


def as_typed(text: str, originals: list[str]) -> str:
    """``text`` (folded) with each word as the user typed it in ``originals`` ("mamina" -> "Mamiña")."""
    typed: dict[str, str] = {}
    for original in originals:
        for word in _WORD.findall(original):
            typed.setdefault(fold(word), word if not word.isupper() or len(word) < 2 else word.lower())
    return _WORD.sub(lambda m: typed.get(m.group(0), m.group(0)), text)


def _short_alone(chosen: str, following: str, pieces: list[str]) -> bool:
    """A short sentence with no context line says more with the next one, unless that is its sibling."""
    return len(chosen) < 40 and len(pieces) == 1 and not siblings(chosen, following)


def opening(text: str, max_chars: int = MAX_CHARS) -> str:
    """The first sentences of ``text`` (two, or up to the end of a lead-in's list)."""
    parts = sentences(text)
    if not parts:
        return ""
    lines = LINE.split(text.strip())
    return _excerpt(parts, lines, [None] * len(parts), 0, max_chars, opening=True)


def best_excerpt(text: str, score: Scorer, max_chars: int = MAX_CHARS) -> str:
    """The sentence of ``text`` that ``score`` likes best (judged with its context), and that context."""
    found = best_excerpts(text, score, max_chars)
    return found[0] if found else ""


def best_excerpts(
    text: str, score: Scorer, max_chars: int = MAX_CHARS, ties: bool = False, whole_list: bool = True
) -> list[str]:
    """The best excerpt; with ``ties``, also the equally good ones of other contexts.

    "¿Qué significa la luz roja?" is answered by the red line of every
    component when the question does not say which one. Without
    ``whole_list``, a step of a procedure is quoted with its lead-in alone
    ("¿qué APN le pongo?" is one step, not the five).
    """
    return [excerpt for _, excerpt in scored_excerpts(text, score, max_chars, ties, whole_list)]


def ranked_excerpts(
    text: str, score: Scorer, max_chars: int = MAX_CHARS, whole_list: bool = True
) -> list[str]:
    """Every excerpt of ``text``, the best first: for when the best one does not answer on its own.

    "¿Cuánta agua toma una alpaca?" prefers the lead-in «Camélidos: 3 a 5
    litros», but only the alpaca's line quoted with its lead-in names the alpaca.
    """
    parts = sentences(text)
    lines = LINE.split(text.strip())
    contexts = [context_line(lines, line) for line, _ in parts]
    marks = _marks(parts, lines, contexts, score)
    order = sorted(range(len(parts)), key=lambda i: (-marks[i], i))
    found = (_excerpt(parts, lines, contexts, i, max_chars, whole_list=whole_list) for i in order)
    return list(dict.fromkeys(found))


def _marks(
    parts: list[tuple[int, str]], lines: list[str], contexts: list[int | None], score: Scorer
) -> list[float]:
    """Each sentence's mark, judged with the line that gives it its meaning."""

    def judged(i: int) -> float:
        context = contexts[i]
        extra = score(lines[context]) * CONTEXT_WEIGHT if context is not None else 0.0
        return score(parts[i][1]) + extra

    return [judged(i) for i in range(len(parts))]


def scored_excerpts(
    text: str, score: Scorer, max_chars: int = MAX_CHARS, ties: bool = False, whole_list: bool = True
) -> list[tuple[float, str]]:
    """``best_excerpts`` with the mark of each (its sentence judged with its context)."""
    parts = sentences(text)
    if not parts:
        return []
    lines = LINE.split(text.strip())
    contexts = [context_line(lines, line) for line, _ in parts]
    marks = _marks(parts, lines, contexts, score)
    best = max(range(len(parts)), key=lambda i: (marks[i], -i))
    chosen = [best]
    if ties:
        chosen += [
            i
            for i in range(len(parts))
            if i != best and marks[i] == marks[best] and contexts[i] != contexts[best]
        ]
    return [
        (marks[i], _excerpt(parts, lines, contexts, i, max_chars, whole_list=whole_list))
        for i in sorted(chosen)
    ]


def _excerpt(
    parts: list[tuple[int, str]],
    lines: list[str],
    contexts: list[int | None],
    index: int,
    max_chars: int,
    opening: bool = False,
    whole_list: bool = True,
) -> str:
    chosen = parts[index][1]
    context = contexts[index]
    pieces = [lines[context].strip()] if context is not None and lines[context].strip() not in chosen else []
    pieces.append(chosen)
    follow = parts[index + 1 :]
    if chosen.endswith(":") or (pieces[0].endswith(":") and len(pieces) > 1 and whole_list):
        # A lead-in ("Conviene guardar agua cuando:") is answered with its whole list.
        start = index + 1 if chosen.endswith(":") else _first_after(parts, contexts[index])
        pieces = [*pieces[:-1], chosen] if chosen.endswith(":") else pieces[:1]
        pieces += _items(parts[start : start + _LEAD_IN_ITEMS])
    elif follow and LABEL.match(chosen) and follow[0][0] == parts[index][0]:
        pieces += [s for number, s in follow if number == parts[index][0]]  # a code line whole
    elif follow and (opening or chosen.endswith("?") or _short_alone(chosen, follow[0][1], pieces)):
        pieces.append(follow[0][1])
        if follow[0][1].endswith(":"):
            pieces += _items(follow[1 : 1 + _LEAD_IN_ITEMS])
    excerpt = " ".join(p if p.endswith((".", ":", "?", "!", ";")) else p + "." for p in pieces[:-1])
    excerpt = f"{excerpt} {pieces[-1]}".strip()
    if len(excerpt) > max_chars:
        excerpt = excerpt[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return excerpt


def _items(parts: list[tuple[int, str]]) -> list[str]:
    """A lead-in's items: the sentences up to the next lead-in ("Cada mes:" ends at "Cada seis meses:")."""
    items: list[str] = []
    for _, sentence in parts:
        if sentence.endswith(":"):
            break
        items.append(sentence)
    return items


def _first_after(parts: list[tuple[int, str]], line: int | None) -> int:
    """The index of the first sentence after line ``line``."""
    return next((i for i, (number, _) in enumerate(parts) if line is not None and number > line), len(parts))
