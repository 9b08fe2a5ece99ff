"""Field-shaped sets the answers were not written for: the blind set and the Cariquima set.

The blind set (Tarucani) was written by an evaluator who never saw the code;
the Cariquima set was written after it, before its first score was known.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from botk_web.cli.eval import evaluate, load_case
from botk_web.settings import Settings
from tests.fixtures.cariquima.build import build as build_cariquima
from tests.fixtures.tarucani.generate import build as build_tarucani

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS: dict[str, tuple[Callable[[Path], list[Path]], Path, int]] = {
    "tarucani": (build_tarucani, FIXTURES / "tarucani" / "questions.json", 100),
    "cariquima": (build_cariquima, FIXTURES / "cariquima" / "questions.json", 60),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_questions_are_answered_with_the_right_fact_and_source_and_no_invented_figure(
    name: str, tmp_path: Path
) -> None:
    build, questions, at_least = SETS[name]
    documents = tmp_path / "docs"
    build(documents)
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    run = evaluate(load_case(questions), settings, documents)
    assert run.totals.scored >= at_least
    assert run.totals.invented == 0
    assert run.totals.score >= 0.9, "\n".join(
        r.turn.ask for r in run.results if r.score and not r.score.right
    )
