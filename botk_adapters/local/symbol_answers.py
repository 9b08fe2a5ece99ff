"""What a table's mark means: «¿qué significa el doble asterisco en la tabla de arsénico?».

The reader keeps, on each cell, what the note under its table says of the
cell's mark (``TableFact.meaning``); a question that names a mark and a
table's parameter is answered by that note, never by the figures.
"""

from __future__ import annotations

import re

from botk_adapters.local.facts import Cell, parameter_cells
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, source_line
from botk_adapters.local.vocabulary import parameter_display
from botk_adapters.local.wording import fact_marks

# The mark a question names, most specific first ("doble asterisco" before "asterisco").
_MARKS = (
    ("**", re.compile(r"\b(?:doble asterisco|asterisco doble|dos asteriscos|doble estrell(?:a|ita))\b|\*\*")),
    ("*", re.compile(r"\b(?:asteriscos?|estrell(?:a|ita)s?)\b|\*")),
    ("-", re.compile(r"\b(?:guion|guiones|rayas?|rayitas?)\b")),
    ("<", re.compile(r"\b(?:signo (?:de )?menor|menor que)\b|<")),
)
_MEANS = re.compile(r"\b(?:significa|significan|quiere decir|quieren decir|indica|indican|es eso|que es)\b")
# What a cell's kind says when the note under its table does not.
_KIND_MEANING = {"not_measured": "no se midió", "below_detection": "valor bajo el límite de detección"}


def asked_mark(question: Question) -> str | None:
    """The mark a table question asks the meaning of, or None."""
    if not question.tabular or not _MEANS.search(question.text):
        return None
    return next((mark for mark, pattern in _MARKS if pattern.search(question.text)), None)


def write_mark(question: Question, cells: list[Cell]) -> Answer | None:
    """The note on the asked mark, from the first cell of the parameter's table that bears it."""
    mark = asked_mark(question)
    if mark is None:
        return None
    for cell in parameter_cells(question, cells):
        meaning = _meaning(cell, mark)
        if meaning:
            table = cell.fact.table or cell.fact.caption
            name = parameter_display(question.parameter or "") or cell.fact.parameter
            text = f"En la {table} ({name}), «{mark}» significa: {meaning}"
            location = f"{table} · nota"
            return Answer(
                f"{text}\n{source_line(cell.found, location)}", (citation(cell.found, location, text),)
            )
    return None


def _meaning(cell: Cell, mark: str) -> str:
    fact = cell.fact
    if (mark, fact.kind) in (("-", "not_measured"), ("<", "below_detection")):
        return fact.meaning.strip() or _KIND_MEANING[fact.kind]
    return fact.meaning.strip() if fact_marks(fact) == mark else ""
