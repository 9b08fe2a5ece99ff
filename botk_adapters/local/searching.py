"""The ``search_documents`` arguments for a question: its words, and enough passages for a list."""

from __future__ import annotations

from typing import Any

from botk_adapters.local.kinds import kind_of
from botk_adapters.local.question import Question
from botk_adapters.local.related import DEED_PHRASES, DEEDS
from botk_adapters.local.units import searched_units
from botk_adapters.local.vocabulary import parameter_display

MAX_QUERY_CHARS = 500
CELL_K = 10
LIST_K = 40
PROSE_K = 8


def search_arguments(question: Question, asked: str) -> dict[str, Any]:
    """The query (the completed question for a follow-up) and how many passages it needs."""
    query = question.text if question.followup else asked.strip()
    if question.excluded:
        query = f"{query} {' '.join(question.excluded)}"  # "el otro punto" of the same locality
    if question.parameter and question.parameter not in query:
        query = f"{query} {parameter_display(question.parameter)}"  # "fierro" also finds "hierro"
    kind = None if question.tabular else kind_of(question.asking)
    if kind and kind.label not in query:
        query = f"{query} {kind.label}"  # "¿cuándo se emitió?" also finds "Fecha de emisión: ..."
    if not question.tabular:
        # "¿quién analizó?" also finds «Análisis químico: ...»; "cuántos kilos" finds "1,5 kg".
        steps = [" ".join(sorted(DEEDS[t.word])) for t in question.tokens if t.word in DEEDS]
        steps += [nouns for phrase, nouns in DEED_PHRASES if phrase.search(question.text)]
        # A key/value row that names someone's role says so («Muestreado por: ... (responsable)»).
        steps += ["responsable"] if any(t.word in ("quien", "quienes") for t in question.tokens) else []
        query = " ".join([query, *dict.fromkeys(steps), *searched_units(question.text)])
    return {"query": query[:MAX_QUERY_CHARS], "k": _k(question)}


def _k(question: Question) -> int:
    if not question.tabular:
        return PROSE_K
    # "la tercera campaña" is known only among all the campaigns of the row.
    complete = (question.place or question.other_place) and question.campaign and not question.campaign.nth
    if complete and question.intent not in ("row", "column") and not question.other_place:
        return CELL_K
    return LIST_K
