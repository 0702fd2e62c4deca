"""Formats: one dispatch from a built list to bytes, with content types and file names."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.lists.model import ListDoc
from pipeline.lists.render_docx import render_docx
from pipeline.lists.render_html import render_html
from pipeline.lists.render_pdf import render_pdf
from pipeline.lists.render_tabular import render_csv, render_json

FORMATS = ("docx", "pdf", "html", "csv", "json")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf", "html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def renderer(fmt: str) -> Callable[[ListDoc], bytes]:
    if fmt == "docx":
        return render_docx
    if fmt == "pdf":
        return render_pdf
    if fmt == "html":
        return render_html
    if fmt == "csv":
        return render_csv
    if fmt == "json":
        return render_json
    raise ValueError(f"unknown format {fmt!r}")


def file_name(doc: ListDoc, fmt: str) -> str:
    """lijst-ingekomen-stukken-2025-03-18-raad[-openbaar].pdf"""
    body = "".join(c if c.isalnum() else "-" for c in doc.meeting.body.lower())
    suffix = "-openbaar" if doc.version == "public" else ""
    return f"lijst-ingekomen-stukken-{doc.meeting.date}-{body}{suffix}.{fmt}"
