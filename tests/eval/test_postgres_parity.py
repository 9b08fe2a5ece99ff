"""The same questions get the same passages, in the same order, on SQLite and on PostgreSQL.

Every question of the retrieval evaluation and the first turn of both answer
sets (the sample documents and the field-like ones), against both stores
holding the same files: the answers BOTK writes from them are then the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from botk_adapters.postgres import PostgresDatabase, PostgresDocumentStore
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.domain import Passage
from tests.eval.loaders import load

bench = load("bench/bench_retrieval.py")


def sets() -> dict[str, tuple[Any, list[dict[str, Any]]]]:
    evaluation = bench.load_eval()
    return {
        "evaluation": (lambda: bench.corpus_files(evaluation["corpora"]), evaluation["questions"]),
        "muestras": (
            lambda: bench.corpus_files([bench.SAMPLE_SOURCES]),
            bench.conversation_questions(bench.CONVERSATION_SETS["muestras"]),
        ),
        "campo": (bench.field_like_files, bench.conversation_questions(bench.CONVERSATION_SETS["campo"])),
    }


def shown(passages: list[Passage]) -> list[tuple[str, str, str, object]]:
    return [(p.document, p.location, p.text, p.fact) for p in passages]


@pytest.mark.parametrize("name", ["evaluation", "muestras", "campo"])
def test_both_stores_return_the_same_passages_for_every_question(
    name: str, tmp_path: Path, postgres_database: PostgresDatabase
) -> None:
    files, questions = sets()[name]
    corpus = files()
    sqlite, postgres = (
        SqliteFtsDocumentStore(tmp_path / "a.sqlite3"),
        PostgresDocumentStore(postgres_database),
    )
    assert bench.ingest(sqlite, corpus) == bench.ingest(postgres, corpus) == {}
    differing = [
        q["id"]
        for q in questions
        if shown(sqlite.search(q["question"], 5)) != shown(postgres.search(q["question"], 5))
    ]
    assert len(questions) > 30 and differing == []
