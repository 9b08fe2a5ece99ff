"""What a table's mark means: «¿qué significa el doble asterisco en la tabla de arsénico?».

The reader keeps, on each cell, what the note under its table says of the
cell's mark (``TableFact.meaning``); a question that names a mark and a
table's parameter is answered by that note, never by the figures. So is a
why-question about values («¿por qué tiene asterisco?», «¿por qué no hay dato?»).
"""

from __future__ import annotations

import re

from botk_adapters.local.facts import Cell, Selection, parameter_cells
from botk_adapters.local.question import Question
from botk_adapters.local.reply import Answer
from botk_adapters.local.sources import citation, fact_location, source_line
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


# A question that names no parameter asks about the report's marks when it speaks of the report.
_REPORT = re.compile(r"\b(?:tablas?|informe|resultados?|valor(?:es)?|analisis|laboratorio|muestras?)\b")
# What a cell with the mark says of itself, for finding one: "0,1400* (sobre el límite)".
_SEARCHED = {"*": "sobre el límite nota", "**": "nota", "-": "no medido nota", "<": "bajo detección nota"}


def asked_mark(question: Question) -> str | None:
    """The mark a question about the lab tables asks the meaning of, or None."""
    if not _MEANS.search(question.text) or not (question.tabular or _REPORT.search(question.text)):
        return None
    return next((mark for mark, pattern in _MARKS if pattern.search(question.text)), None)


def mark_search(question: Question) -> str:
    """Words that find cells bearing the mark a question without a parameter asks about."""
    mark = None if question.tabular else asked_mark(question)
    return _SEARCHED[mark] if mark else ""


def write_mark(question: Question, cells: list[Cell]) -> Answer | None:
    """The note on the asked mark, from the first cell of the parameter's table that bears it."""
    mark = asked_mark(question)
    if mark is None:
        return None
    for cell in parameter_cells(question, cells) if question.tabular else cells:
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


_ANSWERING = ("cell", "row", "column", "table")


def write_note(question: Question, selections: list[Selection]) -> Answer | None:
    """Why the asked values are what they are: the note on their mark (or symbol), if the table has one."""
    chosen = next((s for s in selections if s.shape in _ANSWERING), None)
    if chosen is None:
        return None
    noted = [c for c in chosen.cells if _explained(c)]
    if not noted:
        return None
    first = noted[0]
    fact = first.fact
    same = [c for c in noted if _symbol(c) == _symbol(first) and c.fact.meaning == fact.meaning]
    values = _joined([c.fact.value.strip() for c in same])
    what = "el valor" if len(same) == 1 else "los valores"
    text = f"La tabla marca {what} {values} con «{_symbol(first)}»: {fact.meaning.strip()}"
    if fact.kind == "not_measured":
        data = "ese dato" if len(same) == 1 else "esos datos"
        text = f"La tabla no trae {data} («{_symbol(first)}»): {fact.meaning.strip()}"
    location = f"{fact_location(fact, 'row column' if len(same) == 1 else '')} · nota"
    return Answer(f"{text}\n{source_line(first.found, location)}", (citation(first.found, location, text),))


def _explained(cell: Cell) -> bool:
    return bool(cell.fact.meaning.strip()) and (
        bool(fact_marks(cell.fact)) or cell.fact.kind == "not_measured"
    )


def _symbol(cell: Cell) -> str:
    return fact_marks(cell.fact) or cell.fact.value.strip()


def _joined(values: list[str]) -> str:
    shown = list(dict.fromkeys(values))
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} y {shown[-1]}"
