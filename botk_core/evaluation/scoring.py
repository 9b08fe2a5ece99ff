"""Scoring one answer: the right fact, the right source, and an honest "no lo encontré".

Texts compare folded (no case, no accents) and without spaces, so "0,0140 mg/L"
holds "0,0140" and "Sobre el Límite" holds "sobre el limite". A document is
named by its file name without extensions, ignoring a sample mark such as
"EJEMPLO_".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from botk_core.domain import Citation
from botk_core.evaluation.cases import EvalTurn
from botk_core.text import fold

NOT_FOUND_WORDS = "no lo encontre"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SAMPLE_MARK = re.compile(r"^(?:ejemplo|example|sample)[\s_-]+|[\s_-]+\(?(?:ejemplo|example|sample)\)?$")


@attrs.frozen
class Score:
    """The checks of one turn; None where the turn does not ask for that check."""

    fact: bool | None = None
    source: bool | None = None
    not_found: bool | None = None
    invented: tuple[str, ...] = ()

    @property
    def right(self) -> bool:
        return all(check is not False for check in (self.fact, self.source, self.not_found))


def squeeze(text: str) -> str:
    """Folded and without whitespace, for comparing."""
    return "".join(fold(text).split())


def document_key(name: str) -> str:
    """A document's name for comparing: no folder, no extensions, no sample mark, folded."""
    base = fold(name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    base = base.split(".", 1)[0] if not base.startswith(".") else base
    return _SAMPLE_MARK.sub("", base).strip()


def numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def score_turn(turn: EvalTurn, answer: str, citations: Sequence[Citation]) -> Score:
    """Score ``answer`` (and its ``citations``) against what ``turn`` expects."""
    have = squeeze(answer)
    fact: bool | None = None
    if turn.expect or turn.expect_any:
        groups = [turn.expect] if turn.expect else []
        groups += list(turn.expect_any)
        fact = any(all(squeeze(text) in have for text in group) for group in groups)
    source = None
    if turn.documents:
        wanted = {document_key(d) for d in turn.documents}
        source = any(document_key(c.document) in wanted for c in citations)
    if not turn.not_found:
        return Score(fact, source)
    asked = set(numbers(turn.ask))
    invented = tuple(n for n in numbers(answer) if n not in asked)
    honest = NOT_FOUND_WORDS in fold(answer) and not invented and not citations
    return Score(fact, source, honest, invented)


@attrs.frozen
class Totals:
    """The figures of a whole run."""

    turns: int
    scored: int
    right: int
    fact: tuple[int, int]
    source: tuple[int, int]
    both: tuple[int, int]
    not_found: tuple[int, int]
    invented: int
    errors: int
    p50_ms: float
    p95_ms: float

    @property
    def score(self) -> float:
        return self.right / self.scored if self.scored else 0.0


def totals(scores: Sequence[tuple[Score | None, float, bool]]) -> Totals:
    """Add up ``(score, seconds, failed_with_error)`` per turn (score None: not scored)."""
    scored = [s for s, _, _ in scores if s is not None]

    def share(pick: str) -> tuple[int, int]:
        checks = [getattr(s, pick) for s in scored if getattr(s, pick) is not None]
        return (sum(1 for c in checks if c), len(checks))

    both = [s for s in scored if s.fact is not None or s.source is not None]
    latencies = sorted(seconds * 1000 for _, seconds, _ in scores)
    return Totals(
        turns=len(scores),
        scored=len(scored),
        right=sum(1 for s in scored if s.right),
        fact=share("fact"),
        source=share("source"),
        both=(sum(1 for s in both if s.right), len(both)),
        not_found=share("not_found"),
        invented=sum(len(s.invented) for s in scored),
        errors=sum(1 for _, _, failed in scores if failed),
        p50_ms=percentile(latencies, 50),
        p95_ms=percentile(latencies, 95),
    )


def percentile(ordered: Sequence[float], p: float) -> float:
    """The ``p``-th percentile of sorted values, by linear interpolation (0 when empty)."""
    if not ordered:
        return 0.0
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)
