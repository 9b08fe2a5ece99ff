"""The terms a document index holds: how many passages hold each, and a typo's neighbours."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from botk_core.phrasing import TYPO_MIN_LENGTH, deletions, one_edit_apart
from botk_core.sounds import SOUND_MIN_LENGTH, sound_key
from botk_core.text import stem

if TYPE_CHECKING:
    from botk_core.retrieval import Alternative


class Vocabulary:
    """The terms an index holds, with how many passages hold each; finds a typo's neighbours."""

    def __init__(self, frequencies: Mapping[str, int], extra: Iterable[str] = ()) -> None:
        self._frequencies = dict(frequencies)
        self._sorted = sorted(self._frequencies)
        self._neighbours: dict[str, set[str]] | None = None
        self._sounds: dict[str, set[str]] | None = None
        self._extra = set(extra)
        self.passages = 0

    def __contains__(self, term: object) -> bool:
        return term in self._frequencies

    def frequency(self, alternative: Alternative) -> int:
        """Passages holding the alternative's rarest term (its most frequent word, for a prefix)."""
        if alternative.prefix:
            prefix = alternative.terms[0]
            start = bisect.bisect_left(self._sorted, prefix)
            end = bisect.bisect_left(self._sorted, prefix + "\U0010ffff")
            return max((self._frequencies[t] for t in self._sorted[start:end]), default=0)
        return min(self._frequencies.get(t, 0) for t in alternative.terms)

    def near(self, term: str) -> list[str]:
        """Known terms one edit away from ``term`` (the index's own and the synonyms')."""
        neighbours = self._neighbours
        if neighbours is None:  # built once, then shared by every search (and thread)
            neighbours = {}
            for known in [*self._frequencies, *self._extra]:
                for key in deletions(known):
                    neighbours.setdefault(key, set()).add(known)
            self._neighbours = neighbours
        found = {t for key in deletions(term) for t in neighbours.get(key, ())}
        return sorted(t for t in found if one_edit_apart(term, t))

    def corrections(self, word: str, stemmed: str) -> list[str]:
        """Known terms a misspelt ``word`` (stem ``stemmed``) may stand for.

        One edit from its stem («calivr», «calibr»); said alike («yama», «llama»;
        «lleba», «lleva»); or two neighbouring letters swapped before stemming
        («muestars», whose stem keeps the typo, is «muestras»).
        """
        found = dict.fromkeys(self.near(stemmed)) if len(word) >= TYPO_MIN_LENGTH else {}
        if len(word) >= SOUND_MIN_LENGTH and word.isalpha():
            found.update(dict.fromkeys(sorted(self._by_sound().get(sound_key(stemmed), ()))))
            for i in range(len(word) - 1):
                swapped = stem(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
                if swapped in self._frequencies:
                    found[swapped] = None
        found.pop(stemmed, None)
        return list(found)

    def _by_sound(self) -> dict[str, set[str]]:
        sounds = self._sounds
        if sounds is None:  # built once, then shared by every search (and thread)
            sounds = {}
            for known in [*self._frequencies, *self._extra]:
                if len(known) >= SOUND_MIN_LENGTH - 1 and known.isalpha():
                    sounds.setdefault(sound_key(known), set()).add(known)
            self._sounds = sounds
        return sounds
