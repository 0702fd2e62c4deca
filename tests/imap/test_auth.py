"""Logging in for real: LOGIN, AUTHENTICATE PLAIN (non-ASCII), STARTTLS, XOAUTH2, and errors as one sentence."""

from __future__ import annotations

import shlex
import sys
from dataclasses import replace

import pytest

from pipeline.app import App
from pipeline.config import OAuth2Settings
from pipeline.sources.imap import fetch_account
from tests.imap.dovecot import free_port, make_certificates
from tests.imap.support import account_for, counts, mail, run_cli, settings_for, write_config

pytestmark = pytest.mark.dovecot


def one_sentence(proc) -> str:
    """The CLI failed the way a user should see it: non-zero, no traceback, exactly one line on stderr."""
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Fout: ")
    return lines[0]


def test_wrong_password_is_one_sentence_and_status_shows_it(failing_dovecot, tmp_path):
    account = account_for(failing_dovecot, "Post", "Verwerkt")
    config = write_config(tmp_path / "c.toml", settings_for(tmp_path, account))
    line = one_sentence(run_cli(config, "fetch", password="fout-wachtwoord"))
    assert "Inloggen bij IMAP-account 'griffie'" in line and "onjuist" in line
    shown = run_cli(config, "status")
    assert shown.returncode == 0, shown.stderr
    row = [r for r in shown.stdout.splitlines() if r.startswith("griffie")]
    assert len(row) == 1 and " Post " in row[0] and "Inloggen bij" in row[0]


def test_certificate_from_an_unknown_ca(dovecot, folders, tmp_path):
    config = write_config(tmp_path / "c.toml", settings_for(tmp_path, account_for(dovecot, *folders, ca_file="")))
    line = one_sentence(run_cli(config, "fetch"))  # only the system CAs: the test CA is unknown
    assert "TLS-certificaat" in line and "niet vertrouwd" in line
    other_ca, _, _ = make_certificates(tmp_path, cn="een andere CA")
    account = account_for(dovecot, *folders, ca_file=str(other_ca))
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    report = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert len(report.errors) == 1 and "TLS-certificaat" in report.errors[0]
    assert counts(app.sessions)["messages"] == 0


def test_unreachable_host(dovecot, folders, tmp_path):
    account = account_for(dovecot, *folders, port=free_port())  # nobody listens there
    config = write_config(tmp_path / "c.toml", settings_for(tmp_path, account))
    line = one_sentence(run_cli(config, "fetch"))
    assert "niet bereikbaar" in line and "geweigerd" in line


def test_non_ascii_password_uses_plain_and_starttls_works(dovecot, imap, folders, tmp_path, monkeypatch):
    monkeypatch.setenv("TWEEDE_PW", "wachtwoord€ß")
    tweede = dovecot.client("tweede", "wachtwoord€ß")
    tweede.create_folder("Post")
    tweede.append("Post", mail("Brief met een euroteken €"))
    tweede.logout()
    account = account_for(dovecot, "Post", "Verwerkt", username="tweede", password_env="TWEEDE_PW",
                          security="starttls", port=dovecot.port)
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    report = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert report.errors == [] and report.results[0].new == 1
    assert counts(app.sessions)["messages"] == 1


def test_xoauth2_with_a_token_command_against_dovecot_oauth2_passdb(dovecot, failing_dovecot, imap, folders,
                                                                   introspection, tmp_path):
    """A real XOAUTH2 exchange: Dovecot asks the test's introspection endpoint whether the token is valid."""
    introspection.tokens["tok-griffie-1"] = "griffie"
    imap.append(folders[0], mail("Brief via OAuth2"))
    command = f"{shlex.quote(sys.executable)} -c \"print('tok-griffie-1')\""
    account = account_for(dovecot, *folders, password_env="",
                          oauth2=OAuth2Settings(provider="command", token_command=command))
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    report = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert report.errors == [] and report.results[0].new == 1
    assert introspection.seen[-1] == "tok-griffie-1"

    refused = replace(account, port=failing_dovecot.tls_port, ca_file=str(failing_dovecot.ca_file),
                      oauth2=OAuth2Settings(provider="command", token_command=command.replace("-1'", "-verlopen'")))
    other = tmp_path / "refused"  # its own registry: nothing pending there for the CLI to process
    other.mkdir()
    line = one_sentence(run_cli(write_config(other / "c.toml", settings_for(other, refused)), "fetch",
                                password=None))
    assert "Inloggen bij IMAP-account 'griffie'" in line
    assert introspection.seen[-1] == "tok-griffie-verlopen"


def test_a_failing_token_command_is_one_sentence(dovecot, folders, tmp_path):
    command = f"{shlex.quote(sys.executable)} -c \"import sys; sys.exit('geen sessie')\""
    account = account_for(dovecot, *folders, oauth2=OAuth2Settings(provider="command", token_command=command))
    line = one_sentence(run_cli(write_config(tmp_path / "c.toml", settings_for(tmp_path, account)), "fetch"))
    assert "token-commando" in line and "geen sessie" in line
