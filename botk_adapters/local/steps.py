"""A procedure's numbered steps: «¿cómo reseteo el gateway?» is answered by all of them, in order."""

from __future__ import annotations

import re

_STEP = re.compile(r"^\s*\d{1,2}[.)]\s+\S")
MIN_STEPS = 2


def step_lines(text: str) -> list[str]:
    """The numbered lines of ``text`` ("1. Desconecte ...", "2) Espere ..."), in order."""
    return [line.strip() for line in text.splitlines() if _STEP.match(line)]


def has_steps(text: str) -> bool:
    """Whether ``text`` holds a procedure: at least two numbered steps."""
    return len(step_lines(text)) >= MIN_STEPS


def steps_excerpt(text: str, max_chars: int) -> str:
    """The procedure of ``text``: the line that introduces it (if any) and its steps, up to ``max_chars``."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if _STEP.match(line))
    lead = [lines[first - 1]] if first > 0 and lines[first - 1].endswith(":") else []
    kept: list[str] = []
    for line in [*lead, *step_lines(text)]:
        if kept and len(" ".join([*kept, line])) > max_chars:
            break
        kept.append(line)
    return "\n".join(kept)
