"""LaTeX text helpers: escaping plain text and replacing a marked section."""

from __future__ import annotations

import re
import unicodedata

# One pass over the text, so an escape just written is never escaped again
# (escaping the backslash last would corrupt the escapes just written).
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "≥": r"$\geq$",
    "≤": r"$\leq$",
    "±": r"$\pm$",
}
# Every character pdflatex prints with the template's inputenc utf8 + T1 fonts
# (checked by compiling each one). Anything else would stop the compilation of
# the whole report, or print nothing, so it becomes "?".
_PRINTABLE_RANGES = (
    "\t\n\x20-\x7e\xa0-\u0125\u0128-\u0137\u0139-\u013e\u0141-\u0148\u014a-\u0165\u0168-\u017e"
    "\u0192\u01c4-\u01d4\u01e2\u01e3\u01e6-\u01eb\u01f0\u01f4\u01f5\u0218-\u021b\u0232\u0233\u0237"
    "\u2010-\u2016\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2031\u2039-\u203b\u203d"
    "\u2044\u204e\u2052\u20a1\u20a4\u20a6\u20a9\u20ab\u20ac\u20b1\u2103\u2116\u2117\u211e\u2120"
    "\u2122\u2126\u2127\u212e\u2190-\u2193"
)
_PRINTABLE = re.compile(f"[{_PRINTABLE_RANGES}]")
# pdflatex reads a line into a fixed buffer; long lines are broken with "%" + newline (no space).
MAX_LINE_CHARS = 1000


def printable(char: str) -> str:
    """``char`` if pdflatex prints it, else its unaccented base letter when that prints, else "?"."""
    if _PRINTABLE.fullmatch(char):
        return char
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isalnum() and _PRINTABLE.fullmatch(base) else "?"


def escape_latex(text: str) -> str:
    """Plain text as LaTeX that prints that text (unprintable characters as "?"), in short lines."""
    out: list[str] = []
    line = 0
    for char in text:
        piece = _ESCAPES.get(char) or printable(char)
        if piece == "\n":
            line = 0
        elif line + len(piece) >= MAX_LINE_CHARS:  # the "%" ends the line too
            out.append("%\n")
            line = 0
        out.append(piece)
        line += len(piece)
    return "".join(out)


def _block(section: str) -> re.Pattern[str]:
    name = re.escape(section)
    return re.compile(rf"(^% @begin {name}[ \t]*\n)(.*?)(^% @end {name}[ \t]*$)", re.MULTILINE | re.DOTALL)


def has_section(source: str, section: str) -> bool:
    return _block(section).search(source) is not None


def replace_section(source: str, section: str, body: str) -> str:
    """``source`` with the lines between the section's begin/end markers replaced by ``body``."""
    text = body.strip("\n")
    inner = text + "\n" if text else ""
    new, count = _block(section).subn(lambda m: m.group(1) + inner + m.group(3), source, count=1)
    if count != 1:
        raise KeyError(section)
    return new
