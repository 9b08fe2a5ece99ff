"""A Word paragraph as the structure reader sees it: its style's heading level, list, bold and caption.

python-docx looks a paragraph's style up with XPath on every call; the
document's style names are read once into a dict instead.
"""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from botk_adapters.documents.headings import Para

_HEADING_STYLE = re.compile(r"^(?:heading|t[íi]tulo|encabezado)\s*(\d)$", re.IGNORECASE)
CAPTION_STYLES = ("caption", "descripción", "epígrafe", "título de tabla")
StyleNames = dict[str, str]


def para_of(paragraph: Paragraph, names: StyleNames, text: str | None = None) -> Para:
    """The paragraph's ``text`` (read when not given) with its heading level, list, bold and caption flags."""
    text = paragraph.text if text is None else text
    style = style_of(paragraph, names)
    match = _HEADING_STYLE.match(style)
    level = int(match.group(1)) if match else (1 if style in ("title", "título", "titulo") else 0)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return Para(
        text,
        heading=level,
        listed=numbered or style.startswith("list"),
        bold=_all_bold(paragraph, text),
        caption=style in CAPTION_STYLES,
    )


def style_of(paragraph: Paragraph, names: StyleNames) -> str:
    """The paragraph's style name, lower-cased."""
    # paragraph.style looks the style up with XPath on every call; a dict is 100x faster.
    return names.get(paragraph._p.style or "", "")


def style_names(document: docx.document.Document) -> StyleNames:
    """Every style of the document by id: its name, lower-cased."""
    return {style.style_id: (style.name or "").lower() for style in document.styles}


def _all_bold(paragraph: Paragraph, text: str) -> bool:
    """Whether every run with text is bold; a run's text is read only when it is not bold."""
    if not text.strip():
        return False
    seen = False  # a bold run with text (a hyperlink's text is in no run)
    for run in paragraph.runs:
        if not run.bold:
            if _has_text(run):
                return False
        elif not seen:
            seen = _has_text(run)
    return seen


_TEXT = qn("w:t")


def _has_text(run: Run) -> bool:
    # Walks the run's own text elements: python-docx's run.text asks XPath for every kind of child.
    return any((t.text or "").strip() for t in run._r.iter(_TEXT))
