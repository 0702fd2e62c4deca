"""HTML: the same Jinja templates as the web UI (templates/lists/), rendered standalone for files."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from pipeline.lists import text
from pipeline.lists.model import ListDoc

TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates"


def install_filters(env: Environment) -> None:
    """The filters the list templates use (the web blueprint installs the same ones on Flask's env)."""
    env.filters["nl_date"] = text.nl_date
    env.filters["nl_long_date"] = text.nl_long_date
    env.filters["handling_text"] = text.handling_text
    env.globals["list_text"] = text


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    install_filters(env)
    return env


def render_html(doc: ListDoc) -> bytes:
    return environment().get_template("lists/document.html").render(doc=doc).encode("utf-8")
