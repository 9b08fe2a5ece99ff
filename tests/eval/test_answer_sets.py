"""The answer-evaluation sets follow the format, cover what the field asks, and match their documents."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.eval.loaders import ROOT, load

bench = load("bench/bench_retrieval.py")
field_like = load("tests/fixtures/field_like/build_field_like.py")
SCORED = {"expect", "expect_any", "not_found"}


def _conversations(path: Path) -> list[dict[str, Any]]:
    return list(json.loads(path.read_text(encoding="utf-8"))["conversations"])


def _turns(conversations: list[dict[str, Any]], tag: str | None = None) -> list[dict[str, Any]]:
    return [
        t for c in conversations if tag is None or tag in c["tags"] for t in c["turns"] if SCORED & set(t)
    ]


def test_the_sample_set_has_what_the_field_asks() -> None:
    conversations = _conversations(bench.CONVERSATION_SETS["muestras"])
    follow_ups = [t for c in conversations for t in c["turns"][1:] if SCORED & set(t)]
    assert len(_turns(conversations)) >= 110 and len(follow_ups) >= 25
    assert len(_turns(conversations, "tabla")) >= 25
    typos = {id(t) for tag in ("error_tipeo", "sin_tildes") for t in _turns(conversations, tag)}
    assert len(typos) >= 15
    assert sum(1 for t in _turns(conversations) if t.get("not_found")) >= 12
    tags = Counter(tag for c in conversations for tag in c["tags"])
    for tag in ("si_no", "quien_cual", "colores", "lista", "sinonimo", "fecha", "abreviatura"):
        assert tags[tag] >= 3, tag
    assert len({c["id"] for c in conversations}) == len(conversations)


@pytest.mark.parametrize("name", ["muestras", "campo"])
def test_every_scored_turn_says_what_it_expects_and_where(name: str) -> None:
    for turn in _turns(_conversations(bench.CONVERSATION_SETS[name])):
        if turn.get("not_found"):
            assert not (set(turn) & {"expect", "expect_any", "document", "documents"}), turn
        else:
            assert turn.get("document") or turn.get("documents"), turn
            assert all(isinstance(s, str) and s for s in turn.get("expect", [])), turn


def test_the_field_like_documents_are_current_with_their_script(tmp_path: Path) -> None:
    committed = ROOT / "tests" / "fixtures" / "field_like" / "documentos"
    for fresh in field_like.build(tmp_path):
        texts = [
            [p.text for p in docx.Document(str(path)).paragraphs]
            + [c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells]
            for path in (fresh, committed / fresh.name)
        ]
        assert texts[0] == texts[1], f"run python {field_like.__file__} ({fresh.name} is stale)"
