"""The ReportStore contract, run against the filesystem and the in-memory adapter."""

from __future__ import annotations

from pathlib import Path

import pytest

from botk_adapters.memory import InMemoryReportStore
from botk_adapters.reports import FilesystemReportStore
from botk_core.errors import InvalidInput
from botk_core.ids import new_id
from botk_core.ports import ReportStore


@pytest.fixture(params=["memory", "filesystem"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ReportStore:
    if request.param == "memory":
        return InMemoryReportStore()
    return FilesystemReportStore(tmp_path / "reports", engine=None)


def test_a_thread_without_edits_has_no_report(store: ReportStore) -> None:
    assert store.read(new_id("thread")) == ""


def test_an_edit_replaces_the_section_and_escapes_its_content(store: ReportStore) -> None:
    thread_id = new_id("thread")
    store.replace_section(thread_id, "TITLE", "Primer título")
    store.replace_section(thread_id, "TITLE", r"50% & $100 \ {x}")

    report = store.read(thread_id)
    assert "Primer título" not in report
    assert r"50\% \& \$100 \textbackslash{} \{x\}" in report


def test_reports_of_different_threads_are_separate(store: ReportStore) -> None:
    one, other = new_id("thread"), new_id("thread")
    store.replace_section(one, "TITLE", "Informe Macaya")
    assert "Informe Macaya" not in (store.read(other) or "")


def test_an_unknown_section_is_invalid_input(store: ReportStore) -> None:
    with pytest.raises(InvalidInput):
        store.replace_section(new_id("thread"), "NO_SUCH_SECTION", "x")
