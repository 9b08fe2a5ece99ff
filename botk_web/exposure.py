"""Whether a listening address is reachable from other machines, and whether that is allowed."""

from __future__ import annotations

import ipaddress

from botk_web.settings import Settings

REFUSAL = (
    "BOTK no escucha en {host} (accesible desde otras máquinas) sin API_HASH. "
    "Define API_HASH en .env, o usa --insecure (BOTK_INSECURE=1 con gunicorn) "
    "si de verdad lo quieres abierto."
)


def is_loopback(host: str) -> bool:
    """True for localhost and 127.0.0.0/8 or ::1; names other than localhost count as exposed."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_refusal(host: str, settings: Settings, insecure: bool) -> str | None:
    """The message to stop with, or None when listening on ``host`` is fine."""
    if is_loopback(host) or settings.api_hash or insecure:
        return None
    return REFUSAL.format(host=host)
