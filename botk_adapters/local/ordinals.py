"""Ordinals as documents number things: «el segundo tramo» is «Tramo 2», «la 3ra campaña» the third one.

Users count ("el primer punto", "la tercera campaña", "el 2do tramo", "1er
turno"); documents number ("Tramo 2", "Campaña 3", "M1"). A question's
ordinal before a counted noun is rewritten as that noun and its number, and
a bare feminine ordinal after "en la" ("¿y en la cuarta?") counts campaigns.
"""

from __future__ import annotations

import re

_WORDS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3,
    "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
    "septimo": 7, "septima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "decimo": 10,
    "decima": 10,
}  # fmt: skip
FEMININE = ("", "primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava",
            "novena", "décima")  # fmt: skip
# "1er", "2da", "3ra", "4to", "2°", "2º" (folded to "2o"), "1ª" (folded to "1a").
_SUFFIXES = r"(?:\s?°|o|a|er|era|ero|ro|ra|do|da|to|ta|mo|ma|vo|va|no|na)"
_FIGURE = rf"(?:10|[1-9]){_SUFFIXES}"
_ORDINAL = rf"(?:{'|'.join(sorted(_WORDS, key=len, reverse=True))}|{_FIGURE})"
# Things documents number: tariff blocks, campaigns, sampling points, groups, stages, shifts.
_COUNTED = (
    r"tramos?|campanas?|muestreos?|monitoreos?|mediciones|medicion|puntos?|grupos?|etapas?|fases?"
    r"|turnos?|sectores|sector|cuotas?|categorias?|niveles|nivel"
)
_BEFORE_NOUN = re.compile(rf"\b(?P<ordinal>{_ORDINAL})\s+(?P<noun>{_COUNTED})\b")
_BARE_FEMININE = re.compile(
    rf"(?P<lead>\ben la|\bde la|^\W*(?:y\s+)?la)\s+(?P<ordinal>{_ORDINAL})(?=\s*[?!.,]|\s*$)"
)


def ordinal_value(text: str) -> int | None:
    """The number an ordinal stands for ("tercera" -> 3, "2da" -> 2), or None."""
    word = text.replace(" ", "")
    if word in _WORDS:
        return _WORDS[word]
    found = re.match(r"\d+", word)
    return int(found.group(0)) if found and re.fullmatch(_FIGURE, word) else None


def spell_ordinals(folded: str) -> str:
    """``folded`` with each counted ordinal as its noun and number ("el segundo tramo" -> "el tramo 2")."""

    def numbered(match: re.Match[str]) -> str:
        value = ordinal_value(match["ordinal"])
        return f"{match['noun']} {value}" if value else match.group(0)

    def campaign(match: re.Match[str]) -> str:
        value = ordinal_value(match["ordinal"])
        feminine = match["ordinal"] in _WORDS and match["ordinal"].endswith("a")
        figure = not match["ordinal"].isalpha() and match["ordinal"].endswith(("a", "da", "ra", "ta"))
        if value and (feminine or figure):
            return f"{match['lead']} campana {value}"
        return match.group(0)

    return _BARE_FEMININE.sub(campaign, _BEFORE_NOUN.sub(numbered, folded))


_POINT = re.compile(r"\bpunto\s+(?P<number>10|[1-9])\b(?![.,]\d)(?:\s+de\s+muestreo\b)?")


def nth_point(folded: str) -> tuple[int, tuple[int, int]] | None:
    """The sampling point a (spelled) question counts ("el punto 1", from "el primer punto"), and where."""
    found = _POINT.search(folded)
    return (int(found["number"]), found.span()) if found else None


_NUMBERED = re.compile(rf"\b(?P<noun>{_COUNTED})\s+(?P<number>10|[1-9])\b(?![.,:/]?\d)")


def numbered_things(folded: str) -> tuple[tuple[str, int], ...]:
    """The counted things a folded (spelled) question numbers: "el tramo 2" -> (("tramo", 2),)."""
    return tuple((m["noun"], int(m["number"])) for m in _NUMBERED.finditer(folded))


_LETTERED = re.compile(r"\b(?:grupo|tramo|sector|zona|procedimiento|anexo|categoria|tipo|etapa) [a-h]\b")


def lettered_things(folded: str) -> tuple[str, ...]:
    """The things a folded question names by a letter: "el grupo b" -> ("grupo b",)."""
    return tuple(m[0] for m in _LETTERED.finditer(folded))


def numbered_spans(folded: str) -> list[tuple[str, tuple[int, int]]]:
    """Each counted noun of a spelled text and where its number is: "el tramo 2" -> [("tramo", (9, 10))]."""
    return [(m["noun"], m.span("number")) for m in _NUMBERED.finditer(folded)]


_FEMININE_NOUNS = ("campana", "medicion", "etapa", "fase", "cuota", "categoria")
_FEMININE_FIGURE = re.compile(r"\d+(?:a|era|ra|da|ta|ma|va|na)$")
_MASCULINE_FIGURE = re.compile(r"\d+(?:o|er|ero|ro|do|to|mo|vo|no)$")
# A turn that is only an ordinal: "¿y el segundo?", "y en la tercera", "el 3ro?", "¿y del quinto?".
_BARE = re.compile(
    rf"^\W*(?:(?:y|e|tambien|entonces|ahora|oiga|oye|porfa)\s+)*(?:(?P<joined>del|al)\s+|(?:en|de|con|para)\s+)?"
    rf"(?:(?P<article>el|la|lo)\s+)?(?P<ordinal>{_ORDINAL})\W*$"
)


def gender(noun: str) -> str:
    """«f» for the counted nouns that are feminine ("la campaña"), «m» for the rest ("el tramo")."""
    return "f" if noun.startswith(_FEMININE_NOUNS) else "m"


def bare_ordinal(folded: str) -> tuple[int, str] | None:
    """A turn that says only an ordinal: its number and gender («m», «f», or «» when unknown)."""
    found = _BARE.match(folded)
    value = ordinal_value(found["ordinal"]) if found else None
    if found is None or value is None:
        return None
    word = found["ordinal"].replace(" ", "")
    if found["article"] or found["joined"]:
        said = "f" if found["article"] == "la" else "m"
    elif word in _WORDS:
        said = "f" if word.endswith("a") else "m"
    else:
        said = "f" if _FEMININE_FIGURE.match(word) else "m" if _MASCULINE_FIGURE.match(word) else ""
    return value, said


def names_number(noun: str, number: int, folded: str) -> bool:
    """Whether a folded text numbers ``noun`` with ``number``: "Tramo 2", "tramo n° 2", "segundo tramo"."""
    stem = noun[:4]  # "tramo" and "tramos", "campaña" and "campañas", "medición" and "mediciones"
    words = [w for w, n in _WORDS.items() if n == number]
    ordinal = rf"(?:{'|'.join(words)}|{number}\.?{_SUFFIXES})"  # "2.ª campaña" as well
    after = rf"\b{stem}\w*\s*[:=]?\s*(?:n[°ºo]?\.?\s*|numero\s+|#\s*)?{number}\b(?![.,]\d)"
    before = rf"\b{ordinal}\s+{stem}"
    return bool(re.search(after, folded) or re.search(before, folded))
