"""Read a published list file into raw grids: tables (header row + rows) or blocks of 'label: value', per page.

PDF: pdfplumber's tables; a PDF without tables falls back to pypdfium2's text, read as blocks. DOCX: python-docx
tables. HTML: <table>s, or repeated blocks (<dl>, or elements whose lines read 'Label: value'). What the cells
mean is decided later, from the profile's mapping; this module only knows shapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from bs4 import BeautifulSoup
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import GriffieError
from pipeline.history.mapping import norm

LABEL_LINE = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s*(.*?)\s*$")


class UnreadableList(GriffieError):
    """A file that is not a PDF, DOCX or HTML list, or that cannot be opened."""


@dataclass
class Grid:
    """One table or one run of blocks: a header per column and rows of cell texts, with the page it stands on."""

    page: int
    headers: list[str]
    rows: list[list[str]]
    kind: str  # table | blocks


@dataclass
class ListFile:
    path: Path
    layout: str  # pdf-tabel | pdf-tekst | docx-tabel | html-tabel | html-blokken
    text: str  # the running text around the tables (title: the meeting date)
    grids: list[Grid] = field(default_factory=list)


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def blocks_from_pairs(pairs: list[tuple[str, str]], page: int) -> Grid | None:
    """'label: value' pairs to rows: a new row starts when the first label of a row comes again."""
    if not pairs:
        return None
    first = pairs[0][0]
    headers: list[str] = []
    rows: list[dict[str, str]] = []
    for label, value in pairs:
        if label == first or not rows:
            rows.append({})
        if label not in headers:
            headers.append(label)
        rows[-1][label] = value
    return Grid(page, headers, [[r.get(h, "") for h in headers] for r in rows], "blocks")


def _pairs_from_lines(lines: list[str], labels: set[str] | None = None) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        m = LABEL_LINE.match(line)
        if m and (labels is None or norm(m.group(1)) in labels):
            out.append((clean(m.group(1)), clean(m.group(2))))
    return out


def _reads_as_blocks(path: Path, labels: set[str]) -> bool:
    """A PDF whose text (pypdfium2, ~1 ms a page) is already 'Label: value' lines, with labels the mapping knows
    repeating down the page, has no table to find: pdfplumber's table search (~0.5 s a page) is skipped."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return False  # pdfplumber below gives the sentence for a file that cannot be read
    try:
        text = pdf[0].get_textpage().get_text_range() if len(pdf) else ""
    finally:
        pdf.close()
    pairs = _pairs_from_lines(text.splitlines(), labels)
    per_label: dict[str, int] = {}
    for label, _ in pairs:
        per_label[label] = per_label.get(label, 0) + 1
    return len([n for n in per_label.values() if n >= 2]) >= 3


def read_pdf(path: Path, labels: set[str]) -> ListFile:
    if _reads_as_blocks(path, labels):
        return _read_pdf_text(path, labels)
    grids = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                for table in page.extract_tables():
                    rows = [[clean(c) for c in row] for row in table if any(c for c in row)]
                    if rows:
                        grids.append(Grid(number, rows[0], rows[1:], "table"))
    except (PdfminerException, PDFSyntaxError) as e:
        raise UnreadableList(f"{path.name} is geen leesbare PDF ({e or type(e).__name__}).") from e
    if grids:
        return ListFile(path, "pdf-tabel", _first_page_text(path), grids)
    return _read_pdf_text(path, labels)


def _first_page_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[0].get_textpage().get_text_range() if len(pdf) else ""
    finally:
        pdf.close()


def _read_pdf_text(path: Path, labels: set[str]) -> ListFile:
    """No tables: the list is printed as blocks of 'Label: value' lines (the pypdfium2 text fallback)."""
    pdf = pdfium.PdfDocument(str(path))
    grids, texts = [], []
    try:
        for number in range(len(pdf)):
            text = pdf[number].get_textpage().get_text_range()
            texts.append(text)
            grid = blocks_from_pairs(_pairs_from_lines(text.splitlines(), labels), number + 1)
            if grid:
                grids.append(grid)
    finally:
        pdf.close()
    return ListFile(path, "pdf-tekst", texts[0] if texts else "", grids)


def read_docx(path: Path) -> ListFile:
    try:
        doc = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise UnreadableList(f"{path.name} is geen leesbaar Word-bestand ({e}).") from e
    grids = []
    for table in doc.tables:
        rows = [[clean(cell.text) for cell in row.cells] for row in table.rows]
        rows = [r for r in rows if any(r)]
        if rows:
            grids.append(Grid(1, rows[0], rows[1:], "table"))
    text = "\n".join(p.text for p in doc.paragraphs)
    return ListFile(path, "docx-tabel", text, grids)


def read_html(path: Path, labels: set[str]) -> ListFile:
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    title = clean(" ".join(t.get_text(" ") for t in soup.find_all(["title", "h1", "h2"])[:3]))
    grids = []
    for table in soup.find_all("table"):
        rows = [[clean(c.get_text(" ")) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]
        rows = [r for r in rows if any(r)]
        if rows:
            grids.append(Grid(1, rows[0], rows[1:], "table"))
    if grids:
        return ListFile(path, "html-tabel", title, grids)
    pairs = [(clean(dt.get_text(" ")), clean(dt.find_next_sibling("dd").get_text(" ")))
             for dt in soup.find_all("dt") if dt.find_next_sibling("dd") is not None]
    if not pairs:  # blocks written as paragraphs or list items: 'Afzender: ...'
        lines = [clean(el.get_text(" ")) for el in soup.find_all(["p", "li", "div", "span"]) if not el.find(["p", "li", "div"])]
        pairs = _pairs_from_lines(lines, labels)
    grid = blocks_from_pairs(pairs, 1)
    return ListFile(path, "html-blokken", title, [grid] if grid else [])


def read_list_file(path: Path, labels: set[str]) -> ListFile:
    """labels: the header words the mapping knows (lower case); a text fallback only reads lines with those."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, labels)
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".html", ".htm"):
        return read_html(path, labels)
    raise UnreadableList(f"{path.name}: onbekend bestandstype '{suffix or 'zonder extensie'}' "
                         "(griffiepost leest lijsten als PDF, DOCX of HTML).")
