"""What a question tells rather than asks: a span of time it mentions, the ask a follow-up left."""

from __future__ import annotations

import re

from botk_adapters.local.kinds import Kind, kind_of
from botk_adapters.local.question import Question, words_of

_SPAN_TOLD = re.compile(
    r"\b(?:un|una|dos|tres|cuatro|cinco|media|medio|\d+)\s+(segundos?|minutos?|horas?|dias?|semanas?|meses?)\b"
)


def spans_told(text: str, kind: Kind | None) -> tuple[str, ...]:
    """A span of time the user tells («lleva una hora en rojo»): a condition, not the thing asked.

    The document gives its own threshold («más de 30 minutos»), so the unit need not be there.
    """
    if kind is not None and kind.name in ("duracion", "frecuencia"):
        return ()
    return tuple(found.group(1) for found in _SPAN_TOLD.finditer(text))


def stale_ask(question: Question) -> tuple[str, ...]:
    """Of a follow-up that asks anew, the words of the earlier ask: they no longer say what is asked."""
    before = kind_of(question.text) if question.ask else None
    if before is None or before is kind_of(question.ask):
        return ()
    return tuple(before.words - set(words_of(question.ask)))
