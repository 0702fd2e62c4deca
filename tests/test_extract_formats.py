"""DOCX, images, plain text, HTML, winmail.dat and .msg; bombs, oversize and unknown types as statuses."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from datetime import datetime, timezone

import docx
import pytest

from pipeline.extract import ExtractLimits, extract_all, extract_attachment, read_msg
from pipeline.extract.errors import ExtractFailure
from pipeline.records import AttachmentPart
from test_extract_helpers import build_msg, build_tnef, image_pdf, scan_image, text_pdf

needs_tesseract = pytest.mark.skipif(not os.path.exists("/usr/bin/tesseract"), reason="tesseract not installed")
LIMITS = ExtractLimits()
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Betreft: zienswijze op de begroting 2026")
    document.add_paragraph("Wij maken ons zorgen over de financiële positie van het zwembad.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Post", "Bedrag"
    table.cell(1, 0).text, table.cell(1, 1).text = "Onderhoud", "€ 12.000"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables():
    result = extract_attachment(AttachmentPart("zienswijze.docx", DOCX_TYPE, make_docx()), LIMITS)
    assert result.status == "ok"
    assert result.text.startswith("Betreft: zienswijze op de begroting 2026")
    assert "financiële positie" in result.text
    assert "Onderhoud\t€ 12.000" in result.text


def test_docx_zip_bomb_is_too_large_without_inflating():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/bom.bin", b"\0" * (8 * 1024 * 1024))
    limits = ExtractLimits(max_decompressed_bytes=4 * 1024 * 1024)
    result = extract_attachment(AttachmentPart("bom.docx", DOCX_TYPE, out.getvalue()), limits)
    assert len(out.getvalue()) < 100_000  # small on disk, big when opened
    assert result.status == "too_large" and "zip-bom" in result.error


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares huge dimensions but carries almost no data: a decompression bomb."""
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_image_bombs_are_too_large():
    beyond_ours = extract_attachment(AttachmentPart("scan.png", "image/png", png_header_only(10_000, 10_000)), LIMITS)
    assert beyond_ours.status == "too_large"
    assert beyond_ours.error == ("Afbeelding is te groot: 10000 x 10000 pixels (limiet 50.000.000 pixels); "
                                 "mogelijk een decompressiebom")
    beyond_pil = extract_attachment(AttachmentPart("scan.png", "image/png", png_header_only(100_000, 100_000)), LIMITS)
    assert beyond_pil.status == "too_large" and "decompressiebom" in beyond_pil.error


@needs_tesseract
def test_png_scan_is_ocrd():
    image = scan_image("Verzoek om een gesprek over de kermis in Oud-Beijerland.", dpi=200, pt=14)
    buf = io.BytesIO()
    image.crop((0, 0, image.width, image.height // 4)).save(buf, "PNG")
    result = extract_attachment(AttachmentPart("scan.png", "image/png", buf.getvalue()), LIMITS)
    assert result.status == "ocr" and result.ocr is True
    assert "kermis in Oud-Beijerland" in result.text


def test_oversized_attachment_is_not_read():
    data = text_pdf(["Groot bestand"]) + b"\0" * 3000
    result = extract_attachment(AttachmentPart("groot.pdf", "application/pdf", data), ExtractLimits(max_attachment_bytes=2000))
    assert result.status == "too_large" and result.text == "" and result.pages is None
    assert result.error.startswith("Bijlage is te groot") and result.size == len(data)


def test_unknown_type_is_unsupported_with_size_and_hash():
    data = b"\x00\x01binary blob" * 10
    result = extract_attachment(AttachmentPart("model.dwg", "application/acad", data), LIMITS)
    assert result.status == "unsupported" and "application/acad" in result.error
    assert result.size == len(data) and result.sha256 == __import__("hashlib").sha256(data).hexdigest()


def test_plain_text_charsets_and_html_without_fetching():
    latin = "Geachte heer Müller, de inspraakavond is op één oktober.".encode("cp1252")
    utf8 = "Coördinatie café € 5".encode("utf-8")
    html = b'<html><head><style>p{}</style><script>x()</script></head><body><p>Beste griffi\xc3\xab,</p>' \
           b'<img src="http://tracker.example/x.png"><p>Zie <a href="http://a.example">bijlage</a>.</p></body></html>'
    results = extract_all([
        AttachmentPart("brief.txt", "text/plain", latin),
        AttachmentPart("notitie.txt", "text/plain; charset=utf-8", utf8),
        AttachmentPart("mail.html", "text/html; charset=utf-8", html),
    ], LIMITS)
    assert [r.status for r in results] == ["ok", "ok", "ok"]
    assert results[0].text == "Geachte heer Müller, de inspraakavond is op één oktober."
    assert results[1].text == "Coördinatie café € 5"
    assert results[2].text == "Beste griffië,\n\nZie bijlage."  # inline links stay in their sentence
    assert "tracker" not in results[2].text and "x()" not in results[2].text


def test_winmail_dat_body_and_attachments_are_read():
    inner_pdf = text_pdf(["Raadsinformatiebrief over de herinrichting van het marktplein in Zwijndrecht."])
    data = build_tnef("Herinrichting marktplein", "Geachte raad,\r\nZie de bijlagen. Met vriendelijke groet, Jan Brouwer",
                      [("rib.pdf", inner_pdf), ("notitie.txt", "Financiën: € 40.000".encode("cp1252"))])
    result = extract_attachment(AttachmentPart("winmail.dat", "application/ms-tnef", data), LIMITS)
    assert result.status == "ok", result.error
    assert result.text.startswith("Onderwerp: Herinrichting marktplein\n\nGeachte raad,")
    assert "--- Bijlage: rib.pdf ---\nRaadsinformatiebrief over de herinrichting" in result.text
    assert "Financiën: € 40.000" in result.text


def test_winmail_dat_with_bad_checksum_or_broken_inner_file_keeps_statuses():
    data = bytearray(build_tnef("Test", "Hallo", [("kapot.pdf", b"%PDF-1.4\n\0\0\0 kapot")]))
    good = extract_attachment(AttachmentPart("winmail.dat", "application/ms-tnef", bytes(data)), LIMITS)
    assert good.status == "ok" and "Bijlage kapot.pdf: broken (PDF is beschadigd" in good.error
    data[-3] ^= 0xFF  # flip a byte of the last attribute's data: its checksum no longer matches
    bad = extract_attachment(AttachmentPart("winmail.dat", "application/ms-tnef", bytes(data)), LIMITS)
    assert bad.status == "broken" and "controlesom" in bad.error


WHEN = datetime(2025, 6, 5, 9, 30, tzinfo=timezone.utc)


def test_read_msg_gives_headers_body_and_attachments():
    pdf = text_pdf(["Ledenbrief: alle gemeenteraden van Nederland over de kleine kernen."])
    data = build_msg("Brief over dorpshuizen", "Geachte griffie,\r\nBijgaand onze brief over één dorpshuis.\r\n",
                     ("Anne de Vries", "secretariaat@lvkk.nl"),
                     [("Griffie Dordrecht", "griffie@dordrecht.nl")], [("ledenbrief.pdf", "application/pdf", pdf)], WHEN)
    message = read_msg(data)
    assert message.subject == "Brief over dorpshuizen"
    assert (message.sender_name, message.sender_address) == ("Anne de Vries", "secretariaat@lvkk.nl")
    assert message.to == ["Griffie Dordrecht <griffie@dordrecht.nl>"] and message.cc == []
    assert message.date == WHEN
    assert message.body == "Geachte griffie,\nBijgaand onze brief over één dorpshuis."
    assert [(a.filename, a.content_type, a.data) for a in message.attachments] == [("ledenbrief.pdf", "application/pdf", pdf)]


def test_attached_msg_is_extracted_with_its_attachments():
    pdf = text_pdf(["Ledenbrief: alle gemeenteraden van Nederland over de kleine kernen."])
    data = build_msg("Doorgestuurd", "Zie bijlage.", ("Piet Jansen", "p.jansen@example.nl"),
                     [("Griffie", "griffie@example.nl")], [("ledenbrief.pdf", "application/pdf", pdf)], WHEN)
    result = extract_attachment(AttachmentPart("Doorgestuurd.msg", "application/octet-stream", data), LIMITS)
    assert result.status == "ok", result.error
    assert "Onderwerp: Doorgestuurd" in result.text and "Zie bijlage." in result.text
    assert "--- Bijlage: ledenbrief.pdf ---\nLedenbrief: alle gemeenteraden" in result.text


def test_broken_msg_and_garbage_outlook_files():
    with pytest.raises(ExtractFailure) as caught:
        read_msg(b"not an outlook file")
    assert caught.value.status == "broken"
    data = build_msg("x", "y", ("a", "a@b.nl"), [], [], WHEN)
    truncated = extract_attachment(AttachmentPart("kapot.msg", "application/vnd.ms-outlook", data[:1500]), LIMITS)
    assert truncated.status == "broken" and truncated.error.startswith("Outlook-bericht (.msg) is beschadigd")
    garbage = extract_attachment(AttachmentPart("winmail.dat", "application/ms-tnef", b"garbage"), LIMITS)
    assert garbage.status == "broken" and "winmail.dat" in garbage.error


def test_nesting_depth_is_capped():
    inner = build_tnef("Binnen", "binnenste tekst", [])
    middle = build_tnef("Midden", "middelste tekst", [("winmail.dat", inner)])
    result = extract_attachment(AttachmentPart("winmail.dat", "application/ms-tnef", middle), ExtractLimits(max_attachment_depth=0))
    assert "middelste tekst" in result.text and "binnenste tekst" not in result.text
    assert "te diep genest" in result.error


@needs_tesseract
def test_scanned_pdf_inside_winmail_dat_sets_ocr():
    scan = image_pdf([scan_image("Handtekening van de burgemeester onder het besluit.", dpi=200, pt=16)], dpi=200)
    result = extract_attachment(AttachmentPart("winmail.dat", "application/ms-tnef", build_tnef("Scan", "zie scan", [("scan.pdf", scan)])), LIMITS)
    assert result.status == "ocr" and result.ocr is True
    assert "burgemeester" in result.text
