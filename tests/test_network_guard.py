"""The suite itself cannot reach the internet."""

import socket

import pytest


def test_connecting_beyond_loopback_is_refused() -> None:
    with socket.socket() as sock, pytest.raises(OSError, match="beyond loopback"):
        sock.connect(("93.184.216.34", 80))
