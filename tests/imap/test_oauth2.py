"""Token providers. Microsoft 365 cannot be reached here: msal runs for real, but over a FAKE HTTP client that
plays the Entra ID discovery and token endpoints (msal's own pluggable `http_client`). Say so when it matters."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from pipeline.app import App
from pipeline.config import OAuth2Settings
from pipeline.errors import ConfigError, SourceError
from pipeline.sources.imap import fetch_account
from pipeline.sources.imap_conn import Credentials
from pipeline.sources.imap_watch import backoff_delay
from pipeline.sources.oauth2 import CommandTokenProvider, MicrosoftTokenProvider
from tests.imap.support import account_for, mail, settings_for

TENANT = "contoso-tenant-id"


class FakeResponse:
    def __init__(self, status: int, body: dict) -> None:
        self.status_code = status
        self.text = json.dumps(body)
        self.headers = {"Content-Type": "application/json"}

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise OSError(f"HTTP {self.status_code}")


class FakeEntra:
    """A FAKE of login.microsoftonline.com: OpenID discovery plus a token endpoint that rotates refresh tokens."""

    def __init__(self) -> None:
        self.posts: list[dict[str, str]] = []
        self.issued = 0
        self.valid_refresh = {"rt-0"}

    def get(self, url: str, **_kw) -> FakeResponse:
        base = f"https://login.microsoftonline.com/{TENANT}"
        assert url.startswith(f"{base}/v2.0/.well-known/openid-configuration"), url
        return FakeResponse(200, {
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "issuer": f"https://login.microsoftonline.com/{TENANT}/v2.0",
        })

    def post(self, url: str, data=None, **_kw) -> FakeResponse:
        form = data if isinstance(data, dict) else {k: v[0] for k, v in parse_qs(data or "").items()}
        self.posts.append(form)
        grant = form.get("grant_type")
        if grant == "refresh_token" and form.get("refresh_token") not in self.valid_refresh:
            return FakeResponse(400, {"error": "invalid_grant", "error_description": "AADSTS70000: token revoked"})
        self.issued += 1
        body = {"token_type": "Bearer", "expires_in": 3600, "access_token": f"ms-token-{self.issued}",
                "scope": form.get("scope", "")}
        if grant == "refresh_token":
            new = f"rt-{self.issued}"
            self.valid_refresh = {new}  # rotation: the old refresh token is no longer valid
            body["refresh_token"] = new
        return FakeResponse(200, body)

    def close(self) -> None:
        return None


def test_client_credentials_asks_for_the_default_scope_and_caches(monkeypatch):
    monkeypatch.setenv("M365_SECRET", "s3cret")
    fake = FakeEntra()
    settings = OAuth2Settings(provider="microsoft", tenant_id=TENANT, client_id="app-id",
                              client_secret_env="M365_SECRET")
    provider = MicrosoftTokenProvider("griffie", settings, http_client=fake)
    assert provider.token() == "ms-token-1"
    assert provider.token() == "ms-token-1"  # cached until shortly before expiry
    assert len(fake.posts) == 1
    post = fake.posts[0]
    assert post["grant_type"] == "client_credentials"
    assert post["scope"].split() == ["https://outlook.office365.com/.default"]
    assert post["client_secret"] == "s3cret"
    provider.invalidate()
    assert provider.token() in ("ms-token-1", "ms-token-2")  # msal may answer from its own cache


def test_refresh_token_flow_stores_the_rotated_token(tmp_path: Path):
    rt_file = tmp_path / "m365.refresh"
    rt_file.write_text("rt-0\n")
    fake = FakeEntra()
    settings = OAuth2Settings(provider="microsoft", tenant_id=TENANT, client_id="app-id", flow="refresh_token",
                              refresh_token_file=str(rt_file),
                              scope="https://outlook.office365.com/IMAP.AccessAsUser.All offline_access")
    first = MicrosoftTokenProvider("griffie", settings, http_client=fake)
    assert first.token() == "ms-token-1"
    assert rt_file.read_text().strip() == "rt-1"
    assert oct(rt_file.stat().st_mode & 0o777) == "0o600"
    sent = fake.posts[-1]
    assert sent["grant_type"] == "refresh_token" and sent["refresh_token"] == "rt-0"
    assert "https://outlook.office365.com/IMAP.AccessAsUser.All" in sent["scope"].split()

    # a new process (after a restart) reads the rotated token; the old one would be refused
    second = MicrosoftTokenProvider("griffie", settings, http_client=fake)
    assert second.token() == "ms-token-2"
    assert fake.posts[-1]["refresh_token"] == "rt-1"
    assert rt_file.read_text().strip() == "rt-2"

    rt_file.write_text("rt-0\n")  # a revoked token is one Dutch sentence, not a traceback
    with pytest.raises(SourceError, match="Microsoft 365 weigert een token.*AADSTS70000"):
        MicrosoftTokenProvider("griffie", settings, http_client=fake).token()


def test_incomplete_microsoft_settings_are_config_errors(tmp_path: Path):
    with pytest.raises(ConfigError, match="tenant_id"):
        MicrosoftTokenProvider("griffie", OAuth2Settings(client_id="x"))
    with pytest.raises(ConfigError, match="refresh_token_file"):
        MicrosoftTokenProvider("griffie", OAuth2Settings(tenant_id="t", client_id="x", flow="refresh_token"))
    with pytest.raises(ConfigError, match="clientgeheim"):
        MicrosoftTokenProvider("griffie", OAuth2Settings(tenant_id="t", client_id="x"), http_client=FakeEntra())


def test_command_provider_takes_the_first_line():
    provider = CommandTokenProvider("griffie", f"{sys.executable} -c \"print('abc.def'); print('rest')\"")
    assert provider.token() == "abc.def"


@pytest.mark.dovecot
def test_msal_token_logs_in_to_dovecot_over_xoauth2(dovecot, imap, folders, introspection, tmp_path, monkeypatch):
    """msal (over the FAKE Entra endpoint) hands its access token to a real XOAUTH2 login at Dovecot."""
    monkeypatch.setenv("M365_SECRET", "s3cret")
    introspection.tokens["ms-token-1"] = "griffie"
    imap.append(folders[0], mail("Raadsinformatiebrief over OAuth2"))
    oauth = OAuth2Settings(provider="microsoft", tenant_id=TENANT, client_id="app-id", client_secret_env="M365_SECRET")
    account = account_for(dovecot, *folders, password_env="", oauth2=oauth)
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    report = fetch_account(account, settings.imap, app.intake, app.sessions,
                           credentials=Credentials(account, http_client=FakeEntra()))
    assert report.errors == [] and report.results[0].new == 1
    assert introspection.seen[-1] == "ms-token-1"


def test_backoff_grows_exponentially_with_jitter_and_is_capped():
    rng = random.Random(7)
    delays = [backoff_delay(n, cap_s=30.0, rng=rng) for n in range(1, 9)]
    for n, d in enumerate(delays, 1):
        ceiling = min(30.0, 2 ** (n - 1))
        assert ceiling / 2 <= d <= ceiling
    assert len({round(d, 6) for d in delays}) == len(delays)  # jitter: no two alike
    assert max(delays) <= 30.0 and delays[-1] >= 15.0
