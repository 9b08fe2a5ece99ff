"""The production worker's read budget: a request must arrive, a large body must keep pace."""

from __future__ import annotations

import socket
import time

from botk_web.gunicorn_worker import MIN_BODY_RATE, PREBUFFER_BYTES, DeadlineReader, body_to_wait_for


def test_a_reader_past_its_deadline_reports_end_of_data_instead_of_waiting() -> None:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        reader = DeadlineReader(ours)
        reader.start(0.3)
        theirs.sendall(b"abc")
        assert reader.recv(10) == b"abc"
        start = time.monotonic()
        assert reader.recv(10) == b""  # nothing more came: cut at the deadline, not blocked
        assert time.monotonic() - start < 1
        assert ours.gettimeout() is None  # the socket is left as the server had it


def test_bytes_received_buy_time_at_the_minimum_rate() -> None:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        reader = DeadlineReader(ours)
        reader.start(0.5)
        theirs.sendall(b"x" * MIN_BODY_RATE)
        received = b""
        while len(received) < MIN_BODY_RATE and (piece := reader.recv(MIN_BODY_RATE)):
            received += piece
        assert len(received) == MIN_BODY_RATE
        assert reader.deadline - time.monotonic() > 1.2  # the grace plus one second to send the rest


def test_the_event_loop_waits_for_small_bodies_and_the_start_of_large_ones() -> None:
    head = b"POST /chat HTTP/1.1\r\nHost: x\r\nContent-Length: %d"
    assert body_to_wait_for(head % 100) == 100
    assert body_to_wait_for(head % 10_000_000) == PREBUFFER_BYTES
    assert body_to_wait_for(b"GET /health HTTP/1.1\r\nHost: x") == 0
    assert body_to_wait_for(b"POST /chat HTTP/1.1\r\nTransfer-Encoding: chunked") is None
    assert body_to_wait_for(b"POST /chat HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 9") is None
    assert body_to_wait_for(b"POST /chat HTTP/1.1\r\nContent-Length: -1") is None
    # Declared over what the app takes: handed over at once, for the app's 413.
    assert body_to_wait_for(head % 20_000_000, max_body=16_000_000) is None
    assert body_to_wait_for(head % 100, max_body=16_000_000) == 100
