"""Writing Spanish answers from search results: a table fact, a prose sentence, or "No lo encontré"."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from botk_adapters.local.colour_lists import write_colour_list
from botk_adapters.local.fact_answers import write_selection
from botk_adapters.local.facts import Selection, cells_of, is_cell, parameter_cells, select
from botk_adapters.local.matching import Words
from botk_adapters.local.outline_answers import write_structure
from botk_adapters.local.outline_questions import structure_asked
from botk_adapters.local.prose import write_prose
from botk_adapters.local.question import Question, asks_method, read_question, without_fuzzy_parameter
from botk_adapters.local.reply import Answer, Writer
from botk_adapters.local.symbol_answers import write_mark, write_note
from botk_adapters.local.table_cells import is_outline
from botk_adapters.local.vocabulary import PARAMETER_NAMES, parameter_display
from botk_adapters.local.wording import with_article
from botk_core.text import stem
from botk_core.tools.search import FoundPassage, SearchOutput

__all__ = ["Answer", "Writer", "answer_question", "not_found", "write_error", "write_search_answer"]

NOT_FOUND = "No lo encontré"
PROSE_POOL = 40
_ANSWERING = ("cell", "row", "column", "table", "limit")


def answer_question(
    question: Question, results: Sequence[FoundPassage], asked: str, prefer: Sequence[str] = ()
) -> Answer:
    """The answer to ``question`` from ``results``; ``asked`` is what the user typed this turn.

    ``prefer`` names the documents the conversation was just about: a follow-up
    ("¿y el teléfono?") is answered from them when they answer it.
    """
    structure = structure_asked(question)
    if structure is not None:
        # "¿En qué puntos muestrearon?": the tables' outlines; without tables nothing else answers it.
        answer = write_structure(structure, results)
        if answer is not None or structure.kind != "code":
            return answer or not_found(question, asked)
    # A table question fetches every cell of its table; its words are read in prose only from the
    # best-ranked passages, as many as a search of its own would have brought.
    pool = [r for r in results[:PROSE_POOL] if not is_outline(r.fact)]
    results = [r for r in results if not is_outline(r.fact)]
    if question.parameter_fuzzy and not _mentions_parameter(question.parameter or "", results):
        question = without_fuzzy_parameter(question)  # "la placa solar" is not "plata" in these documents
    cells = cells_of(results)
    # A question that names no known parameter may ask for any table's cell ("¿cuántos fusibles hay?").
    # A measurement answers a question without a known parameter only when it names the cell's parameter
    # ("temperatura del agua" is not the manganese of that point); a parts list's row answers by its label.
    passages = [r for r in pool if r.fact is None or not is_cell(r.fact) or _may_answer(question, r)]
    marked = write_mark(question, cells) or write_colour_list(question, passages)
    if marked is not None:
        return marked
    if question.tabular and (
        question.why or (question.explains and question.followup and not asks_method(question))
    ):
        # "¿por qué tiene asterisco?": the note under the table, on the cells the question names.
        noted = write_note(question, select(question, cells))
        if noted is not None:
            return noted
    if question.explains:
        # "¿Cómo midieron el fluoruro?" asks for the method, not for the figures.
        explained = write_prose(question, passages, prefer)
        if explained is not None:
            return explained
    selections = select(question, cells)
    good = [s for s in selections if s.shape in _ANSWERING]
    if good:
        parts = [write_selection(question, s) for s in good]
        return Answer("\n\n".join(p.text for p in parts), tuple(c for p in parts for c in p.citations))
    prose = None if question.explains else write_prose(question, passages, prefer)
    if prose is None and selections and selections[0].shape == "no_parameter":
        prose = write_prose(_as_prose(question), pool, prefer)
    if prose is not None:
        return prose
    return not_found(question, asked, selections[0] if selections else None)


def _may_answer(question: Question, found: FoundPassage) -> bool:
    """Whether a table cell may answer ``question`` as prose: a measurement only if its parameter is asked."""
    fact = found.fact
    if question.tabular or fact is None:
        return False
    measured = bool(fact.unit) or fact.limit is not None
    return not measured or bool(parameter_cells(question, cells_of([found])))


def _as_prose(question: Question) -> Question:
    """A question naming a parameter no table has ("el tanque del cloro"), read as one for the prose.

    The parameter's word, as the user wrote it, is one the answer cannot do without.
    """
    span = question.parameter_span
    typed = tuple(question.text[span[0] : span[1]].split()) if span else ()
    return attrs.evolve(question, parameter=None, parameter_span=None, fresh=(*question.fresh, *typed))


def _mentions_parameter(canonical: str, results: Sequence[FoundPassage]) -> bool:
    """Whether a result names the parameter (by any of its names), as a word of its own."""
    names = [n for n, c in PARAMETER_NAMES.items() if c == canonical]
    for found in results:
        fact = found.fact
        have = Words.of(f"{found.text} {fact.parameter} {fact.caption}" if fact else found.text)
        if any(all(stem(w) in have.stems for w in name.split()) for name in names):
            return True
    return False


def write_search_answer(output: Mapping[str, Any], question: str) -> Answer:
    """A Writer for ``search_documents`` outputs, reading the question on its own."""
    return answer_question(read_question(question), SearchOutput.from_json(output).results, question)


def not_found(question: Question, asked: str, selection: Selection | None = None) -> Answer:
    """«No lo encontré», naming what was looked for, with no figure the user did not write."""
    shape = selection.shape if selection else None
    if question.explains:
        shape = None  # "¿con qué método ...?" looked for a method, not for a sampling point
    name = parameter_display(question.parameter) if question.parameter else ""
    place = _place(question)
    when = describe_campaign(question, asked)
    if shape == "no_place" and name:
        text = f"hay datos de {name} en los documentos, pero de ningún punto de muestreo llamado «{place}»"
    elif shape == "no_campaign" and name:
        where = f" en {place}" if place else ""
        text = f"hay datos de {name}{where}, pero no {_of(when)}"
    elif shape == "no_parameter" and name:
        text = f"busqué datos de {name} en las tablas de los documentos y no aparecen"
    else:
        text = f"busqué «{without_foreign_numbers(_topic(question), asked)}» en los documentos y no aparece"
    advice = "Prueba con otras palabras, o agrega el documento que corresponda a la carpeta de documentos."
    return Answer(f"{NOT_FOUND}: {text}. {advice}", (), found=False)


def write_error(tool: str, output: Mapping[str, Any]) -> Answer:
    """The tool's error as the user reads it, never with the tool's name.

    A message that is already a sentence (capitalised) is said as it is.
    """
    message = str(output["error"]).strip()
    if message[:1].isupper():
        return Answer(message, found=False)
    return Answer(f"No pude completar la consulta: {message}", found=False)


def describe_campaign(question: Question, asked: str) -> str:
    """The campaign in words; its year only when the user wrote it this turn (or it is on record)."""
    campaign = question.campaign
    if campaign is None:
        return ""
    return campaign.describe(with_year=bool(campaign.year) and str(campaign.year) in asked)


def summary(question: Question, asked: str, found: bool = True) -> str:
    """What the assistant understood, in a few words ("plomo en Miraflores en agosto de 2022")."""
    if not question.tabular:
        text = question.text.strip(" ¿?")
        return f"«{text if found else without_foreign_numbers(text, asked)}»"
    if asks_method(question):
        return f"el método con que midieron {with_article(parameter_display(question.parameter or ''))}"
    when = question.campaign.describe() if question.campaign and found else describe_campaign(question, asked)
    other = f"el otro {question.other_kind}" if question.other_kind else "el otro punto de muestreo"
    place = other if question.other_place else _place(question)
    parts = [with_article(parameter_display(question.parameter or ""))]
    parts += [f"en {place}"] if place else [f"en el punto {question.point}"] if question.point else []
    parts += [f"en {when}"] if when else []
    text = " ".join(parts)
    if question.intent == "over":
        return f"si {text} está sobre el límite"
    if question.intent == "within":
        return f"si {text} cumple el límite"
    if question.intent == "limit":
        return f"el límite del {text[3:]}" if text.startswith("el ") else f"el límite de {text}"
    return text


def without_foreign_numbers(text: str, asked: str) -> str:
    """``text`` without the numbers that ``asked`` does not contain."""
    kept = [w for w in text.split() if not any(ch.isdigit() for ch in w) or w.strip("¿?.,") in asked]
    return " ".join(kept)


def _place(question: Question) -> str:
    return " ".join(w.capitalize() for w in question.place)


def _topic(question: Question) -> str:
    return question.text.strip(" ¿?!.")


def _of(when: str) -> str:
    return f"de {when}" if when else "de esa fecha"
