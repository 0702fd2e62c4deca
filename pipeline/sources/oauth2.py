"""OAuth2 access tokens for IMAP XOAUTH2: Microsoft 365 through msal, or a configured command that prints one."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Protocol

from pipeline.config import OAuth2Settings, secret_from
from pipeline.errors import ConfigError, SourceError

MICROSOFT_AUTHORITY = "https://login.microsoftonline.com"
REFRESH_SCOPE = "https://outlook.office365.com/IMAP.AccessAsUser.All"
EXPIRY_MARGIN_S = 120.0  # ask for a new token this long before the old one expires
COMMAND_TIMEOUT_S = 60.0


class TokenProvider(Protocol):
    def token(self) -> str:
        """A currently valid access token (cached while valid)."""

    def invalidate(self) -> None:
        """Forget the cached token (the server refused it)."""


class CommandTokenProvider:
    """Runs `token_command` (no shell) and uses its first output line as the token; not cached."""

    def __init__(self, account: str, command: str) -> None:
        if not command.strip():
            raise ConfigError(f"IMAP-account '{account}': oauth2.token_command is leeg.")
        self.account = account
        self.argv = shlex.split(command)

    def token(self) -> str:
        try:
            done = subprocess.run(self.argv, capture_output=True, timeout=COMMAND_TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise SourceError(f"Het token-commando van IMAP-account '{self.account}' kon niet draaien: {e}.") from e
        out = done.stdout.decode("utf-8", errors="replace").strip().splitlines()
        if done.returncode != 0 or not out or not out[0].strip():
            err = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
            reason = err[-1] if err else f"afsluitcode {done.returncode}, geen token"
            raise SourceError(f"Het token-commando van IMAP-account '{self.account}' gaf geen token ({reason}).")
        return out[0].strip()

    def invalidate(self) -> None:
        return None


def _write_private(path: Path, text: str) -> None:
    """Replace the file atomically with mode 0600: a crash never leaves half a refresh token."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".token-")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class MicrosoftTokenProvider:
    """Microsoft 365 (Entra ID) tokens through msal: client credentials, or a refresh token that is rotated and
    written back to `refresh_token_file`. `http_client` is msal's pluggable HTTP layer (tests pass a fake)."""

    def __init__(self, account: str, settings: OAuth2Settings, http_client: Any = None,
                 authority_host: str = MICROSOFT_AUTHORITY) -> None:
        import msal

        self.account = account
        self.settings = settings
        if not settings.tenant_id or not settings.client_id:
            raise ConfigError(f"IMAP-account '{account}': oauth2.tenant_id en oauth2.client_id zijn verplicht.")
        if settings.flow not in ("client_credentials", "refresh_token"):
            raise ConfigError(f"IMAP-account '{account}': oauth2.flow '{settings.flow}' is onbekend "
                              "(client_credentials of refresh_token).")
        if settings.flow == "refresh_token" and not settings.refresh_token_file:
            raise ConfigError(f"IMAP-account '{account}': oauth2.refresh_token_file is verplicht bij "
                              "flow = \"refresh_token\".")
        authority = f"{authority_host.rstrip('/')}/{settings.tenant_id}"
        kwargs: dict[str, Any] = {"authority": authority}
        if http_client is not None:
            kwargs["http_client"] = http_client
        secret = None
        if settings.client_secret_env or settings.client_secret_file:
            secret = secret_from(settings.client_secret_env, settings.client_secret_file,
                                 f"het OAuth2-clientgeheim van IMAP-account '{account}'")
        try:
            if secret is not None:
                self.app = msal.ConfidentialClientApplication(settings.client_id, client_credential=secret, **kwargs)
            elif settings.flow == "refresh_token":
                self.app = msal.PublicClientApplication(settings.client_id, **kwargs)
            else:
                raise ConfigError(f"IMAP-account '{account}': client_credentials vraagt een clientgeheim "
                                  "(oauth2.client_secret_env of oauth2.client_secret_file).")
        except ValueError as e:
            raise SourceError(f"Microsoft 365 (IMAP-account '{account}') is niet goed ingesteld: {e}.") from e
        except OSError as e:
            raise SourceError(f"Microsoft 365 is niet bereikbaar voor IMAP-account '{account}': {e}.") from e
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0

    def _scopes(self) -> list[str]:
        scope = self.settings.scope
        if self.settings.flow == "refresh_token" and scope.endswith("/.default"):
            scope = REFRESH_SCOPE  # .default is for client credentials; delegated access names the permission
        # msal adds offline_access/openid/profile itself and refuses them in the list
        return [s for s in scope.split() if s not in ("offline_access", "openid", "profile")]

    def _refresh_token(self) -> str:
        path = Path(self.settings.refresh_token_file)
        try:
            text = path.read_text(encoding="utf-8").strip()
        except OSError as e:
            raise ConfigError(f"Het refresh-token van IMAP-account '{self.account}' kan niet worden gelezen uit "
                              f"{path}: {e.strerror}.") from e
        if not text:
            raise ConfigError(f"Het refresh-token-bestand {path} van IMAP-account '{self.account}' is leeg.")
        return text

    def token(self) -> str:
        with self._lock:
            if self._token and time.time() < self._expires_at - EXPIRY_MARGIN_S:
                return self._token
            try:
                if self.settings.flow == "client_credentials":
                    result = self.app.acquire_token_for_client(scopes=self._scopes())
                else:
                    result = self.app.acquire_token_by_refresh_token(self._refresh_token(), scopes=self._scopes())
            except (OSError, ValueError) as e:
                raise SourceError(f"Microsoft 365 gaf geen token voor IMAP-account '{self.account}': {e}.") from e
            if "access_token" not in result:
                reason = result.get("error_description") or result.get("error") or "onbekende reden"
                raise SourceError(f"Microsoft 365 weigert een token voor IMAP-account '{self.account}': "
                                  f"{str(reason).splitlines()[0]}")
            rotated = result.get("refresh_token")
            if self.settings.flow == "refresh_token" and rotated:
                _write_private(Path(self.settings.refresh_token_file), rotated)
            self._token = result["access_token"]
            self._expires_at = time.time() + float(result.get("expires_in", 3600))
            return self._token

    def invalidate(self) -> None:
        with self._lock:
            self._token = None
            self._expires_at = 0.0


def token_provider(account: str, settings: OAuth2Settings, http_client: Any = None) -> TokenProvider:
    """The provider the account's [oauth2] table asks for."""
    if settings.provider == "command":
        return CommandTokenProvider(account, settings.token_command)
    if settings.provider == "microsoft":
        return MicrosoftTokenProvider(account, settings, http_client=http_client)
    raise ConfigError(f"IMAP-account '{account}': oauth2.provider '{settings.provider}' is onbekend "
                      "(microsoft of command).")
