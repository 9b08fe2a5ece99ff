"""Spans of a question a follow-up edits: its subject word, and the words that open or ask."""

from __future__ import annotations

from botk_adapters.local.question import Question, Span

_INTERROGATIVES_TEXT = """
    que quien quienes cual cuales como donde cuando cuanto cuanta cuantos cuantas porque
"""
INTERROGATIVES = frozenset(_INTERROGATIVES_TEXT.split())
ARTICLES = ("el ", "la ", "los ", "las ", "un ", "una ", "unos ", "unas ")
ARTICLE_WORDS = frozenset(a.strip() for a in ARTICLES)

# A span of the earlier question and the words that replace it; no span: words appended.
Edit = tuple[Span | None, str]


def subject_span(question: Question) -> Span | None:
    """Where the question's main subject word is, with its article.

    A question with a question word names its subject last ("cuánta agua
    necesita la papa"); a bare phrase names it first ("clave del wifi del gateway").
    """
    tokens = question.tokens
    asks = bool(tokens) and tokens[0].word in INTERROGATIVES
    order = range(len(tokens) - 1, -1, -1) if asks else range(len(tokens))
    for index in order:
        if tokens[index].word in question.subject:
            start = tokens[index].start
            if index and tokens[index - 1].word in ARTICLE_WORDS:
                start = tokens[index - 1].start
            return (start, tokens[index].end)
    return None
