"""Settings: read once from config.toml plus the environment into typed, frozen dataclasses."""

from __future__ import annotations

import os
import re
import tomllib
import warnings
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_type_hints

from pipeline.config_checks import bounded, declared, networks, one_of, problem
from pipeline.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RegistrySettings:
    url: str = "sqlite:///data/griffiepost.db"  # or postgresql+psycopg://user@host/db
    data_dir: str = "data"  # raw messages and derived files
    echo_sql: bool = False
    # SQLite: wait this long for a lock; then the worker backs off and tries again
    busy_timeout_s: float = bounded(30.0, 0.05, 3600)


@dataclass(frozen=True)
class ProfileSettings:
    name: str = "generiek"  # a council profile from rules/profiles/
    rules_dir: str = ""  # empty: the rules/ folder that ships with griffiepost
    council: str = ""  # empty: the profile's own name for the council (rules/profiles/<name>.toml)


@dataclass(frozen=True)
class ModelSettings:
    dir: str = ""  # empty: the models/ folder that ships with griffiepost
    review_threshold: float = bounded(0.55, 0.0, 1.0)  # below this confidence an item needs review
    top_k_topics: int = bounded(3, 1, 16)


@dataclass(frozen=True)
class IntakeSettings:
    max_message_bytes: int = bounded(50_000_000, 1000, 10**11)
    max_nesting_depth: int = bounded(5, 0, 50)  # forwarded messages inside messages
    # a longer header value is cut before parsing (the original is kept)
    max_header_bytes: int = bounded(8192, 1000, 10**7)
    max_headers: int = bounded(500, 10, 100_000)  # headers per message or part read; the rest is skipped with a reason


MB = 1_000_000  # decimal, as in config.toml and in every message a person reads


@dataclass(frozen=True)
class LimitSettings:
    """Every bound the extract stage enforces: the config's `[limits]` table, declared once (the extract stage
    calls it ExtractLimits and receives this very object; nothing copies it field by field)."""

    max_attachment_bytes: int = bounded(25 * MB, 1000, 10**11)  # larger attachments are not read at all -> too_large
    # pages beyond this are not read (status stays ok/ocr, error notes it)
    max_pdf_pages: int = bounded(200, 1, 100_000)
    max_decompressed_bytes: int = bounded(100 * MB, 1000, 10**12)  # zip members of a DOCX, and decoded image pixels
    max_image_pixels: int = bounded(50_000_000, 10_000, 10**11)  # width * height of an image or a rendered page
    pdf_timeout_s: float = bounded(60.0, 1, 3600)  # wall clock for the text pass over one PDF or DOCX
    ocr_timeout_s_per_page: float = bounded(60.0, 1, 3600)  # wall clock for rendering + OCR of one page or image
    ocr_max_pages: int = bounded(30, 0, 100_000)  # at most this many pages of one attachment are OCR'd
    ocr_language: str = "nld"  # Tesseract language(s), e.g. "nld+eng"
    # RLIMIT_AS of the worker process (and its Tesseract children)
    worker_memory_mb: int = bounded(1024, 256, 1_000_000)
    # attachments inside .msg / winmail.dat inside ... at most this deep (intake.max_nesting_depth is the other
    # depth: messages forwarded inside messages, read by the MIME parser)
    max_attachment_depth: int = bounded(3, 0, 20)


@dataclass(frozen=True)
class WebSettings:
    host: str = "127.0.0.1"
    port: int = bounded(8000, 1, 65535)
    secret_key_env: str = "GRIFFIEPOST_SECRET_KEY"  # the session key comes from the environment
    require_login: bool = True  # users from `griffiepost users add`; `griffiepost demo` turns it off for itself
    secure_cookies: bool = True  # the session cookie only over HTTPS; off in `demo` (plain http on localhost)
    public_pages: bool = False  # with require_login: anonymised list and item pages open to visitors
    # reverse proxies (addresses or networks) whose X-Forwarded-For counts
    trusted_proxies: tuple[str, ...] = networks()


@dataclass(frozen=True)
class OAuth2Settings:
    provider: str = one_of("microsoft", "command")
    tenant_id: str = ""
    client_id: str = ""
    client_secret_env: str = ""
    client_secret_file: str = ""
    flow: str = one_of("client_credentials", "refresh_token")
    refresh_token_file: str = ""  # where rotated refresh tokens are kept (refresh_token flow)
    scope: str = "https://outlook.office365.com/.default"
    token_command: str = ""  # provider = "command": a command that prints an access token


@dataclass(frozen=True)
class ImapAccount:
    name: str = "griffie"
    host: str = "imap.example.nl"
    port: int = bounded(993, 1, 65535)
    security: str = one_of("tls", "starttls")
    username: str = "griffie@example.nl"
    password_env: str = "GRIFFIEPOST_IMAP_PASSWORD"
    password_file: str = ""
    ca_file: str = ""  # extra CA bundle (self-signed test servers)
    verify_tls: bool = True
    folders: tuple[str, ...] = ("INBOX",)
    processed_folder: str = "Verwerkt"
    after_filing: str = one_of("move", "keyword", "none", "delete")
    keyword: str = "GriffiepostVerwerkt"
    only_from: tuple[str, ...] = ()  # take only mail whose From contains one of these (client-side, normalised)
    only_subject: tuple[str, ...] = ()  # take only mail whose Subject contains one of these
    oauth2: OAuth2Settings | None = None


@dataclass(frozen=True)
class ImapSettings:
    poll_interval_s: float = bounded(180.0, 1, 86_400)  # full poll: the source of truth
    idle_renew_s: float = bounded(540.0, 10, 1740)  # IDLE renewed every 10 minutes; RFC 2177: within 29
    timeout_s: float = bounded(30.0, 1, 600)  # socket timeout
    batch_size: int = bounded(20, 1, 10_000)
    backoff_max_s: float = bounded(300.0, 1, 86_400)
    accounts: tuple[ImapAccount, ...] = ()


@dataclass(frozen=True)
class SmtpSettings:
    """The council's outgoing mail server for acknowledgements of receipt (empty host: nothing is sent)."""

    host: str = ""  # empty: acknowledgements stay in the outbox (draft/queued), nothing is sent
    port: int = bounded(587, 1, 65535)
    security: str = one_of("starttls", "tls", "none")  # none only on loopback test servers
    username: str = ""  # empty: no login (a relay that trusts the host)
    password_env: str = "GRIFFIEPOST_SMTP_PASSWORD"
    password_file: str = ""
    ca_file: str = ""  # extra CA bundle (self-signed test servers)
    verify_tls: bool = True
    timeout_s: float = bounded(30.0, 1, 600)
    # after this many failures an acknowledgement is 'failed' (shown on the item)
    max_attempts: int = bounded(8, 1, 1000)
    backoff_s: float = bounded(60.0, 1, 86_400)  # first retry after this, doubling per attempt
    backoff_max_s: float = bounded(3600.0, 1, 604_800)
    oauth2: OAuth2Settings | None = None  # Microsoft 365: XOAUTH2 with the same table as for IMAP


@dataclass(frozen=True)
class Settings:
    registry: RegistrySettings = field(default_factory=RegistrySettings)
    profile: ProfileSettings = field(default_factory=ProfileSettings)
    models: ModelSettings = field(default_factory=ModelSettings)
    intake: IntakeSettings = field(default_factory=IntakeSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    web: WebSettings = field(default_factory=WebSettings)
    imap: ImapSettings = field(default_factory=ImapSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    source_file: str | None = None

    @property
    def rules_dir(self) -> Path:
        return Path(self.profile.rules_dir) if self.profile.rules_dir else PROJECT_ROOT / "rules"

    @property
    def models_dir(self) -> Path:
        return Path(self.models.dir) if self.models.dir else PROJECT_ROOT / "models"

    @property
    def data_dir(self) -> Path:
        return Path(self.registry.data_dir)


# dotted key -> what it may be, read from the declarations above (for the docs and tests; the check reads the field)
RANGES: dict[str, tuple[float, float]] = declared(Settings, "range")
CHOICES: dict[str, tuple[str, ...]] = declared(Settings, "choices")

ENV_OVERRIDES = {  # environment variable -> (section, key)
    "GRIFFIEPOST_DB": ("registry", "url"),
    "GRIFFIEPOST_DATA_DIR": ("registry", "data_dir"),
    "GRIFFIEPOST_PROFILE": ("profile", "name"),
}


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read config.toml (or the given file; none is fine) and apply environment overrides."""
    env = dict(os.environ if env is None else env)
    if path is None and env.get("GRIFFIEPOST_CONFIG"):
        path = env["GRIFFIEPOST_CONFIG"]
    if path is None and Path("config.toml").exists():
        path = "config.toml"
    data: dict[str, Any] = {}
    text = ""
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError as e:
            raise ConfigError(f"Configuratiebestand {p} bestaat niet.") from e
        except IsADirectoryError as e:
            raise ConfigError(f"Configuratiebestand {p} is een map, geen bestand.") from e
        except PermissionError as e:
            raise ConfigError(f"Configuratiebestand {p} kan niet worden gelezen: geen leesrechten.") from e
        except UnicodeDecodeError as e:
            raise ConfigError(f"Configuratiebestand {p} is geen UTF-8-tekst.") from e
        except OSError as e:
            raise ConfigError(f"Configuratiebestand {p} kan niet worden gelezen (foutcode {e.errno}).") from e
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"Configuratiebestand {p} is geen geldige TOML {toml_problem(e, text)}.") from e
    for var, (section, key) in ENV_OVERRIDES.items():
        if env.get(var):
            table = data.setdefault(section, {})
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: [{section}] moet één tabel zijn, geen lijst van tabellen of waarde"
                                  f"{_line_of(text, section)}.")
            table[key] = env[var]
    settings = _build(Settings, {k: v for k, v in data.items()}, "", text, str(path))
    return replace(settings, source_file=str(path) if path else None)


TOML_WORDS = [  # tomllib's English, in the order tried (first match wins)
    ("Invalid value", "ongeldige waarde"),
    ("Illegal character", "ongeldig teken"),
    ("Expected newline or end of document", "na een instelling hoort een nieuwe regel"),
    ("Unterminated string", "tekst zonder afsluitend aanhalingsteken"),
    ("Unclosed array", "lijst zonder afsluitende ]"),
    ("Unclosed inline table", "tabel zonder afsluitende }"),
    ("Cannot declare", "deze tabel staat er twee keer in"),
    ("Cannot overwrite a value", "deze instelling staat er twee keer in"),
    ("Unescaped", "losse backslash in tekst (schrijf \\\\ of gebruik enkele aanhalingstekens)"),
    ("Expected '=' after a key", "na de naam hoort ="),
    ("Invalid initial character for a key", "ongeldige naam van een instelling"),
    ("Expected \"'\"", "tekst zonder afsluitend aanhalingsteken"),
]


def toml_problem(e: tomllib.TOMLDecodeError, text: str) -> str:
    """'(regel N, kolom M): what is wrong' in Dutch; tomllib says 'end of document' without a line."""
    message = str(e)
    what = next((nl for en, nl in TOML_WORDS if message.startswith(en)), "syntaxfout")
    m = re.search(r"at line (\d+), column (\d+)", message)
    if m:
        return f"(regel {m.group(1)}, kolom {m.group(2)}): {what}"
    lines = text.splitlines()
    last = next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), max(len(lines), 1))
    return f"(regel {last}, aan het einde van het bestand): {what}"


def _line_of(text: str, dotted: str) -> str:
    """' (regel N)' of the key in its own table ([web] port, not [[imap.accounts]] port)."""
    *table_path, key = dotted.split(".")
    table, n_found = ".".join(table_path), None
    current = ""
    for n, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\[?\s*([A-Za-z0-9_.\s]+?)\s*\]\]?\s*(#.*)?$", line)
        if header:
            current = re.sub(r"\s+", "", header.group(1))
            if current == dotted and n_found is None:
                n_found = n  # the key names a table itself
            continue
        if current == table and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f" (regel {n})"
    return f" (regel {n_found})" if n_found else ""


class ConfigDeprecationWarning(UserWarning):
    """A setting under its old name: still read, with a Dutch note to rename it."""


# old name -> new name; the old one is read for one more release, with a warning
RENAMED = {"limits.max_nesting_depth": "limits.max_attachment_depth"}


def _renamed(where: str, key: str, table: dict, text: str, fname: str) -> str:
    dotted = f"{where}.{key}" if where else key
    new = RENAMED.get(dotted)
    if new is None:
        return key
    new_key = new.rsplit(".", 1)[1]
    if new_key in table:
        raise ConfigError(f"{fname}: '{dotted}' en '{new}' staan er allebei in; laat alleen '{new}' staan"
                          f"{_line_of(text, dotted)}.")
    warnings.warn(f"{fname}: '{dotted}' heet voortaan '{new}' (de diepte van bijlagen in bijlagen; "
                  f"intake.max_nesting_depth is die van doorgestuurde berichten){_line_of(text, dotted)}. "
                  "De oude naam werkt nog, maar verdwijnt in een volgende versie.", ConfigDeprecationWarning,
                  stacklevel=4)
    return new_key


def _build(cls: type, table: Any, where: str, text: str, fname: str) -> Any:
    if not isinstance(table, dict):
        raise ConfigError(f"{fname}: [{where}] moet één tabel zijn{_line_of(text, where)}.")
    hints = get_type_hints(cls)
    known = {f.name: f for f in fields(cls) if f.name != "source_file"}
    values: dict[str, Any] = {}
    for key, value in table.items():
        key = _renamed(where, key, table, text, fname)
        dotted = f"{where}.{key}" if where else key
        if key not in known:
            raise ConfigError(f"{fname}: onbekende instelling '{dotted}'{_line_of(text, dotted)}.")
        values[key] = _coerce(hints[key], value, dotted, text, fname)
        wrong = problem(known[key], values[key])
        if wrong:
            raise ConfigError(f"{fname}: '{dotted}' {wrong}{_line_of(text, dotted)}.")
    return cls(**values)


def _coerce(hint: Any, value: Any, dotted: str, text: str, fname: str) -> Any:
    origin = getattr(hint, "__origin__", None)
    args = getattr(hint, "__args__", ())
    if is_dataclass(hint):
        return _build(hint, value, dotted, text, fname)
    if args and type(None) in args:  # Optional[X]
        inner = next(a for a in args if a is not type(None))
        return None if value is None else _coerce(inner, value, dotted, text, fname)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{fname}: '{dotted}' moet een lijst zijn{_line_of(text, dotted)}.")
        return tuple(_coerce(args[0], v, dotted, text, fname) for v in value)
    expected = {str: str, int: int, float: (int, float), bool: bool}.get(hint)
    if expected is None:
        return value
    if hint is str and isinstance(value, str):
        return value
    if isinstance(value, bool) and hint is not bool or not isinstance(value, expected):
        if hint in (int, float) and isinstance(value, str):
            try:
                return hint(value)
            except ValueError:
                pass
        names = {str: "tekst", int: "geheel getal", float: "getal", bool: "true of false"}
        raise ConfigError(
            f"{fname}: '{dotted}' moet {names[hint]} zijn, niet {value!r}{_line_of(text, dotted)}."
        )
    return float(value) if hint is float else value


def secret_from(env_name: str, file_name: str, what: str) -> str:
    """A secret from the environment or a file named in config; never from the config file itself."""
    if env_name and os.environ.get(env_name):
        return os.environ[env_name]
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as e:
            raise ConfigError(f"Het geheim voor {what} kan niet worden gelezen uit {file_name}: {e.strerror}.") from e
    raise ConfigError(f"Geen geheim voor {what}: zet de omgevingsvariabele {env_name or '(geen ingesteld)'}.")
