"""The labels of a report's table outlines: each row or campaign once, with the tables that have it."""

from __future__ import annotations

from collections.abc import Callable

from botk_core.domain import TableFact
from botk_core.tools.search import FoundPassage

ROW_SEPARATOR = " · "


def union(
    outlines: list[FoundPassage], labels: Callable[[TableFact], tuple[str, ...]]
) -> dict[str, list[str]]:
    """Each label (a row, a campaign) of the outlines, in order, with the tables that have it."""
    found: dict[str, list[str]] = {}
    for outline in outlines:
        fact = outline.fact
        for label in labels(fact) if fact else ():
            found.setdefault(label, []).append(fact.table if fact else "")
    return found


def only(tables: list[str], outlines: list[FoundPassage], form: str) -> str:
    """``form`` with «la tabla de zinc», when some of the report's tables lack the label; else ""."""
    if len(set(tables)) >= len({o.fact.table for o in outlines if o.fact}):
        return ""
    names = [o.fact.parameter.lower() for o in outlines if o.fact and o.fact.table in tables]
    return form.format(f"la tabla de {joined(names)}")


def joined(values: list[str]) -> str:
    """«a, b y c», each once."""
    shown = list(dict.fromkeys(values))
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} y {shown[-1]}"


def row_label(row: str) -> str:
    """An outline's row as the table shows it: «M4 Caquena Escuela»."""
    return " ".join(dict.fromkeys(row.split(ROW_SEPARATOR)))
