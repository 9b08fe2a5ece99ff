"""The rows of a table a question names: by its place words, as "el otro" of a place, or by count.

A row is named when its labels hold the question's place words (by stem,
synonym, one typo or sound: "estanke", with a phrase's other wordings); "el otro punto" is a
row not named before, of the kind asked or of the same locality; "el
primer punto" is the first row in reading order.
"""

from __future__ import annotations

from botk_adapters.local.matching import SYNONYMS, phrase_variants, similar
from botk_adapters.local.phonetic import sounds_alike, sounds_like_stem
from botk_adapters.local.question import Question
from botk_adapters.local.table_cells import Cell
from botk_core.text import STOP_WORDS, stem, words


def named_place(question: Question, cells: list[Cell]) -> tuple[str, ...]:
    """The question's place words that can name a row of these cells.

    Bare words ("análisis de hierro plaza") count only when a row label knows
    them, unless an article names an unknown one ("tenía la escuela"); an
    "en X" phrase is a place unless the table's caption holds all its words
    ("en el agua", "en la tabla"), so an unknown place still says so.
    """
    wanted = tuple(w for w in question.place if w not in STOP_WORDS)
    known = tuple(w for w in wanted if any(_place_score((w,), c) > 0 for c in cells))
    if question.place_bare:
        unknown_noun = any(w not in known for w in question.place_nouns)
        return wanted if unknown_noun else known
    if known:
        return wanted
    caption = {stem(w) for c in cells[:1] for w in words(f"{c.fact.caption} {c.fact.table}")}
    return () if all(stem(w) in caption for w in wanted) else wanted


def named_rows(question: Question, wanted: tuple[str, ...], cells: list[Cell]) -> set[tuple[str, ...]]:
    """The rows the question names (all rows when it names none)."""
    every = {c.row_key for c in cells}
    if question.point and not wanted:
        ordered = sorted(every, key=natural_order)
        return {ordered[question.point - 1]} if question.point <= len(ordered) else set()
    if question.other_place:
        return _other_rows(question.excluded, cells, question.other_kind) if question.excluded else every
    if not wanted:
        return every
    scores = {c.row_key: _place_score(wanted, c) for c in cells}
    best = max(scores.values())
    return {row for row, score in scores.items() if score == best} if best > 0 else set()


def _other_rows(excluded: tuple[str, ...], cells: list[Cell], kind: str = "") -> set[tuple[str, ...]]:
    """The rows not named before: of the kind asked ("el otro estanque"), or of its locality."""
    scores = {c.row_key: _place_score(excluded, c) for c in cells}
    best = max(scores.values(), default=0.0)
    named = {c.row_key: c.place for c in cells if best > 0 and scores[c.row_key] == best}
    others = {c.row_key: c.place for c in cells if c.row_key not in named}
    of_kind = {c.row_key for c in cells if c.row_key in others and kind and _place_score((kind,), c) > 0}
    if of_kind:
        return of_kind
    localities = {words(place)[0] for place in named.values() if words(place)}
    same = {row for row, place in others.items() if words(place)[:1] and words(place)[0] in localities}
    return same if len(same) == 1 else set(others)


def _place_score(wanted: tuple[str, ...], cell: Cell) -> float:
    have = [w for label in cell.fact.row for w in words(label)]
    return max(
        sum(1 for w in v if any(_names_word(w, h) for h in have)) / len(v) for v in phrase_variants(wanted)
    )


# "el tanque de abajo" is the row "Estanque Bajo"; "el de arriba", "Estanque Alto".
_SAID_OF_A_PLACE = {"abajo": "bajo", "arriba": "alto", "inferior": "bajo", "superior": "alto"}


def _names_word(word: str, label_word: str) -> bool:
    """Whether the user's word names a row label's word: by stem, typo, sound, a compound's head,
    or a synonym said by ear.

    "tanke" is the row "Estanque": it sounds like «tanque», which the synonyms make «estanque».
    "la cancha" is the row "Multicancha": a compound ends with the word it is a kind of.
    """
    word = _SAID_OF_A_PLACE.get(word, word)
    if similar(word, label_word) or sounds_alike(word, label_word) or _compound_head(word, label_word):
        return True
    others = SYNONYMS.equivalents((stem(label_word),))[1:]
    return any(len(other) == 1 and sounds_like_stem(word, other[0]) for other in others)


def _compound_head(word: str, label_word: str) -> bool:
    # Five letters at least, so that a short word ("sur", "alto") never names a longer one by chance.
    head = word[:-1] if word.endswith("s") and len(word) > 5 else word
    return len(head) >= 5 and len(label_word) > len(head) + 2 and label_word.endswith(head)


def natural_order(row: tuple[str, ...]) -> tuple[object, ...]:
    """A row's sort key in reading order: "M2" before "M10"."""
    key: list[object] = []
    for label in row:
        digits = "".join(ch for ch in label if ch.isdigit())
        key += [int(digits) if digits else 0, label]
    return tuple(key)
