"""Colour-code lines of a manual: "Rojo: ...", "Verde parpadeando: ...", and the component they belong to.

A component is described as "Componente: descripción"; its colour lines
follow, sometimes parted by a picture. A colour line is never a component.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from botk_core.lights import is_colour_label

_KEY_VALUE = re.compile(r"^([^:\n]{2,50}?):\s+\S")


def is_colour_line(text: str) -> bool:
    """A colour-code line ("Rojo: ...", "Verde parpadeando: ...")."""
    key = _KEY_VALUE.match(text.strip().lstrip("-•* "))
    return key is not None and is_colour_label(key.group(1))


def component_label(text: str) -> str | None:
    """The component a "Componente: descripción" paragraph describes, or None."""
    key = _KEY_VALUE.match(text.strip())
    if key is None or "\n" in text.strip() or is_colour_label(key.group(1)):
        return None
    return key.group(1).strip()


def colour_run(texts: Sequence[str]) -> int:
    """How many of ``texts`` are colour lines from the first on (pictures, empty, may sit between)."""
    end = 0
    while end < len(texts):
        text = texts[end].strip()
        if text and not is_colour_line(text):
            break
        end += 1
    while end > 0 and not texts[end - 1].strip():
        end -= 1
    return end
