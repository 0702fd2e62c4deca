"""Imports stand at the top of a module (issue 16): no import inside a function but spaCy, waitress and msal.

Those three are lazy on purpose: spaCy costs ~0.7 s of CPU and is needed only where a model is trained, loaded or
reads a text, so it is imported inside those functions (pipeline/judge.py, pipeline/training.py and the modules
they load models with), which lets any module import judge or training at its top; waitress is needed only when
the web UI is served, msal only for a Microsoft 365 account. Every other module, first-party or
third-party (the document parsers, mail-parser, charset-normalizer, reportlab), is imported at the top of the module
that uses it; start-up stays cheap (issue 13, tests/test_cli_startup.py) because such a module is reached only from
where it is needed: a command module loaded through COMMAND_MODULES, the extraction child, or a module chosen by
data below.

importlib.import_module (or any other way to import a module by a name computed at run time) is used only where
the module is chosen by data, at these places, each named in IMPORT_BY_NAME:
- pipeline/cli/base.py, LazyGroup.get_command: the module of the command asked for, from COMMAND_MODULES;
- pipeline/extract/child.py, _jobs: the parsers of untrusted bytes, loaded in the extraction child after its
  thread limits and memory cap are set (the order matters);
- pipeline/flow.py, Pipeline.build: the council's history practice, only when a registry exists (it brings
  SQLAlchemy; `classify` without a registry starts without it);
- pipeline/architectures.py, _import: the module of each griffiepost spaCy architecture a model's config names
  (it needs spaCy and thinc at its top), as spaCy's entry points would.
A new place fails test_modules_are_imported_by_name_only_at_the_named_places until it is added here, with why."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
LAZY = {"spacy", "waitress", "msal"}
IMPORT_BY_NAME = {
    ("pipeline/cli/base.py", "LazyGroup.get_command"),
    ("pipeline/extract/child.py", "_jobs"),
    ("pipeline/flow.py", "Pipeline.build"),
    ("pipeline/architectures.py", "_import"),
}
# calls that import a module by a name given at run time
BY_NAME_CALLS = {"import_module", "__import__", "module_from_spec", "spec_from_file_location", "import_file",
                 "reload", "run_module", "run_path"}


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


def _imports_by_name(path: Path) -> list[tuple[int, str]]:
    """(line, qualified name of the enclosing function or '<module>') of every call that imports by name."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, scope: list[str]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(child, scope + [child.name])
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name in BY_NAME_CALLS:
                    found.append((child.lineno, ".".join(scope) or "<module>"))
            visit(child, scope)

    visit(ast.parse(path.read_text(encoding="utf-8")), [])
    return found


def test_no_import_inside_a_function_but_spacy_waitress_and_msal():
    wrong = [f"{path.relative_to(PIPELINE.parent)}:{line}: {module}"
             for path in sorted(PIPELINE.rglob("*.py")) for line, module in _function_imports(path)
             if not _allowed(module)]
    assert wrong == [], "imports inside functions (move them to the module's top):\n" + "\n".join(wrong)


def test_the_lazy_list_is_the_three_named_third_party_libraries():
    assert LAZY == {"spacy", "waitress", "msal"}
    for module in LAZY:
        assert module not in sys.stdlib_module_names and module != "pipeline", module


def test_modules_are_imported_by_name_only_at_the_named_places():
    found = {(path.relative_to(PIPELINE.parent).as_posix(), scope)
             for path in sorted(PIPELINE.rglob("*.py")) for _, scope in _imports_by_name(path)}
    assert found - IMPORT_BY_NAME == set(), "a module imported by name at a place the docstring does not name"
    assert IMPORT_BY_NAME - found == set(), "a named place no longer imports by name: take it out of the list"


def test_the_by_name_finder_sees_each_form(tmp_path):
    """GIVEN a module that imports by name in three ways WHEN it is scanned THEN each call is found in its scope."""
    sample = tmp_path / "sample.py"
    sample.write_text("import importlib\nfrom importlib import import_module\n"
                      "def f(name):\n    return importlib.import_module(name)\n"
                      "class C:\n    def g(self, name):\n        return import_module(name)\n"
                      "M = __import__('json')\n", encoding="utf-8")
    assert _imports_by_name(sample) == [(4, "f"), (7, "C.g"), (8, "<module>")]
