"""Which paragraphs are headings, and at what level: styled, numbered or bold ones.

Real documents number their sections and questions in ``Normal`` paragraphs
("7. ¿Qué monitorean los sensores?"), often with the answer after a line
break in the same paragraph; numbered steps ("1.", "2.", "3.") are not
sections. A numbered paragraph takes the level of styled headings numbered alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from botk_adapters.documents.chunking import Block

_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$")
_HEADING_MAX_CHARS = 100
_HEADING_MAX_WORDS = 12
_QUESTION_MAX_CHARS = 200


@attrs.frozen
class Para:
    """A paragraph as a reader found it; ``text`` has a "\\n" where the line breaks."""

    text: str
    heading: int = 0  # level from a heading style, 0 for none
    listed: bool = False  # a list style or Word's own numbering
    bold: bool = False
    caption: bool = False


class Levels:
    """Heading levels: numbered paragraphs take the level of styled headings numbered alike."""

    def __init__(self) -> None:
        self._by_depth: dict[int, int] = {}
        self._base = 0

    def styled(self, text: str, level: int) -> int:
        match = _NUMBERED.match(text)
        if match:
            self._by_depth[_depth(match)] = level
        else:
            self._base = level
        return level

    def numbered(self, head: str) -> int:
        match = _NUMBERED.match(head)
        depth = _depth(match) if match else 1
        return self._by_depth.get(depth, self._base + depth)

    def unnumbered(self) -> int:
        return self._base + 1


def _depth(match: re.Match[str]) -> int:
    return match.group(1).count(".") + 1


def split_heading(text: str, level: int, head: str | None = None) -> Iterator[Block]:
    """The heading, then what follows it in the same paragraph (an answer after a line break)."""
    head = head or text.split("\n", 1)[0].strip()
    yield Block(head, "heading", level)
    rest = text[len(head) :].strip()
    if rest:
        yield Block(rest)


def numbered_heading(paragraphs: Sequence[Para], index: int) -> str | None:
    """The heading part of a numbered question or title in a plain paragraph, if it is one."""
    para = paragraphs[index]
    first = para.text.strip().split("\n", 1)[0].strip()
    match = _NUMBERED.match(first)
    if para.listed or match is None:
        return None
    if "?" in first:
        head = first[: first.rindex("?") + 1]
        return head if len(head) <= _QUESTION_MAX_CHARS else None
    title = match.group(2)
    if (
        len(first) > _HEADING_MAX_CHARS
        or len(first.split()) > _HEADING_MAX_WORDS
        or first.endswith((".", ":", ";", ","))
        or not title[0].isupper()
        or _in_numbered_run(paragraphs, index, match)
    ):
        return None
    return first


def _in_numbered_run(paragraphs: Sequence[Para], index: int, match: re.Match[str]) -> bool:
    """Whether a neighbour continues the numbering (1., 2., 3. are steps, not sections)."""
    number = match.group(1)
    for neighbour, step in ((index - 1, -1), (index + 1, 1)):
        if 0 <= neighbour < len(paragraphs):
            other = _NUMBERED.match(paragraphs[neighbour].text.strip())
            if other and "?" not in other.group(0) and _follows(number, other.group(1), step):
                return True
    return False


def _follows(number: str, other: str, step: int) -> bool:
    head, _, last = number.rpartition(".")
    other_head, _, other_last = other.rpartition(".")
    return head == other_head and int(other_last) == int(last) + step


def bold_heading(para: Para, text: str) -> bool:
    """Whether a paragraph is a bold title: one short line that ends no sentence."""
    return (
        para.bold
        and "\n" not in text
        and len(text) <= _HEADING_MAX_CHARS
        and len(text.split()) <= _HEADING_MAX_WORDS
        and not text.endswith((".", ":", ";", ","))
    )
