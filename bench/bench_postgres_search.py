"""Document search on SQLite FTS5 and on PostgreSQL full-text search: latency by size, and retrieval quality.

Latency: the synthetic Zipf corpus and user-style queries of bench_search.py at
1k, 10k and 100k chunks, the same chunks in both stores. Quality: the project's
retrieval evaluation (bench/retrieval_eval.json) on both, recall@1 and @5.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import bench_retrieval
import pg_server
from bench_search import CHUNKS_PER_DOCUMENT, QUERIES, SIZES, latencies, vocabulary
from common import Section, at_least, at_most, ms, percentile

from botk_adapters.postgres import PostgresDatabase, PostgresDocumentStore
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.domain import Chunk, DocumentInfo
from botk_core.ports import DocumentStore

TARGET_P50_MS = 10.0


@contextmanager
def stores() -> Iterator[dict[str, DocumentStore]]:
    """An empty SQLite store and an empty PostgreSQL store."""
    url = pg_server.fresh_database()
    database = PostgresDatabase(url)
    try:
        with tempfile.TemporaryDirectory(prefix="botk-bench-pgsearch-") as tmp:
            yield {
                "sqlite": SqliteFtsDocumentStore(Path(tmp) / "botk.sqlite3"),
                "postgresql": PostgresDocumentStore(database),
            }
    finally:
        database.close()
        pg_server.drop(url)


def fill(targets: dict[str, DocumentStore], size: int, seed: int = 7) -> None:
    """The same synthetic documents into every store."""
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    for start in range(0, size, CHUNKS_PER_DOCUMENT):
        chunks = [
            Chunk(
                " ".join(rng.choices(words, weights, k=rng.randint(60, 180)))
                + f" {rng.randint(2019, 2025)}.",
                f"{rng.randint(1, 12)}. " + " ".join(rng.choices(words, weights, k=4)).capitalize(),
            )
            for _ in range(min(CHUNKS_PER_DOCUMENT, size - start))
        ]
        info = DocumentInfo(f"doc_{start:032x}", f"documento_{start}.docx", str(start))
        for store in targets.values():
            store.put(info, chunks)


def latency_section(quick: bool) -> Section:
    sizes, rounds = (SIZES[:2], 10) if quick else (SIZES, 50)
    section = Section("9c. Document search: SQLite FTS5 vs PostgreSQL (k=5)")
    section.lines += [
        f"The synthetic corpus of bench_search.py, the same chunks in both stores; {len(QUERIES)} user-style "
        f"queries x {rounds} rounds after a warm-up pass. PostgreSQL: {pg_server.description()}.",
        "",
        "| chunks | SQLite p50 ms | SQLite p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms |",
        "|---|---|---|---|---|",
    ]
    for size in sizes:
        with stores() as targets:
            fill(targets, size)
            times = {name: latencies(store, rounds) for name, store in targets.items()}
        cells = [f"{ms(percentile(times[n], 50))} | {ms(percentile(times[n], 95))}" for n in targets]
        section.lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
        if size == 10_000:
            p50 = percentile(times["postgresql"], 50) * 1000
            section.targets.append(
                at_most("PostgreSQL search p50 < 10 ms at 10,000 chunks", p50, TARGET_P50_MS, " ms")
            )
    return section


def retrieval_section() -> Section:
    data = bench_retrieval.load_eval()
    files = bench_retrieval.corpus_files(data["corpora"])
    rows, recalls = [], {}
    with stores() as targets:
        for name, store in targets.items():
            failures = bench_retrieval.ingest(store, files)
            outcomes = bench_retrieval.evaluate(store, data["questions"])
            recalls[name] = (bench_retrieval.recall(outcomes, 1), bench_retrieval.recall(outcomes, 5))
            rows.append(f"| {name} | {recalls[name][0]:.3f} | {recalls[name][1]:.3f} | {len(failures)} |")
    section = Section("9d. Document retrieval quality: SQLite vs PostgreSQL (bench/retrieval_eval.json)")
    section.lines += [
        f"{len(data['questions'])} questions over the sample and evaluation documents, k=5, the same files "
        "ingested into both stores.",
        "",
        "| store | recall@1 | recall@5 | documents that failed to ingest |",
        "|---|---|---|---|",
        *rows,
    ]
    for at, index in (("1", 0), ("5", 1)):
        section.targets.append(
            at_least(
                f"PostgreSQL recall@{at} >= SQLite's",
                recalls["postgresql"][index],
                recalls["sqlite"][index],
                "",
                3,
            )
        )
    return section


def run(quick: bool = False) -> list[Section]:
    return [latency_section(quick), retrieval_section()]
