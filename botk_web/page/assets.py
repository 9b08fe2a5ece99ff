"""The page's static files, read once from the package: their bytes, gzip form and content hash."""

from __future__ import annotations

import functools
import gzip
import hashlib
from importlib import resources

import attrs

MIMETYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}


@attrs.frozen
class Asset:
    """One static file; ``digest`` names its content, so a changed file gets a new URL."""

    name: str
    body: bytes
    gzipped: bytes
    mimetype: str
    digest: str


@functools.cache
def assets() -> dict[str, Asset]:
    """Every static file of the page by name (read on first use, never at import)."""
    found: dict[str, Asset] = {}
    for entry in (resources.files("botk_web.page") / "static").iterdir():
        suffix = "." + entry.name.rpartition(".")[2]
        if not entry.is_file() or suffix not in MIMETYPES:
            continue
        body = entry.read_bytes()
        found[entry.name] = Asset(
            name=entry.name,
            body=body,
            gzipped=gzip.compress(body, compresslevel=9, mtime=0),
            mimetype=MIMETYPES[suffix],
            digest=hashlib.sha256(body).hexdigest()[:16],
        )
    return found


def asset_url(name: str) -> str:
    """The versioned URL of a static file: ``/page/<name>?v=<digest>``."""
    return f"/page/{name}?v={assets()[name].digest}"
