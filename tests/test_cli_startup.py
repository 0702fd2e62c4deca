"""CLI start-up stays cheap: a command's module is imported only when it runs (no timing here: bench_startup)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli.base import COMMAND_MODULES, main

ROOT = Path(__file__).resolve().parent.parent


def test_the_dispatch_table_names_every_command_and_its_module():
    """GIVEN every command module imported WHEN the group's commands are listed THEN the table names each one
    with the module that defines it (a new command missing from the table would be unreachable)."""
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"pipeline.cli.{module}")
    assert set(main.commands) == set(COMMAND_MODULES)
    for name, command in main.commands.items():
        assert command.callback.__module__ == f"pipeline.cli.{COMMAND_MODULES[name]}", name


def _modules_after(*args: str) -> set[str]:
    code = ("import sys, json\nfrom pipeline.cli.base import main\n"
            f"try:\n    main.main({list(args)!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(sys.modules)))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_version_and_help_of_one_command_import_no_heavy_libraries():
    for args in (["--version"], ["items", "--help"]):
        loaded = _modules_after(*args)
        assert "spacy" not in loaded and "pdfplumber" not in loaded, args
    assert "sqlalchemy" not in _modules_after("--version")
    # `users` shares no module with train/evaluate (cli/model_cmds.py), whose history evaluation reads list files
    assert not _modules_after("users", "--help") & {"spacy", "pdfplumber", "pypdfium2", "reportlab", "docx"}


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMAND_MODULES:
        assert f"  {name} " in result.output or f"  {name}\n" in result.output, name


def test_the_registry_side_imports_no_document_parser():
    """The parsers of attachments (extract_msg, python-docx, Tesseract's numpy side) and spaCy load only where they
    run: in the extraction child, and when the models are first used."""
    code = "import sys, json\nimport pipeline.app\nprint(json.dumps(sorted(sys.modules)))"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    assert not loaded & {"extract_msg", "docx", "tnefparse", "numpy", "spacy"}


def test_classify_without_a_registry_imports_no_database_or_pdf_library(tmp_path):
    """GIVEN no registry file WHEN one message with a PDF is classified THEN this process never imports SQLAlchemy
    (the council's history needs a registry) nor pdfplumber (PDFs are read in the extraction child)."""
    message = ROOT / "pipeline" / "sample" / "mailbox" / "015_rib_woningbouw.eml"
    loaded = _modules_after("--db", f"sqlite:///{tmp_path}/geen.db", "classify", str(message), "--json")
    assert "spacy" in loaded  # it did classify
    assert "sqlalchemy" not in loaded and "pdfplumber" not in loaded


def test_spacy_for_prediction_comes_without_its_command_line_which_still_loads_when_asked():
    """pipeline.spacy_runtime: loading the models imports none of spaCy's CLI (typer, weasel, rich); a later
    `import spacy.cli` (training, `python -m spacy`) gets the real package."""
    code = ("import sys, json\nfrom pathlib import Path\nfrom pipeline.judge import load_judge\n"
            "judge = load_judge(Path('models'))\nbefore = sorted(sys.modules)\n"
            "import spacy.cli\nfrom spacy.cli.info import info\n"
            "print(json.dumps([before, spacy.cli.info is info, spacy.cli.__file__]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    before, real_info, cli_file = json.loads(out.stdout.strip().splitlines()[-1])
    assert "spacy" in before and not {"spacy.cli", "typer", "weasel", "rich"} & set(before)
    assert real_info is True and cli_file.endswith("spacy/cli/__init__.py")
