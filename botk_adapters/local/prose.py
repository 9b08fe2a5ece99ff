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
from botk_adapters.local.text import best_excerpts
from botk_core.tools.search import FoundPassage

_QUESTION_PENALTY = 1.5
# A colour that several components use: each one's meaning, when the question names none.
MAX_TIES = 3


def write_prose(question: Question, results: Sequence[FoundPassage]) -> Answer | None:
    """The answer from the best passage (or key/value cell) that answers, else None."""
    need = need_of(question)
    ranked = []
    for rank, found in enumerate(results):
        have = _words_of(found)
        if satisfied(need, have):
            ranked.append((score(need, have), -rank, found))
    answers: list[Answer] = []
    top = 0.0
    for mark, _rank, found in sorted(ranked, key=lambda r: (r[0], r[1]), reverse=True):
        if answers and (need.colour is None or mark < top or len(answers) == MAX_TIES):
            break
        answer = _answer_from(need, found)
        if answer is not None:
            answers.append(answer)
            top = top or mark
    if not answers:
        return None
    return Answer("\n\n".join(a.text for a in answers), tuple(c for a in answers for c in a.citations))


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
    excerpts = best_excerpts(found.text, lambda s: _sentence_score(need, s), ties=need.colour is not None)
    kept = [e for e in excerpts if holds_hinges(need, Words.of(f"{e} {found.location}"))]
    if not kept:
        return None
    excerpt = "\n".join(kept)
    return Answer(f"{excerpt}\n{source_line(found)}", (citation(found, quote=excerpt),))


def _sentence_score(need: Need, sentence: str) -> float:
    penalty = _QUESTION_PENALTY if sentence.rstrip().endswith("?") else 0.0
    return score(need, Words.of(sentence)) - penalty  # the document's own question: its answer follows
