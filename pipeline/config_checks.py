"""What a setting may be, beyond its type: the range of every number and the choices of every word-setting.
Checked when config.toml is read, so a wrong value stops the start, not a fetch an hour later."""

from __future__ import annotations

import ipaddress
from typing import Any

# dotted key (array tables without index) -> (lowest, highest), inclusive
RANGES: dict[str, tuple[float, float]] = {
    "registry.busy_timeout_s": (0.05, 3600),
    "models.review_threshold": (0.0, 1.0),
    "models.top_k_topics": (1, 16),
    "intake.max_message_bytes": (1000, 10**11),
    "intake.max_nesting_depth": (0, 50),
    "intake.max_header_bytes": (1000, 10**7),
    "intake.max_headers": (10, 100_000),
    "limits.max_attachment_bytes": (1000, 10**11),
    "limits.max_pdf_pages": (1, 100_000),
    "limits.max_decompressed_bytes": (1000, 10**12),
    "limits.max_image_pixels": (10_000, 10**11),
    "limits.pdf_timeout_s": (1, 3600),
    "limits.ocr_timeout_s_per_page": (1, 3600),
    "limits.ocr_max_pages": (0, 100_000),
    "limits.worker_memory_mb": (256, 1_000_000),
    "limits.max_attachment_depth": (0, 20),
    "web.port": (1, 65535),
    "imap.poll_interval_s": (1, 86_400),
    "imap.idle_renew_s": (10, 1740),  # RFC 2177: renew IDLE within 29 minutes
    "imap.timeout_s": (1, 600),
    "imap.batch_size": (1, 10_000),
    "imap.backoff_max_s": (1, 86_400),
    "imap.accounts.port": (1, 65535),
    "smtp.port": (1, 65535),
    "smtp.timeout_s": (1, 600),
    "smtp.max_attempts": (1, 1000),
    "smtp.backoff_s": (1, 86_400),
    "smtp.backoff_max_s": (1, 604_800),
}

CHOICES: dict[str, tuple[str, ...]] = {
    "imap.accounts.security": ("tls", "starttls"),
    "imap.accounts.after_filing": ("move", "keyword", "none", "delete"),
    "imap.accounts.oauth2.provider": ("microsoft", "command"),
    "imap.accounts.oauth2.flow": ("client_credentials", "refresh_token"),
    "smtp.security": ("starttls", "tls", "none"),
    "smtp.oauth2.provider": ("microsoft", "command"),
    "smtp.oauth2.flow": ("client_credentials", "refresh_token"),
}

# dotted key -> a list of IP addresses or networks (10.0.0.1, 10.0.0.0/8, 2001:db8::/32)
NETWORK_LISTS = ("web.trusted_proxies",)


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)


def problem(dotted: str, value: Any) -> str | None:
    """A Dutch description of what is wrong with this (already typed) value, or None."""
    if dotted in RANGES and isinstance(value, (int, float)):
        lo, hi = RANGES[dotted]
        if not lo <= value <= hi:
            return f"moet tussen {_number(lo)} en {_number(hi)} liggen, niet {_number(value)}"
    if dotted in NETWORK_LISTS:
        for entry in value:
            try:
                ipaddress.ip_network(entry.strip(), strict=False)
            except ValueError:
                return f"bevat {entry!r}: geen IP-adres of netwerk (zoals 10.0.0.1 of 10.0.0.0/8)"
    if dotted in CHOICES and value not in CHOICES[dotted]:
        return f"moet een van {', '.join(CHOICES[dotted])} zijn, niet {value!r}"
    return None
