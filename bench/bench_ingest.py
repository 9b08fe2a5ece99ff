"""Ingest speed: a 2.5 MB mostly-image .docx (< 2 s) and re-ingesting an unchanged folder (< 5 %).

The folder holds the sample documents built from ``docs_src/`` plus a generated
Word file shaped like the real annex that was mostly photographs: ~15,000
characters of text, two tables and incompressible images up to 2.5 MB.

Run: ``python bench/bench_ingest.py`` (``--quick``: fewer repetitions).
"""

from __future__ import annotations

import importlib.util
import io
import random
import statistics
import struct
import tempfile
import time
import zlib
from pathlib import Path

import docx
from common import ROOT, Section, at_most, ms, section_main

from botk_adapters.documents import default_reader
from botk_adapters.documents.folder import LocalDocumentFolder
from botk_adapters.sqlite.documents import SqliteFtsDocumentStore
from botk_core.usecases.ingest import IngestDocuments, IngestDocumentsInput, IngestReport

TARGET_BIG_DOCX_SECONDS = 2.0
TARGET_REINGEST_RATIO = 0.05
BIG_DOCX_BYTES = int(2.5 * 1024 * 1024)


def png(width: int, height: int, rng: random.Random) -> bytes:
    """An RGB PNG of noise: photographs compress about as badly."""
    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def part(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + part(b"IHDR", header)
        + part(b"IDAT", zlib.compress(rows, 1))
        + part(b"IEND", b"")
    )


def big_docx(rng: random.Random) -> bytes:
    """~15 k characters of text, two tables and images until the file weighs 2.5 MB."""
    document = docx.Document()
    document.add_heading("Anexo II: infraestructura de los estanques de Macaya", level=1)
    sentence = "El estanque {} tiene una capacidad de {} m³ y su válvula se revisó en {} de 2023. "
    tanks = ["Cau-Cau", "Janchima", "Miraflores", "Puquios", "Cementerios", "Pulcha"]
    for section in range(1, 9):
        document.add_heading(f"{section}. ¿Cómo está el estanque {tanks[section % 6]}?", level=2)
        document.add_paragraph("".join(sentence.format(t, rng.randint(20, 90), "marzo") for t in tanks * 2))
        if section in (3, 6):
            document.add_paragraph(f"Tabla {section}. Inspección de estanques.", style="Caption")
            table = document.add_table(rows=7, cols=4)
            for column, title in enumerate(["Estanque", "Material", "Capacidad (m³)", "Estado"]):
                table.cell(0, column).text = title
            for row, tank in enumerate(tanks, start=1):
                for column, value in enumerate([tank, "hormigón", str(rng.randint(20, 90)), "bueno"]):
                    table.cell(row, column).text = value
    image = 0
    while len(_save(document)) < BIG_DOCX_BYTES - 400_000:
        image += 1
        document.add_picture(io.BytesIO(png(400, 300, rng)))
        document.add_paragraph(f"Figura {image}. Vista del estanque {tanks[image % 6]}.")
    return _save(document)


def _save(document: docx.document.Document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    return raw.getvalue()


def sample_documents(folder: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_documents", ROOT / "scripts" / "build_documents.py")
    assert spec and spec.loader
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    for source in sorted((ROOT / "docs_src" / "documentos_macaya").glob("*.md")):
        name = source.name.removesuffix(".md")
        name = name if name.endswith(".pdf") else name + ".docx"
        build = builder.build_pdf if name.endswith(".pdf") else builder.build_docx
        (folder / name).write_bytes(build(builder.parse(source.read_text(encoding="utf-8")), name))


def ingest(folder: Path, database: Path) -> tuple[IngestReport, float]:
    use_case = IngestDocuments(SqliteFtsDocumentStore(database), default_reader(), LocalDocumentFolder)
    started = time.perf_counter()
    report = use_case.execute(IngestDocumentsInput(folder))
    return report, time.perf_counter() - started


def run(quick: bool = False) -> Section:
    repeats = 2 if quick else 5
    rng = random.Random(11)
    data = big_docx(rng)
    big, first, again = [], [], []
    for attempt in range(repeats):
        with tempfile.TemporaryDirectory(prefix="botk-bench-ingest-") as tmp:
            folder = Path(tmp) / "documentos"
            folder.mkdir()
            (folder / "anexo_infraestructura.docx").write_bytes(data)
            report, seconds = ingest(folder, Path(tmp) / f"solo{attempt}.sqlite3")
            assert not report.failed, report.failed
            big.append(seconds)
            sample_documents(folder)
            report, seconds = ingest(folder, Path(tmp) / "botk.sqlite3")
            assert not report.failed, report.failed
            first.append(seconds)
            report, seconds = ingest(folder, Path(tmp) / "botk.sqlite3")
            assert len(report.skipped) == report.files
            again.append(seconds)
    big_s, first_s, again_s = statistics.median(big), statistics.median(first), statistics.median(again)
    section = Section("Document ingestion")
    section.lines += [
        f"Big file: generated .docx of {len(data) / 1024 / 1024:.2f} MB "
        "(mostly PNG images, ~15 k characters, "
        f"two tables). Folder: that file plus the {report.files - 1} sample documents built from docs_src/. "
        f"Median of {repeats} runs into a fresh SQLite file.",
        "",
        "| step | median ms |",
        "|---|---|",
        f"| ingest the 2.5 MB .docx alone | {ms(big_s)} |",
        f"| first ingest of the folder | {ms(first_s)} |",
        f"| re-ingest of the unchanged folder | {ms(again_s)} |",
    ]
    section.targets += [
        at_most("2.5 MB mostly-image .docx ingests in < 2 s", big_s, TARGET_BIG_DOCX_SECONDS, " s", 3),
        at_most(
            "re-ingest unchanged folder < 5 % of first",
            100 * again_s / first_s,
            100 * TARGET_REINGEST_RATIO,
            " %",
        ),
    ]
    section.data = {"big_docx_s": big_s, "first_s": first_s, "reingest_s": again_s, "bytes": len(data)}
    return section


def main() -> None:
    section_main(run, __doc__ or "")


if __name__ == "__main__":
    main()
