"""LaTeX text helpers: escaping plain text and replacing a marked section."""

from __future__ import annotations

import re

# One pass over the text, so an escape just written is never escaped again
# (the seed replaced the backslash last and corrupted its own escapes).
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
_SPECIAL = re.compile("|".join(re.escape(c) for c in _ESCAPES))
# pdflatex with inputenc utf8 + T1 prints Latin-1 and common punctuation; any
# other character (emoji, most symbols) or a control character would stop the
# compilation of the whole report, so it is shown as "?".
_UNPRINTABLE = re.compile(r"[^\t\n\x20-\x7e\xa0-\xff\u2010-\u2027\u20ac≥≤±]")


def escape_latex(text: str) -> str:
    """Plain text as LaTeX that prints that text (unprintable characters as "?")."""
    printable = _UNPRINTABLE.sub("?", text)
    return _SPECIAL.sub(lambda match: _ESCAPES[match.group(0)], printable)


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
