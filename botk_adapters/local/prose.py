"""Answers from prose passages and key/value rows: the sentence that answers, with its section.

Otherwise nothing is quoted: a passage that only shares the topic would put
its figures in the user's hands as if they answered (see ``need``).
"""

from __future__ import annotations

from collections.abc import Sequence

from botk_adapters.local.need import Need, Words, holds_hinges, need_of, satisfied, score
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, fact_location, source_line
from botk_adapters.local.text import best_excerpt
from botk_core.tools.search import FoundPassage

_QUESTION_PENALTY = 1.5


def write_prose(question: Question, results: Sequence[FoundPassage]) -> Answer | None:
    """The answer from the best passage (or key/value cell) that answers, else None."""
    need = need_of(question)
    ranked = []
    for rank, found in enumerate(results):
        have = _words_of(found)
        if satisfied(need, have):
            ranked.append((score(need, have), -rank, found))
    for _score, _rank, found in sorted(ranked, key=lambda r: (r[0], r[1]), reverse=True):
        answer = _answer_from(need, found)
        if answer is not None:
            return answer
    return None


def _words_of(found: FoundPassage) -> Words:
    fact = found.fact
    labels = " ".join((*fact.row, *fact.column, fact.value, fact.caption)) if fact else ""
    return Words.of(f"{found.text} {found.location} {labels}")


def _answer_from(need: Need, found: FoundPassage) -> Answer | None:
    fact = found.fact
    if fact is not None:
        label = " · ".join(p for p in (" ".join(fact.row), " ".join(fact.column)) if p) or fact.table
        location = fact_location(fact)
        text = f"{label}: {fact.value.strip()}."
        return Answer(f"{text}\n{source_line(found, location)}", (citation(found, location, text),))
    excerpt = best_excerpt(found.text, lambda sentence: _sentence_score(need, sentence))
    if not holds_hinges(need, Words.of(f"{excerpt} {found.location}")):
        return None
    return Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))


def _sentence_score(need: Need, sentence: str) -> float:
    penalty = _QUESTION_PENALTY if sentence.rstrip().endswith("?") else 0.0
    return score(need, Words.of(sentence)) - penalty  # the document's own question: its answer follows
