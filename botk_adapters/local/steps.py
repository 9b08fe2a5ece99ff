"""A procedure's numbered steps: «¿cómo reseteo el gateway?» is answered by all of them, in order."""

from __future__ import annotations

import re
from collections.abc import Callable

_STEP = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")
MIN_STEPS = 2
# A procedure's title ("Procedimiento A: reinicio del gateway") is short and ends without a full stop.
_TITLE_MAX = 90


def step_lines(text: str) -> list[str]:
    """The numbered lines of ``text`` ("1. Desconecte ...", "2) Espere ..."), in order."""
    return [line.strip() for line in text.splitlines() if _STEP.match(line)]


def has_steps(text: str) -> bool:
    """Whether ``text`` holds a procedure: at least two numbered steps."""
    return len(step_lines(text)) >= MIN_STEPS


def procedures(text: str) -> list[list[str]]:
    """The procedures of ``text``, each its introducing line (if any) and its steps.

    A passage may hold several («Procedimiento A: ...», «Procedimiento B: ...»):
    a step numbered again from the start begins the next one.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found: list[list[str]] = []
    last = 0
    for index, line in enumerate(lines):
        step = _STEP.match(line)
        if step is None:
            continue
        if not found or int(step.group(1)) <= last:
            lead = lines[index - 1] if index > 0 and not _STEP.match(lines[index - 1]) else ""
            found.append([lead] if lead and _introduces(lead) else [])
        found[-1].append(line)
        last = int(step.group(1))
    return [block for block in found if len([s for s in block if _STEP.match(s)]) >= MIN_STEPS]


def steps_excerpt(text: str, max_chars: int, score: Callable[[str], float] | None = None) -> str:
    """The procedure of ``text`` that ``score`` likes best (the first without one), up to ``max_chars``."""
    blocks = procedures(text) or [step_lines(text)]
    best = max(blocks, key=lambda b: score("\n".join(b)) if score else 0.0)
    kept: list[str] = []
    for line in best:
        if kept and len(" ".join([*kept, line])) > max_chars:
            break
        kept.append(line)
    return "\n".join(kept)


def _introduces(line: str) -> bool:
    """Whether the line before the first step introduces the procedure: a lead-in or its title.

    The title names what the steps do («reinicio del gateway»), which is what the user asked.
    """
    return line.endswith(":") or (len(line) <= _TITLE_MAX and not line.endswith((".", "?", "!")))
