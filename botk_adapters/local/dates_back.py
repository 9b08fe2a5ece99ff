"""Campaigns counted from another: "el muestreo anterior", "el penúltimo", "al año siguiente en junio".

The anchor is the campaign the words name after «a» ("anterior a junio de
2024"), or none: then a follow-up's completion anchors it to the campaign of
the turn before, and a question on its own counts back from the latest.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from botk_adapters.local.campaign import Campaign

# "el muestreo anterior", "la campaña de antes", "el anterior a junio de 2024": one campaign back
# from the one the thread was about (the latest when it names none); "el penúltimo muestreo" from the latest.
_NOUNS = r"(?:muestreos?|campanas?|mediciones|medicion|monitoreos?|analisis|muestras?|vez)"
_PREVIOUS = re.compile(
    rf"(?P<head>\b(?:(?:el|la|los|las)\s+)?{_NOUNS}\s+(?:anterior(?:es)?|previ[oa]s?|de antes)"
    # A bare "¿y el de antes?", "¿y en la anterior?": at the end of a short turn.
    r"|(?:(?<=en )|(?<=^y )|(?<=^¿y )|^)(?:el|la) (?:anterior|de antes)(?=\s*[?!.,]|\s*$| a )"
    r"|(?<=^y )antes(?=\W*$)|(?<=^¿y )antes(?=\W*$))"
    r"(?:\s+a\s+(?P<anchor>.+))?"
)
# "la campaña siguiente", "el muestreo posterior", "¿y en la siguiente?": one campaign after.
_NEXT = re.compile(
    rf"(?P<head>\b(?:(?:el|la|los|las)\s+)?{_NOUNS}\s+(?:siguientes?|posterior(?:es)?|que sigue|de despues)"
    r"|(?:(?<=en )|(?<=^y )|(?<=^¿y )|^)(?:el|la) (?:siguiente|posterior|que sigue)(?=\s*[?!.,]|\s*$| a ))"
    r"(?:\s+a\s+(?P<anchor>.+))?"
)
_PENULTIMATE = re.compile(rf"\b(?:(?:el|la)\s+)?(?P<ante>ante)?penultim[oa]s?(?:\s+{_NOUNS})?")
# "al año siguiente", "el año anterior": a year counted from the one the thread was about.
_NEXT_YEAR = re.compile(
    r"\b(?:(?:al|el|del|en el) ano (?:siguiente|despues|que sigue)|al otro ano|un ano despues)\b"
)
_YEAR_BEFORE = re.compile(r"\b(?:(?:al|el|del|en el) ano (?:anterior|antes|previo)|un ano antes)\b")


def counted_back(folded: str, find: Callable[[str], Campaign | None]) -> Campaign | None:
    """ "El muestreo anterior (a junio de 2024)", "el penúltimo", "la campaña siguiente": a campaign
    counted back (``before`` > 0) or forward (``before`` < 0)."""
    for pattern, step in ((_PREVIOUS, 1), (_NEXT, -1)):
        found = pattern.search(folded)
        if not found:
            continue
        anchor = find(found["anchor"]) if found["anchor"] else None
        if anchor and anchor.before:  # "anterior al penúltimo" is the antepenultimate
            return attrs.evolve(anchor, before=anchor.before + step, span=(found.start(), len(folded)))
        # The span ends where the anchor's campaign does: a place after it is still the question's.
        end = found.start("anchor") + anchor.span[1] if anchor else found.end("head")
        return Campaign(before=step, anchor=anchor, relative=True, span=(found.start(), end))
    found = _PENULTIMATE.search(folded)
    if found:
        return Campaign(before=2 if found["ante"] else 1, span=found.span())
    return None


def year_shift(folded: str) -> tuple[int, tuple[int, int]] | None:
    """The years counted from the thread's year (+1 "al año siguiente", -1 "el año anterior"), and where."""
    for pattern, shift in ((_NEXT_YEAR, 1), (_YEAR_BEFORE, -1)):
        found = pattern.search(folded)
        if found:
            return shift, found.span()
    return None
