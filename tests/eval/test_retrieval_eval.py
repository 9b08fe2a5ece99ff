"""The retrieval evaluation sets are well-formed and both document sets meet recall@5 >= 0.9."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from botk_adapters.documents import default_reader
from tests.eval.loaders import load

bench = load("bench/bench_retrieval.py")


@pytest.fixture(scope="module")
def eval_data() -> dict[str, Any]:
    return bench.load_eval()


@pytest.fixture(scope="module")
def corpus(eval_data: dict[str, Any]) -> dict[str, bytes]:
    return bench.corpus_files(eval_data["corpora"])


def test_the_set_has_enough_varied_spanish_questions(eval_data: dict[str, Any]) -> None:
    questions = eval_data["questions"]
    ids = Counter(q["id"] for q in questions)
    tags = Counter(t for q in questions for t in q["tags"])
    assert len(questions) >= 40
    assert [i for i, n in ids.items() if n > 1] == []
    assert all(q["question"].strip() for q in questions)
    for tag in ("tabla", "sin_tildes", "plural", "parafrasis", "sin_respuesta", "pdf"):
        assert tags[tag] >= 3, tag
    assert all(bool(q["answers"]) == ("sin_respuesta" not in q["tags"]) for q in questions)


def test_the_samples_are_built_from_their_sources_not_read_from_the_users_folder(
    eval_data: dict[str, Any], corpus: dict[str, bytes]
) -> None:
    assert bench.SAMPLE_SOURCES in eval_data["corpora"]
    assert "EJEMPLO_informe_calidad_agua.docx" in corpus


def test_every_expected_answer_is_a_passage_of_its_document(
    eval_data: dict[str, Any], corpus: dict[str, bytes]
) -> None:
    reader = default_reader()
    chunks = {bench.document_key(name): reader.read(name, data) for name, data in corpus.items()}
    unreachable = []
    for question in eval_data["questions"]:
        for answer in question["answers"]:
            passages = chunks.get(answer["document"], [])
            texts = [bench.fold(f"{c.location}\n{c.text}") for c in passages]
            if not any(all(bench.fold(s) in t for s in answer["contains"]) for t in texts):
                unreachable.append((question["id"], answer["document"], answer["contains"]))
    assert unreachable == []


def test_recall_at_5_is_at_least_0_9(eval_data: dict[str, Any]) -> None:
    outcomes, failures = bench.run(eval_data)
    missed = [o.question["id"] for o in outcomes if o.answerable and o.rank is None]
    assert failures == {}
    assert bench.recall(outcomes, 5) >= bench.TARGET_RECALL_AT_5, f"missed at 5: {missed}"


@pytest.mark.parametrize("name", ["muestras", "campo"])
def test_the_first_turns_of_both_answer_sets_are_found_at_5(name: str) -> None:
    outcomes, failures = bench.run_conversations(name)
    missed = [o.question["id"] for o in outcomes if o.answerable and (o.rank is None or o.rank > 5)]
    assert failures == {}
    assert bench.recall(outcomes, 5) >= bench.TARGET_RECALL_AT_5, f"missed at 5: {missed}"
