"""The ``search_documents`` arguments for a question: its words, and enough passages for a list."""

from __future__ import annotations

import re
from typing import Any

from botk_adapters.local.kinds import kind_of
from botk_adapters.local.outline_questions import structure_asked
from botk_adapters.local.question import Question
from botk_adapters.local.related import DEED_PHRASES, DEEDS
from botk_adapters.local.symbol_answers import mark_search
from botk_adapters.local.units import searched_units
from botk_adapters.local.vocabulary import parameter_display
from botk_core.domain import TABLE_OUTLINE
from botk_core.phrasing import MONTHS, normalise_dates

MAX_QUERY_CHARS = 500
_DATE_WORDS = re.compile(rf"\b(?:{'|'.join(MONTHS)}|(?:19|20)\d\d)\b")
LIST_K = 90
PROSE_K = 8


def search_arguments(question: Question, asked: str) -> dict[str, Any]:
    """The query (the completed question for a follow-up) and how many passages it needs."""
    query = question.text if question.followup else asked.strip()
    structure = structure_asked(question)
    if structure is not None:
        # "¿En qué puntos muestrearon?" is answered by every table's outline, which these words find;
        # "¿cuál es el código de la escuela?" keeps its words, for a code that is not a point's.
        words = f"{TABLE_OUTLINE} {query}" if structure.kind == "code" else TABLE_OUTLINE
        return {"query": words[:MAX_QUERY_CHARS], "k": LIST_K}
    if question.campaign and question.campaign.before:
        # "la campaña siguiente a octubre de 2023" needs the row's other campaigns: the anchor's
        # month and year would rank every table's October cells above them.
        query = _DATE_WORDS.sub(" ", normalise_dates(query))
    if question.excluded:
        query = f"{query} {' '.join(question.excluded)}"  # "el otro punto" of the same locality
    # "el 2do tramo" is "Tramo 2" in the documents: the number must reach the search.
    counted = [f"{noun} {number}" for noun, number in question.numbered if f"{noun} {number}" not in query]
    query = " ".join([query, *counted])
    if marked := mark_search(question):
        query = f"{query} {marked}"  # «¿qué significa el asterisco en las tablas?» finds a marked cell
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
    # A table question needs all the cells of its parameter that the search ranks alike: the row a
    # place names is known only among the table's rows ("el estanke" is the row "Estanque"), and
    # "la tercera campaña" only among all the campaigns of the row.
    return LIST_K if question.tabular else PROSE_K
