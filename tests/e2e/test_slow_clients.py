"""Slow and idle clients against real gunicorn (deploy/gunicorn.conf.py): the service keeps answering."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.gunicorn_server import Server, start_gunicorn

pytestmark = pytest.mark.e2e

# Few threads, so that a handful of slow clients would hold all of them.
THREADS = "4"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = start_gunicorn(
        tmp_path,
        BOTK_WORKERS="1",
        BOTK_THREADS=THREADS,
        BOTK_REQUEST_READ_TIMEOUT="3",
        BOTK_RATE_LIMIT="0",
        BOTK_GRACEFUL_TIMEOUT="30",
    )
    try:
        yield running
    finally:
        running.stop()


def _address(server: Server) -> tuple[str, int]:
    return "127.0.0.1", int(server.url.rsplit(":", 1)[1])


@contextlib.contextmanager
def _slow_clients(server: Server, first: bytes, drip: bytes, count: int) -> Iterator[list[socket.socket]]:
    """``count`` connections that send ``first`` and then ``drip`` every half second."""
    socks = [socket.create_connection(_address(server), timeout=5) for _ in range(count)]
    for sock in socks:
        if first:
            sock.sendall(first)
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(0.5):
            for sock in socks:
                with contextlib.suppress(OSError):
                    sock.send(drip)

    dripper = threading.Thread(target=trickle, daemon=True)
    dripper.start()
    try:
        yield socks
    finally:
        stop.set()
        dripper.join()
        for sock in socks:
            sock.close()


def _health_times(server: Server, rounds: int = 4) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.monotonic()
        assert requests.get(server.url + "/health", timeout=10).status_code == 200
        times.append(time.monotonic() - start)
    return times


def _trickle_until_answered(sock: socket.socket, seconds: float) -> float:
    """Send a byte every 0.3 s until the server answers or closes; the seconds that took."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if sock.recv(4096) is not None:
                break
        except TimeoutError:
            with contextlib.suppress(OSError):
                sock.send(b"x")
        except OSError:
            break
    return time.monotonic() - start


def test_health_answers_while_clients_drip_headers_and_bodies_or_stay_idle(server: Server) -> None:
    body_head = (
        b"POST /chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 100000\r\n\r\nthread_id="
    )
    with (
        _slow_clients(server, b"GET /health HTTP/1.1\r\nHost: x\r\n", b"X-a: b\r\n", 40),
        _slow_clients(server, body_head, b"a", 40),
        _slow_clients(server, b"", b"", 100),
    ):
        time.sleep(1.5)
        assert max(_health_times(server)) < 2
        # A client with a whole request in hand is served as usual, twice on one connection.
        with requests.Session() as session:
            for _ in range(2):
                assert session.get(server.url + "/listAssistants", timeout=10).status_code == 200


def test_a_request_that_never_finishes_arriving_gets_a_408_and_is_closed(server: Server) -> None:
    with _slow_clients(server, b"GET /health HTTP/1.1\r\nHost: x\r\n", b"X-a: b\r\n", 1) as (sock,):
        start = time.monotonic()
        sock.settimeout(10)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
        took = time.monotonic() - start
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b'"code": "request_timeout"' in answer
    assert 2.5 < took < 6


def test_a_body_declared_over_the_limit_is_refused_at_once_without_waiting_for_it(server: Server) -> None:
    head = b"POST /documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
    with socket.create_connection(_address(server), timeout=10) as sock:
        sock.sendall(head + b"Content-Length: 10737418240\r\n\r\n")  # keep-alive, as clients send
        start = time.monotonic()
        answer = b""
        while chunk := sock.recv(4096):  # the server closes: nothing more can come on it
            answer += chunk
        took = time.monotonic() - start
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert took < 2  # the read timeout is 3 s: a 408, or waiting for the body, would take longer


def test_a_large_body_that_stops_keeping_pace_is_cut_and_a_steady_one_is_read(server: Server) -> None:
    head = b"POST /chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
    with socket.create_connection(_address(server), timeout=0.3) as sock:
        sock.sendall(head % 1_000_000 + b"x" * 200_000)  # past what the event loop buffers, then a trickle
        assert _trickle_until_answered(sock, seconds=12) < 9
    assert max(_health_times(server)) < 2
    # A steady body past the buffered part is read whole: the app answers about its content.
    big = b'{"thread_id": "nope", "message": "' + b"a" * 300_000 + b'"}'
    response = requests.post(
        server.url + "/chat", data=big, headers={"Content-Type": "application/json"}, timeout=10
    )
    assert response.status_code in (400, 404, 413) and "code" in response.json()


def test_a_malformed_chunked_body_is_a_json_400(server: Server) -> None:
    request = (
        b"POST /chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
    )
    with socket.create_connection(_address(server), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 400 ")
    assert b'"code": "bad_request"' in answer or b'"code":"bad_request"' in answer


def test_a_stopping_server_does_not_wait_for_silent_connections(tmp_path: Path) -> None:
    server = start_gunicorn(
        tmp_path, BOTK_WORKERS="1", BOTK_REQUEST_READ_TIMEOUT="60", BOTK_GRACEFUL_TIMEOUT="60"
    )
    try:
        with _slow_clients(server, b"", b"", 50):
            time.sleep(0.5)
            start = time.monotonic()
            assert server.stop() == 0
            assert time.monotonic() - start < 8  # a short linger, not the 60 s read timeout
    finally:
        server.stop()
