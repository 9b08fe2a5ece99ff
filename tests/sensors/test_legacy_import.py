"""``botk sensors import data.db``: the old service's file, its zeros, its counts, its bad copies."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from botk_adapters.sensors.legacy_db import load_readings
from botk_adapters.sqlite.measurements import SqliteMeasurementRepository
from botk_web.cli import main
from tests.sensors.legacy_data import LegacyFile, make_legacy_db


@pytest.fixture
def legacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LegacyFile:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    return make_legacy_db(tmp_path / "data.db")


def sqlite_mean(legacy: LegacyFile, field: str) -> float:
    """SQLite's own AVG over the values left once the isolated zeros are set aside."""
    ids = ",".join(str(i) for i in legacy.isolated_zero_ids)
    with sqlite3.connect(legacy.path) as conn:
        query = f"SELECT AVG({field}) FROM mediciones WHERE NOT ({field} = 0 AND idDato IN ({ids}))"
        value = conn.execute(query).fetchone()[0]
    conn.close()
    return float(value)


def test_the_import_prints_its_counts_and_the_empty_tank(legacy: LegacyFile, capsys) -> None:
    assert main(["sensors", "import", "data.db"]) == 0
    out = capsys.readouterr().out
    rows = legacy.rows
    assert (
        f"Registros leídos: {rows} · importados: {rows} (nuevos: {rows}, actualizados: 0, sin cambios: 0) "
        "· omitidos: 0" in out
    )
    assert f"tratados como sin medición: nivel {len(legacy.isolated_zero_ids)}," in out
    assert "batería" in out
    assert "Iquiuca: " in out and "del 1 al 30 de abril de 2023" in out
    assert "Evento: el estanque estuvo vacío 4 horas (el 12 de abril de 2023, de 02:1" in out


def test_a_second_import_changes_nothing_and_says_so(legacy: LegacyFile, capsys) -> None:
    assert main(["sensors", "import", "data.db"]) == 0
    capsys.readouterr()
    assert main(["sensors", "import", "data.db"]) == 0
    out = capsys.readouterr().out
    assert f"importados: {legacy.rows} (nuevos: 0, actualizados: 0, sin cambios: {legacy.rows})" in out
    assert SqliteMeasurementRepository("botk.sqlite3").count() == legacy.rows


def test_a_corrected_reading_counts_as_updated(legacy: LegacyFile, capsys) -> None:
    assert main(["sensors", "import", "data.db"]) == 0
    capsys.readouterr()
    with sqlite3.connect(legacy.path) as conn:
        conn.execute(
            "UPDATE mediciones SET temperatura = temperatura + 1 "
            "WHERE idDato IN (SELECT idDato FROM mediciones LIMIT 3)"
        )
    assert main(["sensors", "import", "data.db"]) == 0
    out = capsys.readouterr().out
    assert f"(nuevos: 0, actualizados: 3, sin cambios: {legacy.rows - 3})" in out


def test_means_equal_sqlites_average_without_the_isolated_zeros(legacy: LegacyFile) -> None:
    assert main(["sensors", "import", "data.db"]) == 0
    averages = SqliteMeasurementRepository("botk.sqlite3").averages("Iquiuca")
    assert round(averages.nivel or 0, 2) == round(sqlite_mean(legacy, "nivel"), 2)
    assert round(averages.humedad or 0, 2) == round(sqlite_mean(legacy, "humedad"), 2)
    assert round(averages.temperatura or 0, 2) == round(sqlite_mean(legacy, "temperatura"), 2)
    assert sqlite_mean(legacy, "nivel") != pytest.approx(_plain_mean(legacy), abs=0.005)


def _plain_mean(legacy: LegacyFile) -> float:
    with sqlite3.connect(legacy.path) as conn:
        value = float(conn.execute("SELECT AVG(nivel) FROM mediciones").fetchone()[0])
    conn.close()
    return value


def test_isolated_zeros_go_missing_and_the_sustained_run_stays(legacy: LegacyFile) -> None:
    loaded = load_readings(str(legacy.path))
    by_id = {r.id_dato: r for r in loaded.readings}
    assert all(by_id[i].nivel is None for i in legacy.isolated_zero_ids)
    empty = [r for r in loaded.readings if legacy.empty_start <= r.timestamp < legacy.empty_end]
    assert len(empty) > 40 and all(r.nivel == 0.0 for r in empty)
    assert sum(1 for r in loaded.readings if r.bateria is None) == loaded.missing["bateria"]
    assert loaded.missing["nivel"] == len(legacy.isolated_zero_ids)


def test_the_status_shows_the_latest_level_and_its_age(legacy: LegacyFile, capsys) -> None:
    main(["sensors", "import", "data.db"])
    capsys.readouterr()
    assert main(["sensors", "status"]) == 0
    out = capsys.readouterr().out
    assert f"Iquiuca: {legacy.rows} lecturas; último nivel válido 1," in out
    assert "hace 3 años, el 30 de abril de 2023" in out


def _table_without_level(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE mediciones (estacion TEXT, timestamp INTEGER)")
    conn.close()


def _other_table(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE lecturas (x INTEGER)")
    conn.close()


def _truncated(path: Path) -> None:
    make_legacy_db(path)
    path.write_bytes(path.read_bytes()[:3000])


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_bytes(b""), "no es una base de datos SQLite (está vacío)"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe"), "no es una base de datos SQLite"),
        (lambda p: p.write_text('{"data": []}', encoding="utf-8"), "no es una base de datos SQLite"),
        (_table_without_level, "no tiene la columna idDato"),
        (_other_table, "no tiene la tabla mediciones"),
        (_truncated, "dañada o ilegible"),
        (lambda p: p.mkdir(), "data.db es una carpeta, no un archivo"),
    ],
)
def test_a_bad_file_is_one_line_of_error_never_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, make, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    make(tmp_path / "data.db")
    assert main(["sensors", "import", "data.db"]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("Error")]
    assert len(lines) == 1 and expected in lines[0], err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("lecturas.json", b"\xff\xfe\x00binario", "no es JSON válido"),
        ("lecturas.json", b"[1, 2", "no es JSON"),
    ],
)
def test_other_bad_files_are_one_line_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, name: str, content: bytes, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    (tmp_path / name).write_bytes(content)
    assert main(["sensors", "import", name]) == 1
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("Error")] != [] and expected in err
    assert "Traceback" not in err


def test_bad_rows_are_rejected_with_their_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOTK_DATABASE", str(tmp_path / "botk.sqlite3"))
    legacy = make_legacy_db(tmp_path / "data.db")
    with sqlite3.connect(legacy.path) as conn:
        conn.execute(
            "INSERT INTO mediciones (idDato, estacion, timestamp, nivel) VALUES (1, NULL, 1682000000, 1.4)"
        )
        conn.execute(
            "INSERT INTO mediciones (idDato, estacion, timestamp, nivel) VALUES (2, 'Iquiuca', 16, 1.4)"
        )
    conn.close()
    assert main(["sensors", "import", "data.db"]) == 0
    out = capsys.readouterr().out
    assert f"importados: {legacy.rows} " in out and "omitidos: 2" in out
    assert "falta estacion" in out and "timestamp fuera de rango" in out
