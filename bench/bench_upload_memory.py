"""Peak resident memory of one process while it refuses (or reads) hostile and heavy uploads.

Each case runs in a fresh Python process: a BOTK app on a temporary SQLite file
answers ``POST /documents`` through Flask's test client; the peak RSS of the
process (its peak resident memory, VmHWM) is taken after the request. Six parallel uploads of a
heavy but legal file go through the parse slots (``BOTK_PARSE_SLOTS``).
"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from common import ROOT, Section, at_most

TARGET_MB = 200.0
PARALLEL_TARGET_MB = 300.0


def _pipe_table() -> bytes:
    head = b"| " + b" | ".join(b"c%d" % c for c in range(99)) + b" |\n|" + b"---|" * 99 + b"\n"
    rows = (b"| " + b" | ".join(b"%d" % (r * c) for c in range(99)) + b" |\n" for r in range(20_000))
    return head + b"".join(rows)


def _cases() -> dict[str, Callable[[], tuple[bytes, str]]]:
    from tests.abuse import hostile_files as hostile

    return {
        "14 MB single-line .txt": lambda: (b"abcdefghij" * 1_400_000, "linea.txt"),
        "huge Markdown pipe table": lambda: (_pipe_table(), "tabla.md"),
        "gridSpan bomb .docx": lambda: (
            hostile.gridspan_docx(10**6, 50, 200, vmerge=True),
            "combinadas.docx",
        ),
        "font map bomb .pdf (1 GB)": lambda: (hostile.font_map_bomb_pdf(1024), "fuente.pdf"),
        "6 parallel dense .docx (1.5 MB)": lambda: (hostile.dense_docx(1.5), "denso.docx"),
    }


def probe(case: str, count: int) -> dict[str, object]:
    """In this process: post ``case`` ``count`` times at once; the statuses and the peak RSS."""
    from botk_web import Settings, create_app

    data, name = _cases()[case]()
    folder = tempfile.mkdtemp()
    settings = Settings(
        database_path=f"{folder}/b.sqlite3",
        documents_dir=f"{folder}/docs",
        reports_dir=f"{folder}/r",
        rate_limit_per_minute=0,
    )
    app = create_app(settings)
    statuses: list[int] = []

    def post(upload_name: str) -> None:
        files = {"files": (io.BytesIO(data), upload_name)}
        response = app.test_client().post("/documents", data=files, content_type="multipart/form-data")
        statuses.append(response.status_code)

    threads = [threading.Thread(target=post, args=(f"{n}_{name}",)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "statuses": sorted(statuses),
        "peak_mb": _peak_mb(),
    }


def _peak_mb() -> float:
    """This process's peak resident memory since its exec (VmHWM).

    Not ``ru_maxrss``: Linux keeps that across fork and exec, so a probe started by
    a large parent (``bench/run.py`` after the other benchmarks) would report the parent's size.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(case: str, count: int = 1) -> tuple[list[int], float]:
    """The statuses and peak MB of a fresh process running ``probe``."""
    command = [sys.executable, str(Path(__file__).resolve()), "--probe", case, str(count)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(done.stderr.strip()[-300:])
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return list(found["statuses"]), float(found["peak_mb"])


def run(quick: bool = False) -> Section:
    section = Section("9. Uploads: peak memory of one process on hostile files")
    intro = (__doc__ or "").split("\n\n", 1)[-1].strip()
    section.lines += [intro, "", "| case | statuses | peak MB |", "|---|---|---|"]
    names = list(_cases())
    for case in names[:2] if quick else names:
        count = 6 if case.startswith("6 parallel") else 1
        statuses, peak = measure(case, count)
        section.lines.append(f"| {case} | {statuses} | {peak:.0f} |")
        limit = PARALLEL_TARGET_MB if count > 1 else TARGET_MB
        section.targets.append(at_most(f"{case}: peak < {limit:.0f} MB", peak, limit, " MB", 0))
    return section


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        print(json.dumps(probe(sys.argv[2], int(sys.argv[3]))))
        sys.exit(0)
    result = run("--quick" in sys.argv)
    print("\n".join(result.lines))
    for target in result.targets:
        print(("met  " if target.met else "MISS ") + target.name + ": " + target.detail)
    sys.exit(0 if all(t.met for t in result.targets) else 1)
