"""Generated fixtures for the extract tests: text PDFs, rendered 'scans', a Dutch letter text."""

from __future__ import annotations

import io
import os

import reportlab
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_PATH = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")

LETTER = (
    "Geachte leden van de gemeenteraad, "
    "Namens de Landelijke Vereniging van Kleine Kernen schrijven wij u over de toekomst van de dorpshuizen "
    "in uw gemeente. In veel kernen is het dorpshuis de enige plek waar inwoners elkaar nog ontmoeten. "
    "Ouderen drinken er koffie, jongeren repeteren er met hun band en de huisarts houdt er één keer per week "
    "spreekuur. De energiekosten zijn de afgelopen twee jaar met ruim € 4.500 per gebouw gestegen. "
    "Daardoor komen vrijwilligers in de problemen en dreigt sluiting van zeker twaalf dorpshuizen vóór het "
    "einde van het jaar. Wij vragen u daarom drie dingen. Ten eerste: maak een financiële regeling voor "
    "het isoleren van maatschappelijk vastgoed, zodat besturen niet zelf hoeven te lenen. Ten tweede: zorg "
    "voor een vast aanspreekpunt bij de gemeente, dat de taal van vrijwilligers spreekt en snel reageert. "
    "Ten derde: betrek de dorpsraden bij de herziening van het accommodatiebeleid, want zij weten als geen "
    "ander wat er in hun kern speelt. Wij realiseren ons dat de financiële ruimte beperkt is. Toch is een "
    "kleine investering nu goedkoper dan het verlies van voorzieningen later. Onze coördinator, mevrouw "
    "Ünal, is graag bereid een toelichting te geven tijdens een informatiebijeenkomst of commissievergadering. "
    "Wij zien uw reactie met belangstelling tegemoet en danken u voor uw inzet voor de leefbaarheid van de "
    "kleine kernen. Met vriendelijke groet, het bestuur van de vereniging, de voorzitter en de secretaris."
)


def text_pdf(pages: list[str]) -> bytes:
    """A real text-layer PDF (TrueType Vera, so diacritics and the euro sign are embedded)."""
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", FONT_PATH))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for text in pages:
        pdf.setFont("Vera", 11)
        y = 780
        for line in wrap_words(text, 85):
            pdf.drawString(60, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def wrap_words(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def scan_image(text: str, dpi: int = 300, angle: float = 0.0, pt: float = 11.0) -> Image.Image:
    """An A4 page with the text drawn as pixels, like a clean scan; optionally rotated."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT_PATH, int(pt / 72 * dpi))
    y = int(1.0 * dpi)
    line_height = int(pt / 72 * dpi * 1.5)
    for line in wrap_words(text, 70):
        draw.text((int(0.9 * dpi), y), line, font=font, fill=0)
        y += line_height
    if angle:
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return page


def image_pdf(images: list[Image.Image], dpi: int = 300) -> bytes:
    """A PDF whose pages are only images (no text layer)."""
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def word_accuracy(source: str, read: str) -> float:
    """1 - word-level edit distance / number of source words."""
    a, b = source.split(), read.split()
    previous = list(range(len(b) + 1))
    for i, word in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other)))
        previous = current
    return 1 - previous[-1] / len(a)


# --- Outlook .msg, written with extract-msg's own OLE (CFB) writer, following [MS-OXMSG] -------------------------

import struct  # noqa: E402
from datetime import datetime, timezone  # noqa: E402

from extract_msg.ole_writer import OleWriter  # noqa: E402


def _props(header: bytes, entries) -> bytes:
    """A __properties_version1.0 stream: header, then 16-byte entries (variable types hold their size)."""
    out = bytearray(header)
    for tag, value in entries:
        kind = tag & 0xFFFF
        if kind in (0x001F, 0x0102, 0x001E):
            out += struct.pack("<IIII", tag, 6, len(value), 0)
        elif kind == 0x0003:
            out += struct.pack("<IIi4x", tag, 6, value)
        elif kind == 0x0040:
            out += struct.pack("<IIQ", tag, 6, value)
    return bytes(out)


def _u(text: str) -> bytes:
    return text.encode("utf-16-le")


def _filetime(when: datetime) -> int:
    return int((when - datetime(1601, 1, 1, tzinfo=timezone.utc)).total_seconds() * 10_000_000)


def build_msg(subject: str, body: str, sender: tuple[str, str], to: list[tuple[str, str]],
              attachments: list[tuple[str, str, bytes]], when: datetime) -> bytes:
    """A minimal but valid IPM.Note .msg: subject, plain body, sender, recipients, file attachments."""
    writer = OleWriter()
    strings = {0x001A001F: "IPM.Note", 0x0037001F: subject, 0x1000001F: body, 0x0C1A001F: sender[0],
               0x0C1F001F: sender[1], 0x0C1E001F: "SMTP", 0x5D01001F: sender[1], 0x0E04001F: "; ".join(n for n, _ in to)}
    entries: list = []
    for tag, text in strings.items():
        writer.addEntry(f"__substg1.0_{tag:08X}", _u(text))
        entries.append((tag, _u(text)))
    entries += [(0x00390040, _filetime(when)), (0x0E060040, _filetime(when))]
    header = struct.pack("<8xIIII8x", len(to), len(attachments), len(to), len(attachments))
    writer.addEntry("__properties_version1.0", _props(header, entries))
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        writer.addEntry(["__nameid_version1.0", stream], b"")
    for index, (name, email) in enumerate(to):
        base = f"__recip_version1.0_#{index:08X}"
        writer.addEntry(base, storage=True)
        writer.addEntry([base, "__substg1.0_3001001F"], _u(name))
        writer.addEntry([base, "__substg1.0_39FE001F"], _u(email))
        writer.addEntry([base, "__properties_version1.0"],
                        _props(b"\0" * 8, [(0x0C150003, 1), (0x3001001F, _u(name)), (0x39FE001F, _u(email))]))
    for index, (filename, mime, data) in enumerate(attachments):
        base = f"__attach_version1.0_#{index:08X}"
        writer.addEntry(base, storage=True)
        writer.addEntry([base, "__substg1.0_37010102"], data)
        writer.addEntry([base, "__substg1.0_3707001F"], _u(filename))
        writer.addEntry([base, "__substg1.0_370E001F"], _u(mime))
        writer.addEntry([base, "__properties_version1.0"],
                        _props(b"\0" * 8, [(0x37050003, 1), (0x37010102, data), (0x3707001F, _u(filename))]))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- winmail.dat (TNEF), written by hand following [MS-OXTNEF] ------------------------------------------------------


def _tnef_attr(level: int, attr_id: int, attr_type: int, data: bytes) -> bytes:
    """level, id, type, length, data, then a checksum: the sum of the data bytes modulo 65536."""
    return struct.pack("<BHHI", level, attr_id, attr_type, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def build_tnef(subject: str, body: str, attachments: list[tuple[str, bytes]]) -> bytes:
    out = bytearray(struct.pack("<IH", 0x223E9F78, 0x1234))
    out += _tnef_attr(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))  # attTnefVersion
    out += _tnef_attr(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))  # attOemCodepage
    out += _tnef_attr(1, 0x8008, 0x0007, b"IPM.Microsoft Mail.Note\0")  # attMessageClass
    out += _tnef_attr(1, 0x8004, 0x0001, subject.encode("cp1252") + b"\0")  # attSubject
    out += _tnef_attr(1, 0x800C, 0x0002, body.encode("cp1252"))  # attBody
    for filename, data in attachments:
        out += _tnef_attr(2, 0x9002, 0x0006, b"\xff\xff\xff\xff" + b"\0" * 10)  # attAttachRendData
        out += _tnef_attr(2, 0x8010, 0x0001, filename.encode("cp1252") + b"\0")  # attAttachTitle
        out += _tnef_attr(2, 0x800F, 0x0006, data)  # attAttachData
    return bytes(out)
