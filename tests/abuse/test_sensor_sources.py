"""Sensor feeds and files that try to exhaust memory or time, or reach internal addresses."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from botk_adapters.http_fetch import FetchBudget, fetch, redacted
from botk_adapters.sensors import load_records
from botk_adapters.sensors.legacy_db import load_readings
from botk_adapters.sensors.readers import SourceBudget
from botk_adapters.sensors.records import parse_records
from botk_core.errors import BotkError, InvalidInput, UpstreamError, UpstreamTimeout
from tests.abuse.hostile_feed import Hostile

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def feed() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()


def test_the_configured_host_itself_may_be_local(feed: str) -> None:
    assert len(load_records(f"{feed}/ok")) == 1


def test_an_endless_feed_is_cut_at_the_byte_limit(feed: str) -> None:
    with pytest.raises(UpstreamError, match="BOTK_SENSOR_MAX_BYTES"):
        fetch(f"{feed}/endless", FetchBudget(max_bytes=4 * 1024 * 1024))


def test_a_gzip_bomb_is_cut_at_the_byte_limit(feed: str) -> None:
    with pytest.raises(UpstreamError, match="BOTK_SENSOR_MAX_BYTES"):
        fetch(f"{feed}/gzip", FetchBudget(max_bytes=4 * 1024 * 1024))


def test_a_dripping_feed_is_cut_at_the_total_time(feed: str) -> None:
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout):
        fetch(f"{feed}/drip", FetchBudget(total_seconds=1.5))
    assert time.monotonic() - started < 5  # each byte arrives well within a read timeout


@pytest.mark.parametrize("path", ["drip-headers", "silent"])
def test_a_feed_that_never_finishes_its_headers_is_cut_at_the_total_time(feed: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(UpstreamTimeout, match="no terminó de responder en 2 s"):
        fetch(f"{feed}/{path}", FetchBudget(total_seconds=2))
    assert time.monotonic() - started < 4


def test_the_cli_stops_a_dripping_feed_with_one_error_line(feed: str, tmp_path: Path) -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "botk_web.cli", "sensors", "import", f"{feed}/drip-headers"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "BOTK_SENSOR_FETCH_SECONDS": "2"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 15
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "2 s" in errors[0] and "Traceback" not in done.stderr


@pytest.mark.parametrize("path", ["to-loopback", "to-metadata"])
def test_redirects_to_internal_addresses_are_refused(feed: str, path: str) -> None:
    with pytest.raises(BotkError, match="no pública"):
        fetch(f"{feed}/{path}")


def test_internal_redirects_are_followed_when_configured(feed: str) -> None:
    assert b"Iquiuca" in fetch(f"{feed}/to-loopback", FetchBudget(allow_private=True))


def test_redirects_are_limited(feed: str) -> None:
    with pytest.raises(BotkError, match="redirige más de 3"):
        fetch(f"{feed}/loop")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"data": ' + "[" * 100_000 + "]" * 100_000 + "}", "niveles"),
        ('{"data": [{"idDato": ' + "9" * 5000 + "}]}", "cifras"),
        ('{"data": [}', "no es JSON"),
    ],
)
def test_hostile_json_files_are_clear_errors(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "lecturas.json"
    path.write_text(content)
    with pytest.raises(InvalidInput, match=reason):
        load_records(str(path))


def test_a_csv_field_over_the_limit_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "lecturas.csv"
    path.write_text("idDato,estacion,timestamp\n1,Iquiuca," + "9" * 200_000 + "\n")
    with pytest.raises(InvalidInput, match="128 KB"):
        load_records(str(path))


def test_a_latin1_csv_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "lecturas.csv"
    path.write_bytes(
        "idDato;estacion;timestamp;location\n1;Mamiña;1700000000;Estanque Ñandú\n".encode("latin-1")
    )
    [record] = load_records(str(path))
    assert record["estacion"] == "Mamiña" and record["location"] == "Estanque Ñandú"


def test_a_file_over_the_byte_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "grande.json"
    path.write_bytes(b" " * 5000)
    with pytest.raises(InvalidInput, match="BOTK_SENSOR_MAX_BYTES"):
        load_records(str(path), SourceBudget(fetch=FetchBudget(max_bytes=1024)))


def test_the_cli_never_prints_a_traceback_for_hostile_files(tmp_path: Path) -> None:
    files = {
        "hondo.json": '{"data": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "numero.json": '{"data": [{"idDato": ' + "9" * 5000 + "}]}",
        "campo.csv": "idDato,estacion\n1," + "x" * 200_000 + "\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
        done = subprocess.run(
            [sys.executable, "-m", "botk_web.cli", "sensors", "import", name],
            cwd=tmp_path,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "BOTK_SYNTHETIC_DATA": "off"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1, (name, done.stderr)
        assert "Traceback" not in done.stderr and "Error:" in done.stderr, name


def test_a_url_password_is_never_printed(feed: str, tmp_path: Path) -> None:
    url = feed.replace("http://", "http://lector:clave-secreta@") + "/ok?api_key=token-secreto&dia=1"
    done = subprocess.run(
        [sys.executable, "-m", "botk_web.cli", "sensors", "import", url],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "BOTK_SYNTHETIC_DATA": "off"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout + done.stderr
    assert "lector:***@" in printed and "dia=1" in printed
    assert "clave-secreta" not in printed and "token-secreto" not in printed


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://u:p%40ss@h.cl:8443/a?b=1", "https://u:***@h.cl:8443/a?b=1"),
        ("https://tok123@h.cl/a", "https://***@h.cl/a"),
        ("https://h.cl/a?token=x&accessKey=y&n=2", "https://h.cl/a?token=***&accessKey=***&n=2"),
        ("https://h.cl/datos.json", "https://h.cl/datos.json"),
        ("lecturas.csv", "lecturas.csv"),
    ],
)
def test_credentials_in_urls_are_redacted(url: str, shown: str) -> None:
    assert redacted(url) == shown


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_rows_whose_names_hide_characters_are_rejected_with_the_reason(tmp_path: Path, suffix: str) -> None:
    names = ["Iquiuca", "Iqui\x00uca", "Iqui\u202euca", "Mami\u200bña", "Mamiña\x1b[31m"]
    if suffix == ".json":
        rows = [{"idDato": n, "estacion": name, "timestamp": 1700000000} for n, name in enumerate(names)]
        text = json.dumps({"data": rows})
    else:
        text = "idDato,estacion,timestamp\n" + "".join(
            f"{n},{name},1700000000\n" for n, name in enumerate(names)
        )
    path = tmp_path / f"lecturas{suffix}"
    path.write_text(text, encoding="utf-8")
    loaded = load_readings(str(path))
    assert [r.estacion for r in loaded.readings] == ["Iquiuca"]
    reasons = [r.reason for r in loaded.rejected]
    assert [r.position for r in loaded.rejected] == [2, 3, 4, 5]
    assert all("carácter invisible o de control" in reason for reason in reasons)
    assert "U+0000" in reasons[0] and "U+202E" in reasons[1] and "U+200B" in reasons[2]


def test_a_location_with_a_bidi_override_is_rejected_too() -> None:
    readings, rejected = parse_records(
        [{"idDato": 1, "estacion": "Iquiuca", "timestamp": 1700000000, "location": "Pozo \u202e1"}]
    )
    assert readings == [] and "location" in rejected[0].reason
