"""Issue 15, point 7: every setting checked at load (types, ranges, choices), errors in Dutch with the line."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from typing import get_args, get_type_hints

import pytest

from pipeline.config import CHOICES, RANGES, ImapAccount, OAuth2Settings, Settings, load_settings
from pipeline.errors import ConfigError


def _load(tmp_path, text: str, env: dict | None = None):
    p = tmp_path / "config.toml"
    p.write_text(text, encoding="utf-8")
    return load_settings(p, env=env or {})


def test_array_of_tables_where_a_table_belongs_is_refused_not_a_typeerror(tmp_path):
    with pytest.raises(ConfigError) as e:
        _load(tmp_path, '[[registry]]\nurl = "sqlite:///x.db"\n', env={"GRIFFIEPOST_DB": "sqlite:///y.db"})
    assert "registry" in str(e.value) and "tabel" in str(e.value)


@pytest.mark.parametrize("text, key, line", [
    ('[limits]\nworker_memory_mb = -5\n', "limits.worker_memory_mb", 2),
    ('[web]\nport = 70000\n', "web.port", 2),
    ('[models]\nreview_threshold = 1.5\n', "models.review_threshold", 2),
    ('[intake]\nmax_message_bytes = 0\n', "intake.max_message_bytes", 2),
    ('[[imap.accounts]]\nname = "a"\nsecurity = "ssl"\n', "imap.accounts.security", 3),
    ('[[imap.accounts]]\nname = "a"\nafter_filing = "archive"\n', "imap.accounts.after_filing", 3),
    ('[[imap.accounts]]\nname = "a"\n[imap.accounts.oauth2]\nflow = "device"\n', "imap.accounts.oauth2.flow", 4),
    ('[[imap.accounts]]\nname = "a"\n[imap.accounts.oauth2]\nprovider = "google"\n',
     "imap.accounts.oauth2.provider", 4),
])
def test_out_of_range_or_unknown_choice_is_refused_with_key_and_line(tmp_path, text, key, line):
    with pytest.raises(ConfigError) as e:
        _load(tmp_path, text)
    assert key in str(e.value) and f"regel {line}" in str(e.value)


def test_type_error_points_at_the_line_of_the_right_table(tmp_path):
    text = '[web]\nport = 8000\n\n[[imap.accounts]]\nname = "a"\nport = "imaps"\n'
    with pytest.raises(ConfigError) as e:
        _load(tmp_path, text)
    assert "imap.accounts.port" in str(e.value) and "regel 6" in str(e.value)


def test_bad_toml_at_end_of_file_names_the_last_line_in_dutch(tmp_path):
    with pytest.raises(ConfigError) as e:
        _load(tmp_path, '[web]\nhost = "a"\nport = ')
    msg = str(e.value)
    assert "regel 3" in msg and "Invalid" not in msg and "end of document" not in msg


def test_bad_toml_in_the_middle_is_dutch_with_the_right_line(tmp_path):
    with pytest.raises(ConfigError) as e:
        _load(tmp_path, '[web]\nhost = "a"\n\nport = 8000 x\n')
    msg = str(e.value)
    assert "regel 4" in msg and "Expected" not in msg and "line" not in msg


def test_missing_config_file_is_all_dutch(tmp_path):
    with pytest.raises(ConfigError) as e:
        load_settings(tmp_path / "nergens.toml", env={})
    msg = str(e.value)
    assert "nergens.toml" in msg and "bestaat niet" in msg and "No such file" not in msg


def _numeric_keys(cls: type, prefix: str) -> list[str]:
    out = []
    hints = get_type_hints(cls)
    for f in fields(cls):
        hint = hints[f.name]
        inner = [a for a in get_args(hint) if is_dataclass(a)]
        if is_dataclass(hint):
            out += _numeric_keys(hint, f"{prefix}{f.name}.")
        elif inner:
            out += _numeric_keys(inner[0], f"{prefix}{f.name}.")
        elif f.name == "accounts":
            out += _numeric_keys(ImapAccount, f"{prefix}accounts.")
        elif hint in (int, float):
            out.append(prefix + f.name)
    return out


def test_every_number_has_a_range_and_every_choice_is_a_default():
    assert sorted(_numeric_keys(Settings, "")) == sorted(RANGES)
    defaults = {"imap.accounts.security": ImapAccount().security, "imap.accounts.after_filing":
                ImapAccount().after_filing, "imap.accounts.oauth2.flow": OAuth2Settings().flow,
                "imap.accounts.oauth2.provider": OAuth2Settings().provider}
    for key, value in defaults.items():
        assert value in CHOICES[key]


def test_example_values_are_inside_their_ranges():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "config.example.toml").read_text(encoding="utf-8")
    for key, (lo, hi) in RANGES.items():
        m = re.search(rf"^\s*#?\s*{re.escape(key.rsplit('.', 1)[-1])}\s*=\s*([0-9.]+)", text, re.MULTILINE)
        assert m, key
        assert lo <= float(m.group(1)) <= hi, key
