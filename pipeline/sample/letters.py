"""Fictitious people and letters of the sample mailbox, and the page layout shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 56.0, 72.0
BODY_SIZE, LEADING = 10.0, 14.0
FONT_DIR = Path(reportlab.__file__).parent / "fonts"
# Vera ships inside reportlab: the scans are rendered with it so no system font is needed.
VERA, VERA_BOLD = FONT_DIR / "Vera.ttf", FONT_DIR / "VeraBd.ttf"
pdfmetrics.registerFont(TTFont("Vera", str(VERA)))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(VERA_BOLD)))

COUNCIL = ["Aan de gemeenteraad van Waterlinde", "Postbus 100", "2840 AA  Waterlinde"]
ALL_COUNCILS = ["Aan de leden van de gemeenteraden van Nederland"]
PAGE_BREAK = "\f"


@dataclass(frozen=True)
class Person:
    """A fictitious natural person; only the fields that appear in the message are filled."""

    name: str
    email: str | None = None
    phone: str | None = None
    street: str | None = None  # "Kerkstraat 12"
    postcode: str | None = None  # "2841 KL"
    city: str = "Waterlinde"
    iban: str | None = None
    bsn: str | None = None
    birthdate: str | None = None  # as written in the text, e.g. "14-03-1958"

    def address_lines(self) -> list[str]:
        lines = [self.street] if self.street else []
        if self.postcode:
            lines.append(f"{self.postcode}  {self.city}")
        return lines


@dataclass
class Letter:
    """A letter as a person writes it: letterhead, addressee, date, subject block, body, signatures."""

    org: str | None  # letterhead; None for a private person (sender_block instead)
    org_lines: list[str] = field(default_factory=list)
    sender_block: list[str] = field(default_factory=list)
    addressee: list[str] = field(default_factory=lambda: list(COUNCIL))
    place_date: str | None = None  # "Den Haag, 12 mei 2025"
    meta: list[tuple[str, str]] = field(default_factory=list)  # ("Ons kenmerk", "..."), ("Betreft", "...")
    salutation: str = "Geachte leden van de raad,"
    paragraphs: list[str] = field(default_factory=list)  # "## " = heading, PAGE_BREAK = new page
    closing: str | None = "Met vriendelijke groet,"
    signatories: list[tuple[str, ...]] = field(default_factory=list)  # (line1, line2, ...) per signatory
    footer: str | None = None


@dataclass(frozen=True)
class Line:
    """One drawn line of text; y is the baseline measured from the top of the page, in points."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False


def layout(letter: Letter, regular: str = "Helvetica", bold: str = "Helvetica-Bold") -> list[list[Line]]:
    """Place the letter's text on A4 pages; the same layout feeds the text PDF and the scan."""
    width = PAGE_W - LEFT - RIGHT
    pages: list[list[Line]] = [[]]
    y = TOP

    def put(text: str, size: float = BODY_SIZE, is_bold: bool = False, x: float = LEFT, lead: float = LEADING) -> None:
        nonlocal y
        if y + lead > PAGE_H - BOTTOM:
            new_page()
        y += lead
        pages[-1].append(Line(x, y, text, size, is_bold))

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = TOP + 20

    if letter.org:
        put(letter.org, 15, True, lead=18)
        for line in letter.org_lines:
            put(line, 8.5, lead=11)
    for line in letter.sender_block:
        put(line)
    y = max(y + 28, 150.0)
    for line in letter.addressee:
        put(line)
    y += 28
    if letter.place_date:
        put(letter.place_date)
        y += 6
    labels = [f"{label}:" for label, _ in letter.meta]
    value_x = LEFT + max([95.0, *(pdfmetrics.stringWidth(t, regular, BODY_SIZE) + 14 for t in labels)])
    for (label, value), text in zip(letter.meta, labels):
        put(text)
        pages[-1].append(Line(value_x, y, value, BODY_SIZE, label.lower() in ("betreft", "onderwerp")))
    y += 20
    if letter.salutation:
        put(letter.salutation)
        y += 8
    for para in letter.paragraphs:
        if para == PAGE_BREAK:
            new_page()
            continue
        heading = para.startswith("## ")
        text = para[3:] if heading else para
        font = bold if heading else regular
        for piece in simpleSplit(text, font, BODY_SIZE, width):
            put(piece, is_bold=heading)
        y += 8
    if letter.closing:
        put(letter.closing)
        y += 34
    for signatory in letter.signatories:
        if y + LEADING * (len(signatory) + 3) > PAGE_H - BOTTOM:
            new_page()
        for i, line in enumerate(signatory):
            put(line, is_bold=i == 0 and len(signatory) > 1 and not line.lower().startswith(("namens", "de ")))
        y += 30
    footer = letter.footer
    for number, page in enumerate(pages, start=1):
        text = footer or ""
        if len(pages) > 1:
            text = (text + "   " if text else "") + f"Pagina {number} van {len(pages)}"
        if text:
            page.append(Line(LEFT, PAGE_H - 40, text, 8))
    return pages


def letter_text(letter: Letter) -> str:
    """The letter as plain mail text (for letters that arrive only in the mail body)."""
    out: list[str] = []
    if letter.org:
        out += [letter.org, *letter.org_lines, ""]
    if letter.sender_block:
        out += [*letter.sender_block, ""]
    if letter.addressee:
        out += [*letter.addressee, ""]
    if letter.place_date:
        out += [letter.place_date, ""]
    if letter.meta:
        out += [f"{label}: {value}" for label, value in letter.meta] + [""]
    if letter.salutation:
        out += [letter.salutation, ""]
    for para in letter.paragraphs:
        if para != PAGE_BREAK:
            out += [para[3:] if para.startswith("## ") else para, ""]
    if letter.closing:
        out += [letter.closing, ""]
    for signatory in letter.signatories:
        out += [*signatory, ""]
    return "\n".join(out).rstrip() + "\n"


def plain_lines(letter: Letter) -> str:
    """All text of the rendered letter (what OCR or a text layer should give back), one line per line."""
    return "\n".join(line.text for page in layout(letter) for line in page)
