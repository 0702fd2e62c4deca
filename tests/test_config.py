"""Settings: every key documented in config.example.toml, clear errors for bad files."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import get_args, get_type_hints

import pytest

from pipeline.config import ImapAccount, OAuth2Settings, Settings, load_settings
from pipeline.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "config.example.toml"


def _keys(cls: type, prefix: str) -> list[str]:
    out = []
    hints = get_type_hints(cls)
    for f in fields(cls):
        if f.name == "source_file":
            continue
        hint = hints[f.name]
        inner = [a for a in get_args(hint) if is_dataclass(a)]
        if is_dataclass(hint):
            out += _keys(hint, f"{prefix}{f.name}.")
        elif inner:
            out += _keys(inner[0], f"{prefix}{f.name}.")
        elif f.name == "accounts":
            out += _keys(ImapAccount, f"{prefix}accounts.")
        else:
            out.append(prefix + f.name)
    return out


def test_every_setting_is_documented_in_the_example():
    text = EXAMPLE.read_text(encoding="utf-8")
    missing = []
    for dotted in _keys(Settings, ""):
        key = dotted.rsplit(".", 1)[-1]
        if not re.search(rf"^\s*#?\s*{re.escape(key)}\s*=", text, re.MULTILINE):
            missing.append(dotted)
    assert missing == [], f"undocumented settings in config.example.toml: {missing}"
    assert len(_keys(Settings, "")) > 40


def test_example_loads_and_equals_the_defaults():
    assert load_settings(EXAMPLE, env={}).registry == Settings().registry
    s = load_settings(EXAMPLE, env={})
    assert (s.limits, s.web, s.models, s.profile) == (Settings().limits, Settings().web, Settings().models,
                                                      Settings().profile)


def test_syntax_error_names_file_and_line(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text('[registry]\nurl = "sqlite:///x.db"\ndata_dir = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p, env={})
    assert "config.toml" in str(e.value) and "regel 3" in str(e.value)


def test_wrong_type_names_key_and_line(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text('[web]\nhost = "0.0.0.0"\nport = "acht"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(p, env={})
    assert "web.port" in str(e.value) and "regel 3" in str(e.value)


def test_unknown_key_is_refused(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text('[registry]\nurll = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="onbekende instelling 'registry.urll'"):
        load_settings(p, env={})


def test_accounts_with_oauth2_and_environment_override(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text(
        '[[imap.accounts]]\nname = "a"\nhost = "h"\nfolders = ["INBOX", "Raad"]\n'
        '[imap.accounts.oauth2]\ntenant_id = "t"\n', encoding="utf-8")
    s = load_settings(p, env={"GRIFFIEPOST_DB": "sqlite:///env.db"})
    acc = s.imap.accounts[0]
    assert acc.folders == ("INBOX", "Raad") and isinstance(acc.oauth2, OAuth2Settings)
    assert acc.oauth2.tenant_id == "t" and s.registry.url == "sqlite:///env.db"
