"""The client's address behind a reverse proxy: X-Forwarded-For counts only when it comes from a trusted proxy.

Without `web.trusted_proxies` the address is the TCP peer, so behind nginx every login would share the proxy's
address (one person's typos would throttle everyone). With it, the header is read from the right: each hop a
trusted proxy added is skipped and the first address no trusted proxy vouches for is the client. A header from
anyone else is ignored, so a client cannot pick its own address and slip past the per-address throttle.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    """The configured proxies as networks (a bare address is a network of one); checked when config is read."""
    return tuple(ipaddress.ip_network(t.strip(), strict=False) for t in trusted)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address | None, nets: tuple[Network, ...]) -> bool:
    return address is not None and any(address in net for net in nets)


def client_address(remote: str | None, forwarded_for: list[str], trusted: tuple[str, ...]) -> str | None:
    """The address to throttle and audit. `forwarded_for` holds every X-Forwarded-For header line, in order."""
    nets = networks(trusted)
    if not nets or not _trusted(_address(remote or ""), nets):
        return remote
    hops = [hop for line in forwarded_for for hop in line.split(",") if hop.strip()]
    client = remote
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:  # garbage the client wrote itself: the last trusted hop is all we know
            return client
        client = str(address)
        if not _trusted(address, nets):
            return client
    return client  # every hop is a proxy of ours: the leftmost is the closest we get
