"""What a table's symbols mean: "s/m", "-", "N.D." as the document defines them, and its note's marks.

A report says once, in prose or in a note, "N.D. = no detectado; s/m = sin
muestra (punto sin escurrimiento); - = parámetro no analizado", and marks
values with "*", "**", "(a)" or "†" that a line under the table explains
("** Resultado referencial: la muestra llegó 52 horas después"). Each cell
carries the meaning of its symbol or mark, so that the answer says it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from botk_core.text import fold

# What the usual symbols mean when the document does not say it.
BUILTIN_MEANINGS = {
    "s/m": "sin muestra",
    "s/d": "sin dato",
    "s/i": "sin información",
    "n/m": "no medido",
    "nm": "no medido",
    "n.m.": "no medido",
    "-": "no se midió",
    "–": "no se midió",
    "—": "no se midió",
    "--": "no se midió",
    "n/a": "no aplica",
    "no aplica": "no aplica",
    "nd": "no detectado",
    "n.d.": "no detectado",
    "n/d": "no detectado",
    "<ld": "bajo el límite de detección",
}
_SYMBOL = r"\(?(?:[A-Za-z]{1,3}(?:[./][A-Za-z]{1,3})+\.?|[A-Z]{2,5}|-{1,2}|[–—<]|\*{1,3}|[a-z]|[†‡])\)?"
# "s/m = sin muestra (...)", "N.D.: no detectado", "(-) No medido", "* Supera la norma".
_DEFINITION = re.compile(
    rf"(?:^|[;\n]|\.\s|:\s)\s*(?P<symbol>{_SYMBOL})\s*(?:=|:|\s)\s*(?P<meaning>[^;\n=]{{3,160}}?)(?=\s*(?:;|\n|$|\.\s|\.$))"
)
_MARK_LINE = re.compile(r"^\s*\(?(?P<mark>\*+|†+|‡+|[a-z]|[¹²³])\)?\s*[:.)-]?\s*(?P<text>\S.*)$")
# "(*) Supera el límite. (-) No medido.": each mark starts its own line.
_MARK_START = re.compile(r"(?<=[.;])\s+(?=\(?[*†‡]|\([a-z<-]\))")
_MAX_DEFINITIONS = 40


def definitions(texts: Iterable[str]) -> dict[str, str]:
    """The symbols a document defines ("s/m" -> "sin muestra (punto sin escurrimiento ...)"), folded."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _DEFINITION.finditer(text):
            symbol = fold(match["symbol"].strip("()"))
            meaning = match["meaning"].strip(" .")
            if symbol and meaning and not any(ch.isdigit() for ch in meaning[:3]):
                found.setdefault(symbol, meaning)
            if len(found) >= _MAX_DEFINITIONS:
                return found
    return found


def meaning_of(value: str, defined: dict[str, str]) -> str:
    """What a symbol cell means: the document's own words, else the usual meaning, else ""."""
    key = fold(value.strip())
    return defined.get(key) or defined.get(key.rstrip(".")) or BUILTIN_MEANINGS.get(key, "")


def note_marks(note: str) -> dict[str, str]:
    """Each mark of a table's note and its line: {"*": "Supera el valor de la norma.", "**": "..."}."""
    marks: dict[str, str] = {}
    for line in (piece for text in note.splitlines() for piece in _MARK_START.split(text)):
        match = _MARK_LINE.match(line)
        if match is None or (match["mark"].isalpha() and not line.lstrip().startswith("(")):
            continue
        marks.setdefault(match["mark"], match["text"].strip())
    return marks


def mark_key(mark: str) -> str:
    """A cell's mark as the note writes it: "(a)" -> "a", "**" stays."""
    return mark.strip("()")
