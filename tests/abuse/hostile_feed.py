"""A hostile sensor feed on 127.0.0.1: endless, dripping, gzip bombs and redirects inward."""

from __future__ import annotations

import gzip
import time
from http.server import BaseHTTPRequestHandler

GZIP_BOMB = gzip.compress(b"\0" * (100 * 1024 * 1024), 9)


class Hostile(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = getattr(self, "route_" + self.path.strip("/").split("?")[0].replace("-", "_"), None)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        route()

    def route_ok(self) -> None:
        self._send(200, b'{"data": [{"idDato": 1, "estacion": "Iquiuca", "timestamp": 1700000000}]}')

    def route_endless(self) -> None:
        self.send_response(200)
        self.end_headers()
        block = b" " * 65536
        try:
            for _ in range(1024 * 1024 // 64 * 1536):  # 1.5 GB, never sent in full
                self.wfile.write(block)
        except OSError:
            pass

    def route_drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    def route_drip_headers(self) -> None:
        """A status line, then header bytes one at a time: never a complete response head."""
        try:
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(1000):
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    def route_silent(self) -> None:
        """Accepts the request and never answers."""
        time.sleep(30)

    def route_gzip(self) -> None:
        self._send(200, GZIP_BOMB, {"Content-Encoding": "gzip"})

    def route_to_loopback(self) -> None:
        port = self.server.server_address[1]
        self._send(302, b"", {"Location": f"http://127.0.0.1:{port}/ok"})

    def route_to_metadata(self) -> None:
        self._send(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})

    def route_loop(self) -> None:
        self._send(302, b"", {"Location": "/loop"})

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass
