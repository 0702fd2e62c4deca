"""Settings declared once: the [limits] table is the extract stage's limits, one meaning per name, the council name
and the profile each settled in one place."""

from __future__ import annotations

import warnings
from dataclasses import replace

import pytest
from click.testing import CliRunner

from pipeline.cli.base import main
from pipeline.config import ConfigDeprecationWarning, LimitSettings, ProfileSettings, Settings, load_settings
from pipeline.errors import ConfigError
from pipeline.extract import ExtractLimits
from pipeline.flow import Pipeline
from pipeline.lists.profiles import council_name
from tests.lists_helpers import small_profile


def test_the_limits_table_is_the_extract_limits_itself(tmp_path):
    assert ExtractLimits is LimitSettings
    p = tmp_path / "config.toml"
    p.write_text("[limits]\nmax_pdf_pages = 7\nmax_attachment_depth = 1\n", encoding="utf-8")
    settings = load_settings(p, env={})
    pipe = Pipeline.build(settings, with_models=False)
    assert pipe.limits is settings.limits and (pipe.limits.max_pdf_pages, pipe.limits.max_attachment_depth) == (7, 1)


def test_the_old_name_of_the_attachment_depth_is_read_with_a_dutch_warning(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text("[intake]\nmax_nesting_depth = 6\n\n[limits]\nmax_nesting_depth = 2\n", encoding="utf-8")
    with pytest.warns(ConfigDeprecationWarning, match=r"'limits.max_nesting_depth' heet voortaan "
                                                      r"'limits.max_attachment_depth'.*\(regel 5\)"):
        settings = load_settings(p, env={})
    assert settings.limits.max_attachment_depth == 2 and settings.intake.max_nesting_depth == 6
    p.write_text("[limits]\nmax_nesting_depth = 2\nmax_attachment_depth = 4\n", encoding="utf-8")
    with warnings.catch_warnings(), pytest.raises(ConfigError, match="allebei"):
        warnings.simplefilter("ignore", ConfigDeprecationWarning)
        load_settings(p, env={})


def test_the_intake_depth_keeps_its_name_without_a_warning(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text("[intake]\nmax_nesting_depth = 6\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConfigDeprecationWarning)
        assert load_settings(p, env={}).intake.max_nesting_depth == 6


def test_the_council_name_is_the_settings_when_set_whatever_it_is():
    profile = small_profile()  # "gemeente Proefdorp"
    assert council_name(Settings(), profile) == "gemeente Proefdorp"
    # the old default name counts like any other (it was ignored when it equalled the default)
    chosen = replace(Settings(), profile=ProfileSettings(council="gemeente Waterlinde"))
    assert council_name(chosen, profile) == "gemeente Waterlinde"


def test_the_cli_says_the_renamed_setting_in_one_dutch_line(tmp_path):
    p = tmp_path / "config.toml"
    p.write_text(f'[registry]\nurl = "sqlite:///{tmp_path}/r.db"\ndata_dir = "{tmp_path}"\n\n'
                 "[limits]\nmax_nesting_depth = 2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(p), "meetings", "list"])
    assert result.exit_code == 0, result.output
    assert "Let op:" in result.stderr and "max_attachment_depth" in result.stderr and "Traceback" not in result.stderr
