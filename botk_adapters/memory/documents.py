"""InMemoryDocumentStore: the DocumentStore for tests and throwaway runs."""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Sequence

import attrs

from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import DocumentNotFound
from botk_core.text import family_prefix, query_terms, terms

_HEADING_WEIGHT = 2.0
_TITLE_WEIGHT = 0.5
_FAMILY_WEIGHT = 0.5


@attrs.frozen
class _Entry:
    document: DocumentInfo
    chunk: Chunk
    counts: dict[str, float]


class InMemoryDocumentStore:
    """Same matching as the SQLite store (stems, stop words, word families), simpler scoring."""

    def __init__(self) -> None:
        self._documents: dict[str, DocumentInfo] = {}
        self._entries: dict[str, list[_Entry]] = {}
        self._lock = threading.Lock()

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        document = attrs.evolve(document, chunk_count=len(chunks))
        entries = [_Entry(document, chunk, _counts(document.name, chunk)) for chunk in chunks]
        with self._lock:
            for old in [d.id for d in self._documents.values() if d.name == document.name]:
                self._drop(old)
            self._drop(document.id)
            self._documents[document.id] = document
            self._entries[document.id] = entries

    def remove(self, document_id: str) -> None:
        with self._lock:
            if document_id not in self._documents:
                raise DocumentNotFound("Documento no encontrado")
            self._drop(document_id)

    def list_documents(self) -> list[DocumentInfo]:
        with self._lock:
            return sorted(self._documents.values(), key=lambda d: d.name)

    def search(self, query: str, k: int = 5) -> list[Passage]:
        wanted = query_terms(query)
        with self._lock:
            entries = [e for group in self._entries.values() for e in group]
        if not wanted or k < 1 or not entries:
            return []
        scored = [(_score(e, wanted, entries), i, e) for i, e in enumerate(entries)]
        best = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))[:k]
        return [
            Passage(e.document.id, e.document.name, e.chunk.location, e.chunk.text, round(score, 4))
            for score, _, e in best
        ]

    def _drop(self, document_id: str) -> None:
        self._documents.pop(document_id, None)
        self._entries.pop(document_id, None)


def _counts(name: str, chunk: Chunk) -> dict[str, float]:
    counts: dict[str, float] = dict(Counter(terms(chunk.text)))
    for term in terms(chunk.location):
        counts[term] = counts.get(term, 0.0) + _HEADING_WEIGHT
    for term in terms(name):
        counts[term] = counts.get(term, 0.0) + _TITLE_WEIGHT
    return counts


def _score(entry: _Entry, wanted: list[str], entries: list[_Entry]) -> float:
    """A tf-idf score with saturation; the family prefix counts for less than the term."""
    total = 0.0
    for term in wanted:
        total += _term_score(entry, entries, term.__eq__)
        prefix = family_prefix(term)
        if prefix:
            total += _FAMILY_WEIGHT * _term_score(entry, entries, _starts_with(prefix))
    return total


def _term_score(entry: _Entry, entries: list[_Entry], matches: Callable[[str], bool]) -> float:
    tf = sum(c for t, c in entry.counts.items() if matches(t))
    if not tf:
        return 0.0
    df = sum(1 for e in entries if any(matches(t) for t in e.counts))
    idf = math.log(1 + (len(entries) - df + 0.5) / (df + 0.5))
    return idf * tf / (tf + 1.2)


def _starts_with(prefix: str) -> Callable[[str], bool]:
    return lambda term: term.startswith(prefix)
