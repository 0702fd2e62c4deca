"""Login throttling per account and per address: after a few failures each next try waits longer (audited)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session

from pipeline.registry.models import AuditEntry, LoginThrottle

FREE_FAILURES = 3  # typing errors happen; from the 4th failure on the waits begin
FIRST_WAIT_S = 2
MAX_WAIT_S = 15 * 60


def keys(name: str, address: str | None) -> list[str]:
    return [f"account:{name.strip().lower()[:150]}", f"address:{(address or '?')[:150]}"]


def wait_seconds(failures: int) -> int:
    """2, 4, 8, ... seconds after the free failures, at most a quarter of an hour."""
    if failures <= FREE_FAILURES:
        return 0
    return min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES - 1))


def blocked_for(s: Session, name: str, address: str | None, now: datetime | None = None) -> int:
    """Seconds until a login for this account from this address may be tried again (0: now)."""
    now = now or datetime.now(timezone.utc)
    waits = [0]
    for key in keys(name, address):
        row = s.get(LoginThrottle, key)
        if row is not None and row.blocked_until is not None and row.blocked_until > now:
            waits.append(int((row.blocked_until - now).total_seconds()) + 1)
    return max(waits)


def record_failure(s: Session, name: str, address: str | None, now: datetime | None = None) -> int:
    """Count a failed login on both keys; returns the wait now imposed (seconds)."""
    now = now or datetime.now(timezone.utc)
    longest = 0
    for key in keys(name, address):
        row = s.get(LoginThrottle, key) or LoginThrottle(key=key, failures=0)
        s.add(row)
        row.failures = (row.failures or 0) + 1
        row.last_failure_at = now
        wait = wait_seconds(row.failures)
        row.blocked_until = now + timedelta(seconds=wait) if wait else None
        longest = max(longest, wait)
    if longest:
        s.add(AuditEntry(actor=name or "?", action="login_throttled",
                         detail={"remote": address, "wait_seconds": longest}))
    return longest


def record_success(s: Session, name: str, address: str | None) -> None:
    """A right password clears the account's and the address's count."""
    for key in keys(name, address):
        row = s.get(LoginThrottle, key)
        if row is not None:
            s.delete(row)
