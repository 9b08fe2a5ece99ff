"""Search latency of SqliteFtsDocumentStore at 1k, 10k and 100k chunks (target: p50 < 5 ms at 10k).

Chunks are synthetic passages whose words follow a Zipf law, as words do in
real text: the domain's words (tanks, sensors, lab values, stop words) sit among
the frequent ranks, so common words match thousands of chunks. Queries are the
kind users type.

Run: ``python bench/bench_search.py`` (``--quick``: 1k and 10k only, fewer queries).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from common import Section, at_most, ms, percentile, section_main

from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.domain import Chunk, DocumentInfo

SIZES = (1_000, 10_000, 100_000)
CHUNKS_PER_DOCUMENT = 100
TARGET_P50_MS = 5.0
FILLER_WORDS = 6000
_DOMAIN_TEXT = """
agua estanque estanques nivel sensor sensores humedad temperatura lluvia pronóstico batería panel solar
antena radio LoRaWAN nodo estación luz roja verde parpadeante mantención limpieza revisión cable fuga
válvula plomo arsénico boro sulfato cloruro pH muestra laboratorio resultado límite referencia comunidad
directiva riego cultivo alfalfa turno sector verano invierno otoño primavera diagnóstico crítico moderado
Macaya Iquiuca Quipisca Mamiña Pulcha Janchima Miraflores Puquios Cementerios Cau-Cau de la el en los las
que se con por para una un del al es como más cuando debe puede
"""
WORDS = _DOMAIN_TEXT.split()
_SYLLABLES = "ca pa la ma ta sa ra na da ga ve re te le ne mi ti ri pi lo mo to no so bu cu ru tu"
QUERIES = (
    "¿Qué significa la luz roja parpadeante?",
    "plomo en Pulcha en agosto 2022",
    "¿Cada cuánto hay que limpiar el panel solar?",
    "nivel del estanque Janchima",
    "¿Qué hacer si hay una fuga de agua?",
    "límite de referencia del arsénico",
    "turnos de riego en verano",
    "¿Cómo funciona la red LoRaWAN?",
    "diagnostico hidrico critico",
    "sensores de humedad y temperatura",
)


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Domain words among made-up ones, with Zipf weights: a few words are everywhere, most are rare."""
    syllables = _SYLLABLES.split()
    filler = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(FILLER_WORDS)}
    words = sorted(filler)  # sorted: a set's order changes from run to run
    for index, word in enumerate(WORDS):  # domain words spread over the frequent half of the ranks
        words.insert(min(len(words), index * 8), word)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return words, weights


def build_store(path: Path, size: int, rng: random.Random) -> SqliteFtsDocumentStore:
    store = SqliteFtsDocumentStore(path)
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
        store.put(DocumentInfo(f"doc_{start:032x}", f"documento_{start}.docx", str(start)), chunks)
    return store


def latencies(store: SqliteFtsDocumentStore, rounds: int) -> list[float]:
    for query in QUERIES:  # warm the page cache and the prepared statement
        store.search(query, 5)
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            store.search(query, 5)
            times.append(time.perf_counter() - started)
    return times


def run(quick: bool = False) -> Section:
    sizes = SIZES[:2] if quick else SIZES
    rounds = 20 if quick else 100
    section = Section("Document search latency (SqliteFtsDocumentStore, k=5)")
    section.lines += [
        f"Synthetic chunks of 60-180 words drawn with Zipf weights from the domain's words (tanks, "
        f"sensors, lab values, places, stop words) and {FILLER_WORDS} made-up ones, {CHUNKS_PER_DOCUMENT} "
        "per document; "
        f"{len(QUERIES)} user-style queries x {rounds} rounds, after one warm-up pass.",
        "",
        "| chunks | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|",
    ]
    rng = random.Random(7)
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="botk-bench-search-") as tmp:
            store = build_store(Path(tmp) / "botk.sqlite3", size, rng)
            times = latencies(store, rounds)
        p50 = percentile(times, 50)
        section.lines.append(
            f"| {size:,} | {ms(p50)} | {ms(percentile(times, 95))} | {ms(percentile(times, 99))} |"
        )
        section.data[str(size)] = {"p50": p50, "p95": percentile(times, 95), "p99": percentile(times, 99)}
        if size == 10_000:
            section.targets.append(
                at_most("search p50 < 5 ms at 10,000 chunks", p50 * 1000, TARGET_P50_MS, " ms")
            )
    return section


def main() -> None:
    section_main(run, __doc__ or "")


if __name__ == "__main__":
    main()
