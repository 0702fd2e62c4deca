"""PDF with reportlab: header with council and meeting, one table per group, page numbers at the bottom.

The tables are drawn straight on the canvas, a row at a time: platypus' LongTable measured and split a
10,000-row table again for every page (36 s), this draws the same cells, grid and repeated header in one pass."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from pipeline.lists import text
from pipeline.lists.model import ListDoc

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
WIDTHS_CM = (1.3, 2.2, 2.2, 4.2, 7.0, 4.4, 3.0, 3.0)  # 27.3 cm: landscape A4 minus margins
AMENDMENT_WIDTHS_CM = (1.3, 2.0, 3.0, 6.0, 6.0, 3.5, 5.9)
CELL_SIZE, CELL_LEADING = 8, 10
PAD_X, PAD_Y = 6, 3  # reportlab's default cell padding, kept from the platypus tables this replaces
PAGE_W, PAGE_H = landscape(A4)
LEFT, TOP, BOTTOM = 1.2 * cm, PAGE_H - 1.6 * cm, 1.5 * cm
TEXT_W = PAGE_W - 2 * LEFT
GRID, HEAD_FILL = colors.grey, colors.HexColor("#e8eef5")


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """DejaVu Sans when the system has it (every Unicode letter of Dutch names), else Helvetica."""
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def wrap(value: str, font: str, size: float, width: float, words: dict[str, float] | None = None) -> list[str]:
    """Lines of value within width: each newline starts a line, words wrap as reportlab's simpleSplit wraps them
    (a line that fits is only measured). `words` keeps the widths of words in this font and size: a big list
    wraps the same words in thousands of cells, and measuring them was most of the wrapping."""
    words = {} if words is None else words
    lines: list[str] = []
    for part in value.split("\n"):
        joined = " ".join(part.split())
        if pdfmetrics.stringWidth(joined, font, size) <= width:
            lines.append(joined)
        else:
            lines.extend(_simple_split(part, font, size, width, words) or [""])
    return lines


def _simple_split(line: str, font: str, size: float, width: float, words: dict[str, float]) -> list[str]:
    """reportlab.lib.utils._simpleSplit for one line (the same sums in the same order), words measured once."""
    def measure(word: str) -> float:
        found = words.get(word)
        if found is None:
            found = words[word] = pdfmetrics.stringWidth(word, font, size)
        return found

    lines: list[str] = []
    space = measure(" ")
    out: list[str] = []
    used = -space
    for word in line.split():
        w = measure(word)
        if used + space + w <= width or out == []:
            out.append(word)
            used = used + space + w
        else:
            lines.append(" ".join(out))
            out = [word]
            used = w
    if out != []:
        lines.append(" ".join(out))
    return lines


class Lines(PDFTextObject):
    """reportlab's text object, writing the same bytes, with each distinct string of a font encoded once.

    textLine encodes a string glyph by glyph into the font's subsets (TTFont.splitString) every time it is drawn;
    a 10,000-row list draws ~137,000 lines, many of them the same dates, committees and handling words. Here the
    encoded pieces (subset, escaped bytes) of a (font, string) are kept per document, and a string whose letters
    all have their code in the first subset already is encoded with one str.translate. The operators written are
    those of PDFTextObject._formatText for a plain string in a TrueType font (other fonts and shaped strings take
    reportlab's own path)."""

    def __init__(self, canvas: Canvas, encoded: dict) -> None:
        super().__init__(canvas)
        self._encoded = encoded  # (font name, text) -> ((subset name, subset, escaped), ...), for the whole document

    def textLine(self, text: str = "") -> None:
        font = pdfmetrics.getFont(self._fontname)
        if not font._dynamicFont or type(text) is not str:  # a ShapedStr (harfbuzz) takes reportlab's own path
            return super().textLine(text)
        pieces = self._encoded.get((self._fontname, text))
        if pieces is None:
            pieces = self._encoded[(self._fontname, text)] = self._encode(font, text)
        self._x = self._x0
        self._y = self._y0 = self._y - self._leading if self._canvas.bottomup else self._y + self._leading
        code = []
        for name, subset, escaped in pieces:
            if subset != self._curSubset:
                code.append(f"{name} {fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL")
                self._curSubset = subset
            code.append(f"({escaped}) Tj")
        self._code.append(f"{' '.join(code)} T*")

    def _encode(self, font: TTFont, text: str) -> tuple[tuple[str, int, str], ...]:
        doc, canv = self._canvas._doc, self._canvas
        state = font.state.get(doc)
        if state is not None and text:
            letters, table = self._first_subset(font, state)
            if letters.issuperset(text):
                name = font.getSubsetInternalName(0, doc)
                return ((name, 0, canv._escape(text.translate(table).encode("latin-1"))),)
        return tuple((font.getSubsetInternalName(subset, doc), subset, canv._escape(t))
                     for subset, t in font.splitString(text, doc))

    def _first_subset(self, font: TTFont, state: Any) -> tuple[frozenset[str], dict[int, str]]:
        """The letters whose code is in subset 0 of the font in this document, and the table from letter to code
        (rebuilt when letters were added; a no-break space is left to splitString, which maps it to a space)."""
        key = ("first subset", font.fontName)
        size, letters, table = self._encoded.get(key, (-1, frozenset(), {}))
        if size != len(state.assignments):
            table = {code: chr(n & 0xFF) for code, n in state.assignments.items() if n >> 8 == 0 and code != 0xA0}
            size, letters = len(state.assignments), frozenset(map(chr, table))
            self._encoded[key] = (size, letters, table)
        return letters, table


def grid_lines(rows: list[tuple[tuple[float, ...], float, float]]) -> list[tuple[float, float, float, float]]:
    """The grid of a page's rows: a line under and over each row and one down each column edge, as the rows
    drew it each for itself before, but each line once: rows that touch (one table) share the line between them
    and a column edge runs from the table's top to its bottom (a 10,000-row list drew 110,000 segments)."""
    lines: list[tuple[float, float, float, float]] = []
    run: list[tuple[tuple[float, ...], float, float]] = []

    def flush() -> None:
        if run:
            xs, top, bottom = run[0][0], run[0][1], run[-1][2]
            lines.append((xs[0], top, xs[-1], top))
            lines.extend((xs[0], row_bottom, xs[-1], row_bottom) for _, _, row_bottom in run)
            lines.extend((x, top, x, bottom) for x in xs)
            run.clear()

    for row in rows:
        if run and (row[0] != run[-1][0] or row[1] != run[-1][2]):
            flush()
        run.append(row)
    flush()
    return lines


class Pages:
    """The canvas and the cursor: a header line and page number on every page, a new page when one is full."""

    def __init__(self, doc: ListDoc, regular: str, bold: str) -> None:
        self.buf = io.BytesIO()
        self.c = Canvas(self.buf, pagesize=(PAGE_W, PAGE_H))
        self.c.setTitle(f"{text.title(doc)} {doc.council}")
        self.c.setAuthor(doc.council)
        self.regular, self.bold = regular, bold
        self.top_line = f"{doc.council} — {text.title(doc)} {text.nl_date(doc.meeting.date)} — " \
                        f"{text.VERSION_WORDS[doc.version]}"
        self.page, self.y = 0, TOP
        self.grid: list[tuple[tuple[float, ...], float, float]] = []  # (column edges, top, bottom) of each row
        self.encoded: dict = {}  # Lines: the encoded strings of this document
        self.words = Lines(self.c, self.encoded)
        self.wrapped: dict[tuple[str, str, float], list[str]] = {}  # dates, committees, senders repeat
        self.widths: dict[str, dict[str, float]] = {}  # font -> word -> width at CELL_SIZE
        self._start()

    def _start(self) -> None:
        self.page += 1
        self.y = TOP
        self.c.setFont(self.regular, 8)
        self.c.drawString(LEFT, PAGE_H - 1.0 * cm, self.top_line)
        self.c.drawCentredString(PAGE_W / 2, 0.8 * cm, f"Pagina {self.page}")
        self.words = Lines(self.c, self.encoded)
        self.words.setFont(self.regular, CELL_SIZE, CELL_LEADING)

    def _finish(self) -> None:
        self.c.drawText(self.words)
        if self.grid:
            self.c.setStrokeColor(GRID)
            self.c.setLineWidth(0.4)
            self.c.lines(grid_lines(self.grid))
            self.grid = []
        self.c.showPage()

    def new_page(self) -> None:
        self._finish()
        self._start()

    def room(self) -> float:
        return self.y - BOTTOM

    def paragraph(self, value: str, font: str, size: float, leading: float, before: float = 0,
                  after: float = 0) -> None:
        lines = wrap(value, font, size, TEXT_W)
        if self.y < TOP:
            self.y -= before
        if self.room() < len(lines) * leading:
            self.new_page()
        self.words.setFont(font, size, leading)
        self.words.setTextOrigin(LEFT + PAD_X, self.y - size)  # the old frame's padding
        for line in lines:
            self.words.textLine(line)
        self.y -= len(lines) * leading + after

    def wrap_cell(self, value: str, font: str, width: float) -> list[str]:
        key = (value, font, width)
        lines = self.wrapped.get(key)
        if lines is None:
            widths = self.widths.setdefault(font, {})
            lines = self.wrapped[key] = wrap(value, font, CELL_SIZE, width - 2 * PAD_X, widths)
        return lines

    def cells(self, lines: list[list[str]], xs: list[float], font: str, height: float) -> None:
        """One row of wrapped cells at the cursor, with its grid; the caller made room for height."""
        self.words.setFont(font, CELL_SIZE, CELL_LEADING)
        for x, cell in zip(xs, lines):
            self.words.setTextOrigin(x + PAD_X, self.y - PAD_Y - CELL_SIZE)
            for line in cell:
                self.words.textLine(line)
        bottom = self.y - height
        self.grid.append((tuple(xs), self.y, bottom))
        self.y = bottom

    def table(self, header: list[str], rows: list[list[str]], widths_cm: tuple[float, ...], heading: str) -> None:
        """A heading, then the table with its header row repeated at the top of every page it runs onto; a row
        taller than a whole page continues on the next."""
        widths = [w * cm for w in widths_cm]
        xs = [LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
        head = [self.wrap_cell(h, self.bold, w) for h, w in zip(header, widths)]
        head_h = max(len(c) for c in head) * CELL_LEADING + 2 * PAD_Y

        def draw_head() -> None:
            self.c.setFillColor(HEAD_FILL)
            self.c.rect(xs[0], self.y - head_h, xs[-1] - xs[0], head_h, stroke=0, fill=1)
            self.c.setFillColor(colors.black)
            self.cells(head, xs, self.bold, head_h)
            self.words.setFont(self.regular, CELL_SIZE, CELL_LEADING)

        first = [self.wrap_cell(v, self.regular, w) for v, w in zip(rows[0], widths)] if rows else []
        first_h = max((len(c) for c in first), default=0) * CELL_LEADING + 2 * PAD_Y
        if self.room() < 30 + head_h + min(first_h, 3 * CELL_LEADING + 2 * PAD_Y):  # the heading keeps with its table
            self.new_page()
        self.paragraph(heading, self.bold, 11, 13.2, before=12, after=6)
        draw_head()
        for values in rows:
            cell_lines = [self.wrap_cell(v, self.regular, w) for v, w in zip(values, widths)]
            while True:
                n = max(len(c) for c in cell_lines)
                fit = int((self.room() - 2 * PAD_Y) // CELL_LEADING)
                if n <= fit:
                    self.cells(cell_lines, xs, self.regular, n * CELL_LEADING + 2 * PAD_Y)
                    break
                full_page = int((TOP - BOTTOM - head_h - 2 * PAD_Y) // CELL_LEADING)
                if n <= full_page or fit < 1:
                    self.new_page()
                    draw_head()
                    continue
                self.cells([c[:fit] for c in cell_lines], xs, self.regular, fit * CELL_LEADING + 2 * PAD_Y)
                cell_lines = [c[fit:] for c in cell_lines]

    def close(self) -> bytes:
        self._finish()
        self.c.save()
        return self.buf.getvalue()


def render_pdf(doc: ListDoc) -> bytes:
    regular, bold = fonts()
    pages = Pages(doc, regular, bold)
    pages.paragraph(text.title(doc), bold, 16, 19.2, after=6)
    pages.paragraph(text.subtitle(doc), regular, 10, 12)
    pages.paragraph(f"{text.VERSION_WORDS[doc.version]} · {text.status_line(doc)}", regular, 10, 12)
    pages.y -= 0.4 * cm
    if not doc.groups:
        pages.paragraph("Er staan geen stukken op deze lijst.", regular, 10, 12)
    for group in doc.groups:
        pages.table(list(text.columns(doc)), [text.cells(r) for r in group.rows], WIDTHS_CM, group.heading)
    if doc.amendments:
        rows = [[a.number, text.nl_date(a.at), a.field, a.old or "", a.new or "", a.actor, a.reason or ""]
                for a in doc.amendments]
        pages.table(["Nr.", "Datum", "Veld", "Was", "Wordt", "Door", "Reden"], rows, AMENDMENT_WIDTHS_CM,
                    "Wijzigingen na vaststelling")
    return pages.close()
