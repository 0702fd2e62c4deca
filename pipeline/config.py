"""Settings: read once from config.toml plus the environment into typed, frozen dataclasses."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_type_hints

from pipeline.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RegistrySettings:
    url: str = "sqlite:///data/griffiepost.db"  # or postgresql+psycopg://user@host/db
    data_dir: str = "data"  # raw messages and derived files
    echo_sql: bool = False


@dataclass(frozen=True)
class ProfileSettings:
    name: str = "generiek"  # a council profile from rules/profiles/
    rules_dir: str = ""  # empty: the rules/ folder that ships with griffiepost
    council: str = "gemeente Waterlinde"


@dataclass(frozen=True)
class ModelSettings:
    dir: str = ""  # empty: the models/ folder that ships with griffiepost
    review_threshold: float = 0.55  # below this confidence an item needs review
    top_k_topics: int = 3


@dataclass(frozen=True)
class IntakeSettings:
    max_message_bytes: int = 50_000_000
    max_nesting_depth: int = 5  # forwarded messages inside messages


@dataclass(frozen=True)
class LimitSettings:
    max_attachment_bytes: int = 25_000_000
    max_pdf_pages: int = 200
    max_decompressed_bytes: int = 100_000_000
    max_image_pixels: int = 50_000_000
    pdf_timeout_s: float = 60.0
    ocr_timeout_s_per_page: float = 60.0
    ocr_max_pages: int = 30
    ocr_language: str = "nld"
    worker_memory_mb: int = 1024
    max_nesting_depth: int = 3  # attachments inside .msg / winmail.dat inside ... at most this deep


@dataclass(frozen=True)
class WebSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key_env: str = "GRIFFIEPOST_SECRET_KEY"  # the session key comes from the environment
    require_login: bool = True  # users from `griffiepost users add`; `griffiepost demo` turns it off for itself
    secure_cookies: bool = True  # the session cookie only over HTTPS; off in `demo` (plain http on localhost)
    public_pages: bool = False  # with require_login: anonymised list and item pages open to visitors


@dataclass(frozen=True)
class OAuth2Settings:
    provider: str = "microsoft"  # microsoft | command
    tenant_id: str = ""
    client_id: str = ""
    client_secret_env: str = ""
    client_secret_file: str = ""
    flow: str = "client_credentials"  # client_credentials | refresh_token
    refresh_token_file: str = ""  # where rotated refresh tokens are kept (refresh_token flow)
    scope: str = "https://outlook.office365.com/.default"
    token_command: str = ""  # provider = "command": a command that prints an access token


@dataclass(frozen=True)
class ImapAccount:
    name: str = "griffie"
    host: str = "imap.example.nl"
    port: int = 993
    security: str = "tls"  # tls | starttls
    username: str = "griffie@example.nl"
    password_env: str = "GRIFFIEPOST_IMAP_PASSWORD"
    password_file: str = ""
    ca_file: str = ""  # extra CA bundle (self-signed test servers)
    verify_tls: bool = True
    folders: tuple[str, ...] = ("INBOX",)
    processed_folder: str = "Verwerkt"
    after_filing: str = "move"  # move | keyword | none | delete
    keyword: str = "GriffiepostVerwerkt"
    only_from: tuple[str, ...] = ()  # take only mail whose From contains one of these (client-side, normalised)
    only_subject: tuple[str, ...] = ()  # take only mail whose Subject contains one of these
    oauth2: OAuth2Settings | None = None


@dataclass(frozen=True)
class ImapSettings:
    poll_interval_s: float = 180.0  # full poll: the source of truth
    idle_renew_s: float = 540.0  # IDLE is renewed at most every 10 minutes
    timeout_s: float = 30.0  # socket timeout
    batch_size: int = 20
    backoff_max_s: float = 300.0
    accounts: tuple[ImapAccount, ...] = ()


@dataclass(frozen=True)
class Settings:
    registry: RegistrySettings = field(default_factory=RegistrySettings)
    profile: ProfileSettings = field(default_factory=ProfileSettings)
    models: ModelSettings = field(default_factory=ModelSettings)
    intake: IntakeSettings = field(default_factory=IntakeSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    web: WebSettings = field(default_factory=WebSettings)
    imap: ImapSettings = field(default_factory=ImapSettings)
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
        except OSError as e:
            raise ConfigError(f"Configuratiebestand {p} kan niet worden gelezen: {e.strerror}.") from e
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"Configuratiebestand {p} is geen geldige TOML: {e}.") from e
    for var, (section, key) in ENV_OVERRIDES.items():
        if env.get(var):
            data.setdefault(section, {})[key] = env[var]
    settings = _build(Settings, {k: v for k, v in data.items()}, "", text, str(path))
    return replace(settings, source_file=str(path) if path else None)


def _line_of(text: str, key: str) -> str:
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f" (regel {n})"
    return ""


def _build(cls: type, table: Any, where: str, text: str, fname: str) -> Any:
    if not isinstance(table, dict):
        raise ConfigError(f"{fname}: [{where}] moet een tabel zijn.")
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls) if f.name != "source_file"}
    values: dict[str, Any] = {}
    for key, value in table.items():
        dotted = f"{where}.{key}" if where else key
        if key not in known:
            raise ConfigError(f"{fname}: onbekende instelling '{dotted}'{_line_of(text, key)}.")
        values[key] = _coerce(hints[key], value, dotted, text, fname)
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
            raise ConfigError(f"{fname}: '{dotted}' moet een lijst zijn{_line_of(text, dotted.split('.')[-1])}.")
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
            f"{fname}: '{dotted}' moet {names[hint]} zijn, niet {value!r}{_line_of(text, dotted.split('.')[-1])}."
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
