"""Run every benchmark in bench/ in one go and write bench/RESULTS.md (``make bench``).

Each benchmark is bounded (a few minutes in all on a 2-core machine). A
benchmark that crashes is reported as such and the others still run; a
missed target is a result, not a failure.

Run: ``python bench/run.py`` (``--quick``: very short smoke durations;
``--only turn_cost,overhead``; ``--out DIR`` to write elsewhere).
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from common import BENCH, ROOT, Section, Target, at_least, machine, not_measured

Runner = Callable[[bool, Path], list[Section]]


def _single(module: str) -> Runner:
    return lambda quick, out: [importlib.import_module(module).run(quick)]


def _concurrency(quick: bool, out: Path) -> list[Section]:
    import bench_concurrency

    return list(bench_concurrency.run(quick, out))


def _document_bench(module: str, title: str) -> Runner:
    """A document benchmark written by others: its ``run(quick)`` if it has one, else its output."""

    def runner(quick: bool, out: Path) -> list[Section]:
        if not (BENCH / f"{module}.py").is_file():
            return [
                Section(title, [f"bench/{module}.py does not exist yet."], [not_measured(title, "no script")])
            ]
        loaded = importlib.import_module(module)
        result = loaded.run(quick) if hasattr(loaded, "run") else None
        if isinstance(result, Section):
            result.title = f"{title.split('.')[0]}. {result.title}"  # number it like the list
            return [result]
        return [_subprocess_section(module, title, quick)]

    return runner


def _subprocess_section(module: str, title: str, quick: bool) -> Section:
    command = [sys.executable, str(BENCH / f"{module}.py"), *(["--quick"] if quick else [])]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    section = Section(
        title, [f"Output of `python bench/{module}.py`:", "", "```", done.stdout.strip(), "```"]
    )
    if done.returncode not in (0, 1):  # 1: a target missed
        raise RuntimeError(f"bench/{module}.py exited with {done.returncode}: {done.stderr.strip()[-300:]}")
    return section


def _retrieval(quick: bool, out: Path) -> list[Section]:
    """recall@1/@5 of the evaluation set, from bench_retrieval's functions."""
    import bench_retrieval

    section = Section("5c. Documents: retrieval quality")
    section.lines += [
        "Spanish questions, SqliteFtsDocumentStore, k=5: bench/retrieval_eval.json (samples built from "
        "docs_src/ and bench/eval_docs/), and the first turn of each conversation of the answer sets "
        "over the samples and over a field-shaped set that is not the samples (tests/fixtures/field_like/).",
        "",
        "| set | questions with an answer | recall@1 | recall@5 | documents that failed to ingest |",
        "|---|---|---|---|---|",
    ]
    runs = {"retrieval_eval.json": bench_retrieval.run()}
    runs |= {
        f"{name} (conversations)": bench_retrieval.run_conversations(name) for name in ("muestras", "campo")
    }
    for name, (outcomes, failures) in runs.items():
        answerable = sum(1 for o in outcomes if o.answerable)
        r1, r5 = bench_retrieval.recall(outcomes, 1), bench_retrieval.recall(outcomes, 5)
        section.lines.append(f"| {name} | {answerable} | {r1:.3f} | {r5:.3f} | {len(failures)} |")
        section.targets.append(at_least(f"{name} recall@5 >= 0.9", r5, 0.9, "", 3))
    return [section]


def _turn_cost(quick: bool, out: Path) -> list[Section]:
    import bench_turn_cost

    return [bench_turn_cost.run(quick, out)]


def _postgres(quick: bool, out: Path) -> list[Section]:
    import bench_postgres
    import bench_postgres_search

    return [*bench_postgres.run(quick), *bench_postgres_search.run(quick)]


BENCHMARKS: dict[str, Runner] = {
    "turn_cost": _turn_cost,
    "overhead": _single("bench_overhead"),
    "transactions": _single("bench_transactions"),
    "concurrency": _concurrency,  # also yields the memory section
    "streaming": _single("bench_streaming"),
    "ingest": _document_bench("bench_ingest", "5a. Documents: ingest throughput"),
    "search": _document_bench("bench_search", "5b. Documents: search latency"),
    "retrieval": _retrieval,
    "sensors": _single("bench_sensors"),
    "page": _single("bench_page"),
    "answers": _single("bench_answers"),
    "postgres": _postgres,  # SQLite vs PostgreSQL, on a throwaway local cluster
    "upload_memory": _single("bench_upload_memory"),
}


def run_one(name: str, runner: Runner, quick: bool, out: Path) -> tuple[list[Section], float]:
    """The benchmark's sections and its wall time; a crash becomes a section saying so."""
    started = time.perf_counter()
    try:
        sections = runner(quick, out)
    except Exception as error:
        last = traceback.format_exc().strip().splitlines()[-1]
        section = Section(f"{name}: crashed", [f"`{last}`"], [not_measured(name, type(error).__name__)])
        section.data["crashed"] = True
        sections = [section]
    return sections, time.perf_counter() - started


def verdict(target: Target) -> str:
    return {True: "met", False: "**not met**", None: "not measured"}[target.met]


def render(sections: list[Section], timings: dict[str, float], command: str) -> str:
    """RESULTS.md: the machine, the command, the targets, then each benchmark's figures."""
    facts = machine()
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# BOTK benchmarks",
        "",
        f"Generated by `{command}` on {now}, commit `{_commit()}`.",
        "",
        f"Machine: {facts['cpu']}, {facts['cores']} cores, {facts['os']}, Python {facts['python']}. "
        "Everything runs on this one machine over 127.0.0.1 (servers, fake upstream and load "
        "generator share the cores), so compare ratios measured in the same run, not absolute times.",
        "",
        "## Targets",
        "",
        "| target | result | figure |",
        "|---|---|---|",
    ]
    lines += [f"| {t.name} | {verdict(t)} | {t.detail} |" for s in sections for t in s.targets]
    for section in sorted(sections, key=_number):
        lines += ["", f"## {section.title}", "", *section.lines]
        lines += [f"\n![{section.title}]({chart})" for chart in section.charts]
    spent = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in timings.items())
    lines += ["", "## Run time", "", f"{spent}; total {sum(timings.values()):.0f} s.", ""]
    return "\n".join(lines)


def _number(section: Section) -> str:
    """Order sections as the issue lists them: "1.", "2.", ..., "5b.", "6."; crashes last."""
    head = section.title.split(" ", 1)[0]
    return head if head[:1].isdigit() else "9"


def _commit() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
        )
        return done.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke durations: checks the harness, not speed")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(BENCHMARKS)}")
    parser.add_argument("--out", type=Path, default=BENCH, help="where RESULTS.md and the charts go")
    args = parser.parse_args(argv)
    chosen = [n for n in args.only.split(",") if n] or list(BENCHMARKS)
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    sections, timings = [], {}
    for name in chosen:
        print(f"== {name} ...", flush=True)
        found, timings[name] = run_one(name, BENCHMARKS[name], args.quick, args.out)
        sections += found
        for target in (t for s in found for t in s.targets):
            print(f"   {verdict(target):14} {target.name}: {target.detail}", flush=True)
    command = "python bench/run.py" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    (args.out / "RESULTS.md").write_text(render(sections, timings, command), encoding="utf-8")
    print(f"wrote {args.out / 'RESULTS.md'}")
    return 1 if any(s.data.get("crashed") for s in sections) else 0


if __name__ == "__main__":
    sys.exit(main())
