"""A bounded HTTP download for untrusted feeds: bytes, total time and redirects all capped.

Every hop, and the peer actually connected to, must be a public address
(``http_hosts``), except the configured URL's own host or when
``allow_private`` says so. One deadline, ``total_seconds``, covers every
hop's connection, response headers and body: a watchdog shuts every socket
the download opened when it passes, so a server that drips its headers or
its body one byte at a time is cut then, whatever the per-read timeout.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import attrs
import requests
import urllib3

from botk_adapters.http_deadline import DeadlineWatch, watched_session
from botk_adapters.http_hosts import Resolver, check_hop, check_peer, is_public, resolve
from botk_core.errors import UpstreamError, UpstreamTimeout, UpstreamUnavailable

__all__ = ["DEFAULT_FETCH", "MB", "FetchBudget", "Resolver", "fetch", "is_public", "redacted", "resolve"]

MB = 1024 * 1024
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@attrs.frozen
class FetchBudget:
    """Limits of one download; the defaults are the settings' documented defaults."""

    max_bytes: int = 16 * MB
    total_seconds: float = 60.0
    connect_seconds: float = 5.0
    max_redirects: int = 3
    allow_private: bool = False


DEFAULT_FETCH = FetchBudget()


_SECRET_PARAMS = ("key", "token", "secret", "pass", "sig", "auth")


def redacted(url: str) -> str:
    """``url`` as it may be printed or logged: ``user:***@``, and secret-looking query values as ``***``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        user, has_password, _ = userinfo.partition(":")
        netloc = f"{user}:***@{host}" if has_password else f"***@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        secret = [(k, "***" if any(w in k.lower() for w in _SECRET_PARAMS) else v) for k, v in pairs]
        query = urlencode(secret, safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def fetch(
    url: str,
    budget: FetchBudget = DEFAULT_FETCH,
    what: str = "la fuente de datos",
    resolver: Resolver = resolve,
) -> bytes:
    """The body of ``url`` (after at most ``max_redirects`` checked redirects), or a clear ``BotkError``."""
    deadline = time.monotonic() + budget.total_seconds
    trusted = (urlsplit(url).hostname or "").lower()
    with DeadlineWatch(deadline) as watch, watched_session(watch) as session:
        try:
            return _follow(session, url, trusted, deadline, budget, what, resolver)
        except UpstreamError as error:
            if watch.expired:
                raise _late(what, budget) from error
            raise


def _follow(
    session: requests.Session,
    url: str,
    trusted: str,
    deadline: float,
    budget: FetchBudget,
    what: str,
    resolver: Resolver,
) -> bytes:
    for _ in range(budget.max_redirects + 1):
        check_hop(url, trusted, budget.allow_private, resolver)
        response = _get(session, url, deadline, budget, what)
        with response:
            location = response.headers.get("Location")
            if response.status_code in _REDIRECTS and location:
                url = urljoin(url, location)
                continue
            if response.status_code != 200:
                raise UpstreamUnavailable(f"{what} respondió con error {response.status_code}")
            check_peer(response, trusted, urlsplit(url).hostname or "", budget.allow_private)
            return _read(response, deadline, budget, what)
    raise UpstreamUnavailable(f"{what} redirige más de {budget.max_redirects} veces")


def _get(
    session: requests.Session, url: str, deadline: float, budget: FetchBudget, what: str
) -> requests.Response:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _late(what, budget)
    timeout = (min(budget.connect_seconds, remaining), remaining)
    headers = {"Accept-Encoding": "gzip, deflate", "User-Agent": "botk"}
    try:
        return session.get(url, timeout=timeout, stream=True, allow_redirects=False, headers=headers)
    except requests.Timeout as error:
        raise UpstreamTimeout(f"{what} no respondió a tiempo") from error
    except requests.RequestException as error:
        raise UpstreamUnavailable(f"no pude conectarme a {what}") from error


def _read(response: requests.Response, deadline: float, budget: FetchBudget, what: str) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > budget.max_bytes:
        raise _too_big(what, budget)
    body = bytearray()
    try:
        for piece in _decoded(response, budget, what):
            body += piece
            if len(body) > budget.max_bytes:
                raise _too_big(what, budget)
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError) as error:
        if time.monotonic() >= deadline:
            raise _late(what, budget) from error
        raise UpstreamUnavailable(f"{what} cortó la descarga") from error
    if time.monotonic() > deadline:
        raise _late(what, budget)
    return bytes(body)


def _decoded(response: requests.Response, budget: FetchBudget, what: str) -> Iterator[bytes]:
    """Raw reads, inflated here with an output cap (a gzip bomb stops at ``max_bytes``)."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "deflate", ""):
        raise UpstreamError(f"{what} usa una compresión no soportada ({encoding})")
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32) if encoding in ("gzip", "deflate") else None
    # read1 returns what has arrived; the watchdog unblocks it at the deadline either way.
    read = getattr(response.raw, "read1", None) or response.raw.read
    while raw := read(_CHUNK, decode_content=False):
        if inflater is None:
            yield raw
            continue
        data = inflater.decompress(raw, budget.max_bytes + 1)
        yield data
        if inflater.unconsumed_tail:
            raise _too_big(what, budget)


def _late(what: str, budget: FetchBudget) -> UpstreamTimeout:
    return UpstreamTimeout(f"{what} no terminó de responder en {budget.total_seconds:.0f} s")


def _too_big(what: str, budget: FetchBudget) -> UpstreamError:
    return UpstreamError(f"{what} envía más de {budget.max_bytes / MB:.0f} MB (límite BOTK_SENSOR_MAX_BYTES)")
