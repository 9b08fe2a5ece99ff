"""Retrieval evaluation: recall@1, recall@5 and no-answer behaviour of SqliteFtsDocumentStore.

Ingests the sample documents (``documentos_macaya/``) and the generated test
documents (``bench/eval_docs/``; ``*.docx.md`` and ``*.pdf.md`` sources are built
with scripts/build_documents.py first) into a store in a temporary directory,
asks every question of ``bench/retrieval_eval.json`` and reports the results.

Run: ``python bench/bench_retrieval.py`` (``-v`` lists every miss).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import statistics
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "bench" / "retrieval_eval.json"
TARGET_RECALL_AT_5 = 0.9
K = 5

sys.path.insert(0, str(ROOT))

from botk_adapters.documents import default_reader  # noqa: E402
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore  # noqa: E402
from botk_core.domain import Passage  # noqa: E402
from botk_core.errors import BotkError  # noqa: E402
from botk_core.ports import DocumentInfo  # noqa: E402


def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form used to compare answers with passages."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def document_key(name: str) -> str:
    """A document's name without its extensions: ``informe.docx`` -> ``informe``."""
    return name.split(".", 1)[0]


def load_eval(path: Path = EVAL_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _builder() -> Any:
    spec = importlib.util.spec_from_file_location("build_documents", ROOT / "scripts" / "build_documents.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_files(corpora: list[str]) -> dict[str, bytes]:
    """File name -> content for every document of the corpora, building ``*.docx.md``/``*.pdf.md``."""
    builder, files = _builder(), {}
    for folder in corpora:
        for path in sorted((ROOT / folder).iterdir()):
            if not path.is_file() or path.name.startswith("."):
                continue
            if path.name.endswith((".docx.md", ".pdf.md")):
                name = path.name.removesuffix(".md")
                blocks = builder.parse(path.read_text(encoding="utf-8"))
                build = builder.build_pdf if name.endswith(".pdf") else builder.build_docx
                files[name] = build(blocks, document_key(name))
            else:
                files[path.name] = path.read_bytes()
    return files


def ingest(store: SqliteFtsDocumentStore, files: dict[str, bytes]) -> dict[str, str]:
    """Put every file into ``store``; return the files that failed, with their error."""
    reader, failures = default_reader(), {}
    for name, data in files.items():
        try:
            chunks = reader.read(name, data)
        except BotkError as error:
            failures[name] = f"{type(error).__name__}: {error}"
            continue
        digest = hashlib.sha256(data).hexdigest()
        store.put(DocumentInfo(id=f"doc_{digest[:24]}", name=name, content_hash=digest), chunks)
    return failures


def answers(passage: Passage, expected: dict[str, Any]) -> bool:
    """Whether ``passage`` is from the expected document and holds every expected text."""
    haystack = fold(f"{passage.location}\n{passage.text}")
    return document_key(passage.document) == expected["document"] and all(
        fold(text) in haystack for text in expected["contains"]
    )


@attrs.frozen
class Outcome:
    """What the store returned for one question."""

    question: dict[str, Any]
    rank: int | None  # 1-based rank of the first answering passage
    top: Passage | None
    count: int

    @property
    def answerable(self) -> bool:
        return bool(self.question["answers"])


def evaluate(store: SqliteFtsDocumentStore, questions: list[dict[str, Any]], k: int = K) -> list[Outcome]:
    outcomes = []
    for question in questions:
        passages = store.search(question["question"], k)
        rank = next(
            (i for i, p in enumerate(passages, 1) if any(answers(p, a) for a in question["answers"])), None
        )
        outcomes.append(Outcome(question, rank, passages[0] if passages else None, len(passages)))
    return outcomes


def recall(outcomes: list[Outcome], at: int) -> float:
    answerable = [o for o in outcomes if o.answerable]
    return sum(1 for o in answerable if o.rank is not None and o.rank <= at) / max(len(answerable), 1)


def run(eval_data: dict[str, Any] | None = None) -> tuple[list[Outcome], dict[str, str]]:
    """Build a fresh store in a temporary directory and evaluate every question on it."""
    eval_data = eval_data or load_eval()
    with tempfile.TemporaryDirectory(prefix="botk-bench-") as tmp:
        store = SqliteFtsDocumentStore(Path(tmp) / "bench.sqlite3")
        failures = ingest(store, corpus_files(eval_data["corpora"]))
        return evaluate(store, eval_data["questions"]), failures


def _score(outcome: Outcome) -> float:
    return outcome.top.score if outcome.top else 0.0


def report(outcomes: list[Outcome], failures: dict[str, str], verbose: bool = False) -> bool:
    """Print the results; return whether recall@5 meets its target."""
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]
    for name, error in failures.items():
        print(f"FALLÓ la ingesta de {name}: {error}")
    print(f"preguntas: {len(outcomes)} ({len(answerable)} con respuesta, {len(unanswerable)} sin respuesta)")
    print(f"recall@1: {recall(outcomes, 1):.3f}")
    r5 = recall(outcomes, K)
    print(f"recall@5: {r5:.3f}")
    tags = sorted({t for o in answerable for t in o.question["tags"]})
    for tag in tags:
        tagged = [o for o in answerable if tag in o.question["tags"]]
        print(f"  {tag:18} recall@5 {recall(tagged, K):.2f} ({len(tagged)})")
    _report_no_answer(answerable, unanswerable)
    for o in answerable if verbose else []:
        if o.rank is None:
            top = f"{o.top.document} › {o.top.location}" if o.top else "nada"
            print(f"  FALLA {o.question['id']} {o.question['question']!r}: primero {top}")
    met = r5 >= TARGET_RECALL_AT_5
    print(f"recall@5 >= {TARGET_RECALL_AT_5}: {'met' if met else 'not met'}")
    return met


def _report_no_answer(answerable: list[Outcome], unanswerable: list[Outcome]) -> None:
    """How distinguishable unanswerable questions are: empty results and top scores."""
    empty = sum(1 for o in unanswerable if o.count == 0)
    print(f"sin respuesta: {empty}/{len(unanswerable)} no devuelven ningún pasaje")
    hits = [_score(o) for o in answerable if o.rank == 1]
    if hits and unanswerable:
        best_miss = max(_score(o) for o in unanswerable)
        below = sum(1 for s in hits if s > best_miss)
        print(
            f"  puntaje del primer pasaje: aciertos mediana {statistics.median(hits):.2f} "
            f"(mín {min(hits):.2f}); sin respuesta mediana "
            f"{statistics.median(_score(o) for o in unanswerable):.2f} (máx {best_miss:.2f}); "
            f"{below}/{len(hits)} aciertos puntúan sobre toda pregunta sin respuesta"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every question missed at 5")
    args = parser.parse_args()
    outcomes, failures = run()
    sys.exit(0 if report(outcomes, failures, args.verbose) else 1)


if __name__ == "__main__":
    main()
