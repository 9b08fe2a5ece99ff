"""Text helpers for the offline gateway: accent-free matching and excerpts."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[a-z0-9ñ]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")

STOP_WORDS = frozenset(
    [
        "a",
        "al",
        "algo",
        "como",
        "con",
        "cual",
        "cuales",
        "cuando",
        "de",
        "del",
        "donde",
        "el",
        "ella",
        "en",
        "entre",
        "era",
        "es",
        "esa",
        "ese",
        "esta",
        "este",
        "esto",
        "estos",
        "estas",
        "esta",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "mas",
        "me",
        "mi",
        "muy",
        "no",
        "o",
        "para",
        "pero",
        "por",
        "porque",
        "que",
        "quien",
        "se",
        "si",
        "sin",
        "sobre",
        "su",
        "sus",
        "te",
        "tu",
        "un",
        "una",
        "uno",
        "unos",
        "unas",
        "y",
        "ya",
        "hay",
        "hace",
        "dime",
        "puedes",
        "podrias",
        "quiero",
        "saber",
        "sabes",
        "the",
        "is",
        "what",
        "how",
    ]
)


def fold(text: str) -> str:
    """Lower-case and strip accents (keeping ñ), so 'Cómo' matches 'como'."""
    text = text.lower().replace("ñ", "\0")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return stripped.replace("\0", "ñ")


def keywords(text: str) -> list[str]:
    """The meaningful words of ``text``, folded, stop words left out."""
    return [w for w in _WORD.findall(fold(text)) if w not in STOP_WORDS and len(w) > 1]


def best_excerpt(text: str, query: str, max_chars: int = 420) -> str:
    """The run of sentences of ``text`` that best covers ``query``'s words.

    Quotes are cut at sentence boundaries and never altered, so the answer
    only repeats what the document says.
    """
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    if not sentences:
        return ""
    terms = {t[:5] for t in keywords(query)}

    def hits(sentence: str) -> int:
        return sum(1 for w in keywords(sentence) if w[:5] in terms)

    start = max(range(len(sentences)), key=lambda i: hits(sentences[i]))
    excerpt = sentences[start]
    for sentence in sentences[start + 1 :]:
        if len(excerpt) + len(sentence) + 1 > max_chars:
            break
        excerpt += " " + sentence
    if len(excerpt) > max_chars:
        excerpt = excerpt[: max_chars - 1].rsplit(" ", 1)[0] + "…"
    return excerpt
