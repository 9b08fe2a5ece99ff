"""Spanish pieces of a table answer: a value with its unit, the limit, the parameter with its article."""

from __future__ import annotations

import re

from botk_adapters.local.facts import Cell
from botk_core.domain import TableFact
from botk_core.text import fold

_FEMININE_ENDINGS = ("a", "dad", "ion", "ez", "sis")
_HAS_DIGIT = re.compile(r"\d")


def value_text(fact: TableFact) -> str:
    """The value as the document prints it, without its over-limit mark, with the unit."""
    value = fact.value.replace("*", "").strip()
    return (
        f"{value} {fact.unit}".strip() if fact.unit and fact.kind in ("value", "below_detection") else value
    )


def limit_text(fact: TableFact) -> str:
    """The legal limit as printed ("0,1 mg/L"), or "" when the table gives none."""
    text = fact.limit_text.strip()
    if text and _HAS_DIGIT.search(text):
        has_unit = any(ch.isalpha() for ch in text.replace("<", "").replace("≤", ""))
        if not has_unit:
            return f"{text} {fact.unit}".strip()
        # "500 mg/L" of a table in "mg/L CaCO3": said in the table's own, fuller unit.
        unit = fact.unit.strip()
        shown_unit = text.rsplit(" ", 1)[-1] if " " in text else ""
        fuller = shown_unit and unit.startswith(f"{shown_unit} ") and not text.endswith(unit)
        return f"{text}{unit[len(shown_unit) :]}" if fuller else text
    if fact.limit is None:
        return ""
    number = f"{fact.limit:g}".replace(".", ",")
    return f"{number} {fact.unit}".strip()


def parameter_phrase(fact: TableFact) -> str:
    """The cell's parameter with its article: «el manganeso», «la turbiedad», «el pH»."""
    return with_article(fact.parameter.strip() or fact.table)


def with_article(name: str) -> str:
    """A parameter's name with its article, lower-cased unless it is an acronym."""
    shown = name if _is_acronym(name) else name[:1].lower() + name[1:]
    first = fold(shown.split()[0]) if shown.split() else ""
    if first.endswith("s") and len(first) > 4 and not first.endswith(("sis", "gas")):
        article = "los"
    elif first.endswith(_FEMININE_ENDINGS):
        article = "la"
    else:
        article = "el"
    return f"{article} {shown}"


def campaign_phrase(cell: Cell) -> str:
    """«en octubre de 2021», or the column's own label when it names no month or year."""
    if cell.campaign:
        return f"en {cell.campaign.describe()}"
    label = cell.fact.column[-1] if cell.fact.column else ""
    return f"en «{label}»" if label else ""


def comparison(fact: TableFact) -> str:
    """How the value stands against the limit: ", sobre el límite de 0,1 mg/L", or ""."""
    limit = limit_text(fact)
    if not limit:
        return ", sobre el límite permitido (la tabla lo marca con *)" if is_over(fact) else ""
    if fact.kind == "below_detection":
        if fact.number is not None and fact.limit is not None and fact.number > fact.limit:
            return (
                f"; ese límite de detección es mayor que el límite permitido ({limit}), "
                "así que no se sabe si cumple"
            )
        return f", es decir, bajo el límite permitido de {limit}"
    over = is_over(fact)
    if over is None:
        return ""
    if limit_range(fact) is not None:
        # pH: a range, not a ceiling ("6,5 a 8,5").
        return (
            f", fuera del rango permitido de {limit}" if over else f", dentro del rango permitido de {limit}"
        )
    if over:
        marks = fact_marks(fact)
        mark = f" (la tabla lo marca con {marks})" if marks else ""
        return f", sobre el límite de {limit}{mark}"
    if fact.number is not None and fact.limit is not None and fact.number == fact.limit:
        return f", justo en el límite de {limit}"
    return f", bajo el límite de {limit}"


def is_over(fact: TableFact) -> bool | None:
    """Whether the value exceeds the limit (the table's mark or the numbers); None when unknown."""
    if fact.kind == "not_measured" or fact.kind == "text":
        return None
    if fact.over_limit is not None:
        return fact.over_limit
    if "*" in fact.value:
        return True
    span = limit_range(fact)
    if span is not None and fact.number is not None and fact.kind != "below_detection":
        return not span[0] <= fact.number <= span[1]
    if fact.number is None or fact.limit is None:
        return None
    if fact.kind == "below_detection":
        return False if fact.number <= fact.limit else None
    return fact.number > fact.limit


_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:a|al|y|-|–|hasta)\s*(\d+(?:[.,]\d+)?)")


def limit_range(fact: TableFact) -> tuple[float, float] | None:
    """A limit that is a range («6,5 a 8,5», «entre 6,5 y 8,5»): its ends, or None for a ceiling."""
    found = _RANGE.search(fact.limit_text)
    if found is None:
        return None
    low, high = (float(n.replace(",", ".")) for n in found.groups())
    return (low, high) if low < high else None


_MARKS = re.compile(r"[*†‡]+$")


def fact_marks(fact: TableFact) -> str:
    """The marks after a cell's value ("0,0101**" -> "**")."""
    found = _MARKS.search(fact.value.strip())
    return found.group(0) if found else ""


def mark_note(fact: TableFact) -> str:
    """What the table's note says of a cell's mark, when it says more than «over the limit»."""
    marks = fact_marks(fact)
    meaning = fact.meaning.strip()
    if not marks or not meaning or fact.kind == "not_measured":
        return ""
    if marks == "*" and "." not in meaning.rstrip(". "):
        return ""  # "* Supera la norma.": the comparison already says it
    return f"Nota de la tabla ({marks}): {meaning}"


def not_measured(fact: TableFact) -> str:
    """«no se midió», with what the table's symbol means when the document says it ("s/m": sin muestra)."""
    symbol = fact.value.strip()
    meaning = fact.meaning.strip()
    if not meaning or not symbol or fold(meaning) in ("no se midio", "no medido"):
        return "no se midió"
    return f"no se midió («{symbol}»: {meaning})"


def reading(fact: TableFact) -> str:
    """The value in words: "fue 0,1400 mg/L", "estuvo bajo el límite de detección (<0,005 mg/L)"."""
    if fact.kind == "below_detection":
        return f"estuvo bajo el límite de detección ({value_text(fact)})"
    if fact.kind == "not_measured":
        return not_measured(fact)
    if fact.kind == "text":
        return f"dice «{fact.value.strip()}»"
    return f"fue {value_text(fact)}"


def short_reading(fact: TableFact) -> str:
    """The value for a list line: "0,1400 mg/L (sobre el límite)", "no se midió"."""
    if fact.kind == "below_detection":
        return f"bajo el límite de detección ({value_text(fact)})"
    if fact.kind == "not_measured":
        return not_measured(fact)
    over = is_over(fact)
    return value_text(fact) + (" (sobre el límite)" if over else "")


def _is_acronym(name: str) -> bool:
    head = name.split()[0] if name.split() else name
    return sum(1 for ch in head if ch.isupper()) > 1 or head in ("pH",)
