"""Which hosts a download of an untrusted feed may reach: public addresses only.

Every hop is resolved and checked before it is contacted, and the peer
actually connected to is checked again (a second DNS answer may differ).
Loopback, private, link-local and other non-public addresses are refused,
except the configured URL's own host (``trusted``) or when ``allow_private``
says so.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests

from botk_core.errors import UpstreamUnavailable

Resolver = Callable[[str], list[str]]


def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, None)})
    except (socket.gaierror, UnicodeError) as error:
        raise UpstreamUnavailable(f"no pude resolver la dirección {host}") from error


def is_public(address: str) -> bool:
    """Whether ``address`` is a global unicast address (not loopback, private, link-local...)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_hop(url: str, trusted: str, allow_private: bool, resolver: Resolver) -> None:
    """Refuse ``url`` before contacting it: not http(s), or a host with a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UpstreamUnavailable("la dirección de la fuente de datos no es http(s)")
    host = parts.hostname.lower()
    if allow_private or host == trusted:
        return
    if not all(is_public(address) for address in resolver(host)):
        raise UpstreamUnavailable(f"la fuente de datos redirige a una dirección no pública ({host})")


def check_peer(response: requests.Response, trusted: str, host: str, allow_private: bool) -> None:
    """The address actually connected to must pass the same rule (a second DNS answer may differ)."""
    sock = _socket(response)
    if sock is None or allow_private or host.lower() == trusted:
        return
    try:
        peer = sock.getpeername()[0]
    except OSError:
        return
    if not is_public(str(peer)):
        raise UpstreamUnavailable(f"la fuente de datos redirige a una dirección no pública ({host})")


def _socket(response: requests.Response) -> socket.socket | None:
    connection: Any = getattr(response.raw, "connection", None) or getattr(response.raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    return sock if isinstance(sock, socket.socket) else None
