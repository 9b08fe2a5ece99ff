"""The terms a document index holds: how many passages hold each, and a typo's neighbours."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from botk_core.phrasing import deletions, one_edit_apart

if TYPE_CHECKING:
    from botk_core.retrieval import Alternative


class Vocabulary:
    """The terms an index holds, with how many passages hold each; finds a typo's neighbours."""

    def __init__(self, frequencies: Mapping[str, int], extra: Iterable[str] = ()) -> None:
        self._frequencies = dict(frequencies)
        self._sorted = sorted(self._frequencies)
        self._neighbours: dict[str, set[str]] | None = None
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
