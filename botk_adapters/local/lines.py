"""The lines of a passage and which line gives another its meaning: a lead-in, a component, the first line.

A list item means something with its lead-in ("Grupo B: ... 4 L por m² al
día"), a colour line ("Rojo: ...") with its component ("Caja de protección:
..."), a short line with the passage's first line. A lead-in ("Cada mes:")
and the lines of one list ("Tramo 1: ...", "Tramo 2: ...") stand on their own.
"""

from __future__ import annotations

import re

from botk_adapters.local.vocabulary import colour_in
from botk_core.lights import is_colour_label
from botk_core.text import fold, split_sentences

LINE = re.compile(r"\n+")
LABEL = re.compile(r"^[-•*]?\s*([^\W\d][\w —–-]{0,40}):\s")
# A colour-code line's label may name its component with a parenthesis ("Concentrador (gateway) — Rojo").
_CODE_LABEL = re.compile(r"^[-•*]?\s*([^\W\d][\w ()/—–-]{0,60}?):\s")
_COMPONENT_DASH = re.compile(r"\s[—–]\s")
SHORT_LINE = 90


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` with the number of the line each one is on."""
    found = []
    for number, line in enumerate(LINE.split(text)):
        for sentence in split_sentences(line.strip()):
            if sentence.strip():
                found.append((number, sentence.strip()))
    return found


def context_line(lines: list[str], number: int) -> int | None:
    """The line that gives line ``number`` its meaning, or None when it stands alone."""
    line = lines[number].strip()
    if number == 0 or not _needs_context(line) or line.endswith(":"):
        return None  # a lead-in ("Cada seis meses:") opens a list of its own
    if _code_label(line) is not None:
        if _COMPONENT_DASH.search(line.split(":", 1)[0]):
            return None  # "Gateway — Rojo: ..." names its component itself
        found = [
            i for i in range(number - 1, -1, -1) if LABEL.match(lines[i]) and _code_label(lines[i]) is None
        ]
        return found[0] if found else 0
    if not LABEL.match(line):
        # A list item's meaning is its lead-in's, never a sibling item's ("- Tesorera: ..., +56 ...").
        listed = _item(line)
        found = [i for i in range(number - 1, -1, -1) if ":" in lines[i] and not (listed and _item(lines[i]))]
        return found[0] if found else 0
    return None if siblings(lines[0], line) else 0


def siblings(first: str, line: str) -> bool:
    """Two labelled lines of one list ("Tramo 1: ...", "Tramo 2: ..."): neither gives the other meaning."""
    heads = [LABEL.match(text.strip()) for text in (first, line)]
    names = [fold(h.group(1)).split()[:1] for h in heads if h]
    return len(names) == 2 and names[0] == names[1]


def _needs_context(line: str) -> bool:
    """A list item, a short line or a "Rojo: ..." line means little on its own."""
    listed = line.startswith(("-", "•", "*"))
    return listed or len(line) < SHORT_LINE or bool(LABEL.match(line))


def component_description(text: str, excerpt: str) -> str:
    """The line of ``text`` that describes the component of a colour line ("Router: envía los datos").

    "¿y en el módem?" is answered by "Router celular — Amarillo: sin saldo"
    because the router's own line says what it is, not because the manual
    mentions a modem somewhere else.
    """
    component = component_name(excerpt)
    if not component:
        return ""
    return next((line for line in LINE.split(text) if line.strip().startswith(f"{component}:")), "")


def component_name(excerpt: str) -> str:
    """The component a colour line names in its label ("Gateway — Verde fijo: ..." -> "Gateway"), or ""."""
    parts = _COMPONENT_DASH.split(excerpt.split(":", 1)[0])
    return parts[0].strip() if len(parts) > 1 else ""


def colour_code(text: str, colour: str) -> bool:
    """Whether ``text`` has a colour code line for ``colour`` ("Rojo: ...", "Gateway — Rojo: ...")."""
    for line in LINE.split(text):
        code = _code_label(line)
        if code is not None:
            found = colour_in(code)
            if found and found[0] == colour:
                return True
    return False


def _code_label(line: str) -> str | None:
    """The colour part of a colour-code line's label ("Gateway — Verde fijo: ..." -> "verde fijo")."""
    label = _CODE_LABEL.match(line.strip())
    if not label:
        return None
    code = _COMPONENT_DASH.split(fold(label.group(1)))[-1]
    return code if is_colour_label(code) else None


def listed_under(text: str, excerpt: str) -> list[str]:
    """The list items ("- Mango (Mangifera indica)") that follow the lead-in quoted in ``excerpt``.

    "¿Qué frutales aparecen?" is answered by the items of «Grupo B: frutales ...», not its amount alone.
    """
    lines = [line.strip() for line in LINE.split(text) if line.strip()]
    leads = [i for i, line in enumerate(lines[:-1]) if line.rstrip(".") in excerpt and _item(lines[i + 1])]
    if not leads:
        return []
    lead = leads[-1]
    items: list[str] = []
    for line in lines[lead + 1 :]:
        if not _item(line):
            break
        items.append(line)
    return items


def _item(line: str) -> bool:
    return line.strip().startswith(("-", "•", "*"))


_BLOCK_LINE = 60
_BLOCK_MIN, _BLOCK_MAX = 3, 6


def short_blocks(text: str) -> list[str]:
    """The runs of a few short lines that read as one ("Name / Jefa de Laboratorio / Calama, 14 de
    junio de 2024": a signature), each whole.

    Who signed, in what role, where and when are one answer: no line of it says much alone.
    """
    runs: list[list[str]] = [[]]
    for line in (line.strip() for line in LINE.split(text)):
        short = 0 < len(line) <= _BLOCK_LINE and not line.endswith((":", "?")) and not _item(line)
        if short:
            runs[-1].append(line)
        elif runs[-1]:
            runs.append([])
    # A signature has one dated line; a price list or a table read as lines has a figure on most.
    return [
        "\n".join(run)
        for run in runs
        if _BLOCK_MIN <= len(run) <= _BLOCK_MAX and sum(any(c.isdigit() for c in line) for line in run) <= 1
    ]
