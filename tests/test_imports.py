"""Imports stand at the top of a module: no first-party or standard-library import inside a function.

Lazy on purpose, and only these: spaCy (and pipeline.judge / pipeline.training, the modules that are spaCy's
import), waitress and msal (issue 16), and the third-party document parsers that only one command uses, which a
top-level import would load at every start-up (issue 13: tests/test_cli_startup.py). A module loaded late for an
order that matters (the extraction child sets its thread limits first) uses importlib, which says so."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
LAZY = {
    "spacy", "waitress", "msal", "pipeline.judge", "pipeline.training",
    # document parsers and writers of single commands (history import, sample rendering) and the MIME/charset
    # fallbacks that run for a damaged message only
    "pypdfium2", "pdfplumber", "pdfminer", "docx", "bs4", "reportlab", "mailparser", "charset_normalizer",
}


def _function_imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Import):
                found += [(node.lineno, a.name) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                found.append((node.lineno, "." * node.level + (node.module or "")))
    return found


def _allowed(module: str) -> bool:
    return any(module == lazy or module.startswith(lazy + ".") for lazy in LAZY)


def test_no_import_inside_a_function_but_the_named_lazy_ones():
    wrong = [f"{path.relative_to(PIPELINE.parent)}:{line}: {module}"
             for path in sorted(PIPELINE.rglob("*.py")) for line, module in _function_imports(path)
             if not _allowed(module)]
    assert wrong == [], "imports inside functions (move them to the module's top):\n" + "\n".join(wrong)


def test_the_lazy_list_names_no_first_party_module_but_the_spacy_side_and_no_standard_library():
    for module in LAZY:
        root = module.split(".")[0]
        assert root not in sys.stdlib_module_names, module
        assert root != "pipeline" or module in ("pipeline.judge", "pipeline.training"), module
