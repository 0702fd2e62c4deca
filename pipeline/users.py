"""Users of the web UI: roles, what each role may do, and password hashes (Werkzeug's, in its maintained format)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from pipeline.errors import GriffieError, NotFound
from pipeline.registry.models import AuditEntry, User

ROLES: tuple[str, ...] = ("assistent", "griffier", "lezer")
ROLE_LABELS = {"assistent": "griffie-assistent", "griffier": "griffier", "lezer": "lezer"}
# What each role may do; "read" is every page, "review" confirms and corrects, "adopt" fixes lists.
PERMISSIONS: dict[str, frozenset[str]] = {
    "lezer": frozenset({"read"}),
    "assistent": frozenset({"read", "review", "retry"}),
    "griffier": frozenset({"read", "review", "retry", "adopt", "manage_users"}),
}
MIN_PASSWORD_LENGTH = 8
# Werkzeug's scrypt ('scrypt:32768:8:1$salt$hash', n=2**15: ~80 ms and 32 MB), a format it keeps verifying
# across releases; Werkzeug comes with Flask. Hashes of the hand-made format before it ('scrypt$n$r$p$salt$hash')
# still verify and are replaced at the next login (authenticate).
HASH_METHOD = "scrypt"
LEGACY_PREFIX = "scrypt$"


def can(role: str | None, action: str) -> bool:
    """Whether a role may perform an action (read, review, retry, adopt, manage_users)."""
    return action in PERMISSIONS.get(role or "", frozenset())


def hash_password(password: str) -> str:
    """A salted scrypt hash in Werkzeug's format (method, parameters, salt and hash in one string)."""
    return generate_password_hash(password, method=HASH_METHOD)


def needs_rehash(stored: str) -> bool:
    """A hash in the old hand-made format: replaced by hash_password at the next successful login."""
    return stored.startswith(LEGACY_PREFIX)


def verify_password(password: str, stored: str) -> bool:
    """True when password matches the stored hash (either format); a malformed hash never matches."""
    if needs_rehash(stored):
        return _verify_legacy(password, stored)
    try:
        return check_password_hash(stored, password)
    except (ValueError, TypeError):  # an unknown method or a damaged hash
        return False


def _verify_legacy(password: str, stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 6:
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(expected),
                            maxmem=128 * r * n * 2)
    return hmac.compare_digest(digest, expected)


def check_new_user(name: str, role: str, password: str) -> str:
    """The cleaned user name; raises a GriffieError with a Dutch sentence when something is wrong."""
    name = name.strip()
    if not name or len(name) > 128 or any(c.isspace() for c in name):
        raise GriffieError("Een gebruikersnaam is 1 tot 128 tekens zonder spaties.")
    if role not in ROLES:
        raise GriffieError(f"Onbekende rol '{role}': kies uit {', '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise GriffieError(f"Het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens hebben.")
    return name


def add_user(s: Session, name: str, role: str, password: str, actor: str = "cli") -> User:
    """Create a user inside the caller's transaction; a taken name is refused."""
    name = check_new_user(name, role, password)
    if s.scalar(select(User.id).where(User.name == name)) is not None:
        raise GriffieError(f"Gebruiker '{name}' bestaat al.")
    user = User(name=name, role=role, password_hash=hash_password(password))
    s.add(user)
    try:
        s.flush()
    except IntegrityError as e:  # a concurrent add of the same name
        raise GriffieError(f"Gebruiker '{name}' bestaat al.") from e
    s.add(AuditEntry(actor=actor, action="user_added", detail={"name": name, "role": role}))
    return user


def end_sessions(user: User) -> None:
    """Every session cookie of this user stops counting (the web layer compares this version)."""
    user.session_version = (user.session_version or 0) + 1


def set_password(s: Session, name: str, password: str, actor: str = "cli") -> User:
    """A new password (also the reset by a griffier); every existing session of the user ends."""
    user = get_user(s, name)
    check_new_user(user.name, user.role, password)
    user.password_hash = hash_password(password)
    end_sessions(user)
    s.add(AuditEntry(actor=actor, action="password_changed", detail={"name": user.name}))
    return user


def set_role(s: Session, name: str, role: str, actor: str = "cli") -> User:
    user = get_user(s, name)
    if role not in ROLES:
        raise GriffieError(f"Onbekende rol '{role}': kies uit {', '.join(ROLES)}.")
    _keep_a_griffier(s, user, role=role)
    old, user.role = user.role, role
    end_sessions(user)
    s.add(AuditEntry(actor=actor, action="user_role_changed", detail={"name": user.name, "from": old, "to": role}))
    return user


def set_disabled(s: Session, name: str, disabled: bool, actor: str = "cli") -> User:
    """Disable (no login, every session ends) or enable a user; the history keeps the name."""
    user = get_user(s, name)
    if disabled:
        _keep_a_griffier(s, user, disabled=True)
        end_sessions(user)
    user.disabled = disabled
    s.add(AuditEntry(actor=actor, action="user_disabled" if disabled else "user_enabled", detail={"name": user.name}))
    return user


def remove_user(s: Session, name: str, actor: str = "cli") -> None:
    """Remove a user; decisions and audit entries keep the name as text."""
    user = get_user(s, name)
    _keep_a_griffier(s, user, disabled=True)
    s.delete(user)
    s.add(AuditEntry(actor=actor, action="user_removed", detail={"name": name}))


def _keep_a_griffier(s: Session, user: User, role: str | None = None, disabled: bool = False) -> None:
    """Refuse the change that would leave no active griffier to manage users."""
    if user.role != "griffier" or user.disabled or (role == "griffier" and not disabled):
        return
    others = s.scalar(select(func.count()).select_from(User).where(User.role == "griffier", User.id != user.id,
                                                                    User.disabled.is_(False)))
    if not others:
        raise GriffieError(f"'{user.name}' is de laatste actieve griffier; maak eerst iemand anders griffier.")


def get_user(s: Session, name: str) -> User:
    user = s.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(f"Gebruiker '{name}' bestaat niet.")
    return user


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.name)))


def authenticate(s: Session, name: str, password: str) -> User | None:
    """The user when name and password match, else None (the same work either way, against timing probes)."""
    user = s.scalar(select(User).where(User.name == name.strip()))
    if user is None or user.disabled:
        verify_password(password, _dummy_hash())
        return None
    if not verify_password(password, user.password_hash):
        return None
    if needs_rehash(user.password_hash):  # the caller's transaction stores the upgraded hash
        user.password_hash = hash_password(password)
        s.add(AuditEntry(actor=user.name, action="password_rehashed", detail={"name": user.name}))
    return user


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_hex(8))
