"""InMemoryDocumentStore: the DocumentStore for tests and throwaway runs."""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Sequence

import attrs

from botk_core.domain import Chunk, DocumentInfo, Passage
from botk_core.errors import DocumentNotFound
from botk_core.ranking import Candidate, Ranker, blended
from botk_core.retrieval import Alternative, QueryPlan, index_terms, plan_query, searchable
from botk_core.synonyms import Synonyms
from botk_core.vocabulary import Vocabulary

_HEADING_WEIGHT = 2.0
_TITLE_WEIGHT = 0.5


@attrs.frozen
class _Entry:
    document: DocumentInfo
    chunk: Chunk
    candidate: Candidate


class InMemoryDocumentStore:
    """Same matching and ranking as the SQLite store (one query plan), tf-idf for relevance."""

    def __init__(self, synonyms: Synonyms | None = None) -> None:
        self._synonyms = Synonyms.builtin() if synonyms is None else synonyms
        self._documents: dict[str, DocumentInfo] = {}
        self._entries: dict[str, list[_Entry]] = {}
        self._vocabulary: Vocabulary | None = None
        self._lock = threading.Lock()

    def put(self, document: DocumentInfo, chunks: Sequence[Chunk]) -> None:
        document = attrs.evolve(document, chunk_count=len(chunks))
        title = index_terms(document.name)
        entries = [
            _Entry(document, c, Candidate(index_terms(c.location), index_terms(c.text), title))
            for c in chunks
        ]
        with self._lock:
            for old in [d.id for d in self._documents.values() if d.name == document.name]:
                self._drop(old)
            self._drop(document.id)
            self._documents[document.id] = document
            self._entries[document.id] = entries
            self._vocabulary = None

    def remove(self, document_id: str) -> None:
        with self._lock:
            if document_id not in self._documents:
                raise DocumentNotFound("Documento no encontrado")
            self._drop(document_id)
            self._vocabulary = None

    def list_documents(self) -> list[DocumentInfo]:
        with self._lock:
            return sorted(self._documents.values(), key=lambda d: d.name)

    def search(self, query: str, k: int = 5) -> list[Passage]:
        with self._lock:
            entries = [e for group in self._entries.values() for e in group]
            vocabulary = self._vocabulary = self._vocabulary or _vocabulary(entries, self._synonyms)
        if k < 1 or not query.strip() or not entries:
            return []
        plan = plan_query(query, self._synonyms, vocabulary)
        wanted = searchable(plan, vocabulary)
        candidates = [e for e in entries if any(_holds(e.candidate, a) for a in wanted)]
        hits = [(e, _relevance(plan, e.candidate, vocabulary)) for e in candidates]
        ranker = Ranker(plan, vocabulary)
        covered = [ranker.coverage(e.candidate) for e, _ in hits]
        scores = blended(covered, [r for _, r in hits])
        order = sorted(range(len(hits)), key=lambda i: (-scores[i], -hits[i][1], i))[:k]
        return [_passage(hits[i][0], scores[i]) for i in order]

    def _drop(self, document_id: str) -> None:
        self._documents.pop(document_id, None)
        self._entries.pop(document_id, None)


def _vocabulary(entries: list[_Entry], synonyms: Synonyms) -> Vocabulary:
    frequencies: Counter[str] = Counter()
    for entry in entries:
        c = entry.candidate
        frequencies.update(set(c.heading) | set(c.body) | set(c.title))
    vocabulary = Vocabulary(frequencies, synonyms.single_terms())
    vocabulary.passages = len(entries)
    return vocabulary


def _relevance(plan: QueryPlan, candidate: Candidate, vocabulary: Vocabulary) -> float:
    """A tf-idf score with saturation over every alternative of the plan, weighted by field."""
    total = 0.0
    for alternative in plan.alternatives:
        tf = (
            _count(alternative, candidate.body)
            + _HEADING_WEIGHT * _count(alternative, candidate.heading)
            + _TITLE_WEIGHT * _count(alternative, candidate.title)
        )
        if tf:
            df = vocabulary.frequency(alternative) or 1
            idf = math.log(1 + (vocabulary.passages - df + 0.5) / (df + 0.5))
            total += alternative.weight * idf * tf / (tf + 1.2)
    return total


def _candidate(chunk: Chunk, title: list[str]) -> Candidate:
    return Candidate(index_terms(chunk.location), index_terms(chunk.text), title)


def _holds(candidate: Candidate, alternative: Alternative) -> bool:
    return alternative.matches(candidate.text) or alternative.matches(candidate.title_tokens)


def _count(alternative: Alternative, tokens: Sequence[str]) -> int:
    if alternative.prefix:
        return sum(1 for t in tokens if t.startswith(alternative.terms[0]))
    width = len(alternative.terms)
    return sum(1 for i in range(len(tokens) - width + 1) if tuple(tokens[i : i + width]) == alternative.terms)


def _passage(entry: _Entry, score: float) -> Passage:
    chunk = entry.chunk
    return Passage(entry.document.id, entry.document.name, chunk.location, chunk.text, score, chunk.fact)
