"""The words a search result is judged by: its text, heading and, for a table cell, its labels and value.

A key/value row ("Teléfono: +56 ...") is judged with the words of the
other passages of its document in the results and the document's name, so
that "fono del laboratorio" finds the lab report's row.
"""

from __future__ import annotations

from collections.abc import Sequence

from botk_adapters.local.matching import Words
from botk_core.tools.search import FoundPassage


def own_text(found: FoundPassage) -> str:
    """A passage's own text (a table cell's with its labels and value), without its heading."""
    fact = found.fact
    return f"{found.text} {' '.join(fact.row)} {fact.value} {' '.join(fact.column)}" if fact else found.text


def passage_words(found: FoundPassage) -> Words:
    """Every word a result is judged by: its text, its location and a cell's labels, value and caption."""
    fact = found.fact
    # The value before its column's header reads as a quantity: "20 Litros por día".
    labels = " ".join((*fact.row, fact.value, *fact.column, fact.caption)) if fact else ""
    return Words.of(f"{found.text} {found.location} {labels}")


def document_key(found: FoundPassage) -> str:
    """The document a result comes from, as one key."""
    return found.document_id or found.document


def document_contexts(results: Sequence[FoundPassage]) -> dict[str, Words]:
    """Per document, the words of all its passages in the results and of its name.

    A key/value row ("Teléfono: +56 ...") of a lab report answers "fono del
    laboratorio" though the row itself does not say "laboratorio".
    """
    texts: dict[str, list[str]] = {}
    for found in results:
        name = found.document.rsplit(".", 1)[0].replace("_", " ")
        texts.setdefault(document_key(found), [name]).append(f"{found.location} {found.text}")
    return {key: Words.of(" ".join(parts)) for key, parts in texts.items()}


# Marks, among the preferred sources of a follow-up, the first line the last answer quoted.
QUOTED = "¶"


def quoted_last(found: FoundPassage, prefer: Sequence[str]) -> bool:
    """Whether ``found`` is the passage the last answer quoted (its first line opens that quote).

    "¿Qué otras plantas están en ese grupo?" after the lettuce's group is about that group.
    """
    first = found.text.strip().split("\n", 1)[0].strip().rstrip(".")
    quotes = [p.removeprefix(QUOTED) for p in prefer if p.startswith(QUOTED)]
    return found.fact is None and len(first) > 1 and any(q.startswith(first) for q in quotes)
