"""Generated request bodies and uploaded files: never a 5xx, always JSON, the shared folder untouched.

Bounded for CI: few examples, a deadline per example, and derandomized so a
run is the same every time.
"""

from __future__ import annotations

import io
import json
from typing import Any

import docx
import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from botk_web import Settings
from tests.abuse import hostile_files as hostile
from tests.abuse.conftest import make_app

FUZZ = settings(
    max_examples=40,
    deadline=5000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
FIELDS = st.dictionaries(
    st.sampled_from(["thread_id", "message", "client_message_id", "files", "otro"]), JSON_VALUES, max_size=5
)


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading("Bitácora", level=1)
    document.add_paragraph("El pozo de Quipisca se revisó en enero.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


VALID = {".docx": _docx(), ".pdf": hostile.many_pages_pdf(2), ".txt": "Texto de prueba ñandú.\n".encode()}


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    root = tmp_path_factory.mktemp("fuzz")
    shared = root / "compartidos"
    shared.mkdir()
    (shared / "manual.md").write_text("# Manual\n\nLa luz roja indica una falla.\n", encoding="utf-8")
    settings_ = Settings(
        database_path=str(root / "botk.sqlite3"),
        documents_dir=str(shared),
        reports_dir=str(root / "reports"),
        rate_limit_per_minute=0,
    )
    return make_app(settings_).test_client()


def _assert_json_error_or_success(response: Any) -> None:
    assert response.status_code < 500, response.data[:300]
    assert response.is_json, response.data[:300]


@FUZZ
@given(body=st.one_of(JSON_VALUES.map(json.dumps), st.text(max_size=200), FIELDS.map(json.dumps)))
@pytest.mark.parametrize("path", ["/chat", "/chat/stream", "/compile"])
def test_generated_json_bodies_never_crash(fuzz_client: FlaskClient, path: str, body: str) -> None:
    response = fuzz_client.post(path, data=body, content_type="application/json")
    if path != "/chat/stream" or response.status_code != 200:
        _assert_json_error_or_success(response)


@FUZZ
@given(
    fields=st.dictionaries(st.sampled_from(["thread_id", "message", "x"]), st.text(max_size=100), max_size=3)
)
def test_generated_form_posts_never_crash(fuzz_client: FlaskClient, fields: dict[str, str]) -> None:
    _assert_json_error_or_success(fuzz_client.post("/chat", data=fields))


@FUZZ
@given(
    name=st.text(max_size=40).map(lambda s: s.replace("\x00", "")),
    extension=st.sampled_from([*sorted(VALID), ".md", ".gif", ""]),
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
    junk=st.binary(max_size=64),
)
def test_generated_and_damaged_uploads_never_crash_or_replace_the_shared_folder(
    fuzz_client: FlaskClient, name: str, extension: str, flips: list[tuple[int, int]], junk: bytes
) -> None:
    data = bytearray(VALID.get(extension, junk))
    for position, value in flips:
        if data:
            data[position % len(data)] = value
    response = fuzz_client.post(
        "/documents",
        data={"files": (io.BytesIO(bytes(data)), name + extension)},
        content_type="multipart/form-data",
    )
    _assert_json_error_or_success(response)
    manual = [d for d in fuzz_client.get("/documents").get_json()["data"] if d["name"] == "manual.md"]
    assert len(manual) == 1 and manual[0]["chunks"] >= 1
