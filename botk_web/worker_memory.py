"""A serving process that kept too much memory after a request is replaced.

Python rarely gives back to the system memory a heavy request made it take (a
big upload parsed, a long answer built): the process stays large for the rest
of its life, and a few such requests leave every worker near its limit. After
each request the worker checks its resident memory; over the limit it stops
taking new requests, finishes those in flight, and gunicorn starts a fresh one.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger("botk.worker")
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_mb(statm: Path = Path("/proc/self/statm")) -> float | None:
    """This process's resident memory in MB now (None where /proc is not available)."""
    try:
        pages = int(statm.read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * _PAGE_BYTES / (1024 * 1024)


def retire_if_heavy(worker: Any, limit_mb: int, resident: float | None = None) -> bool:
    """Ask ``worker`` to finish and be replaced when it holds more than ``limit_mb`` (0: never)."""
    if limit_mb <= 0 or not worker.alive:
        return False
    now = resident_mb() if resident is None else resident
    if now is None or now <= limit_mb:
        return False
    log.warning(
        "process %s holds %.0f MB (over %d MB): it is replaced after its requests", worker.pid, now, limit_mb
    )
    worker.alive = False
    return True
