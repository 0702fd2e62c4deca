"""The privacy guard: refuses every public format that still holds a personal-data string, passes clean ones."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.privacy.detect import detect
from pipeline.privacy.guard import PrivacyLeak, check_public, forbidden_strings, public_text
from pipeline.privacy.redact import redact_text

LETTER = """Geachte raad,

Ik woon op Kerkstraat 14 in Waterlinde. Bel mij op 06-12345678 of mail naar jp.devries@gmail.com.
Mijn rekening is NL44 RABO 0123 4567 89.

Met vriendelijke groet,

Jan Pieter de Vries
3441 AB Waterlinde
"""
FORBIDDEN = forbidden_strings(detect(LETTER))


def pdf_with(text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 780, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_with(text: str, in_header: bool = False) -> bytes:
    document = Document()
    if in_header:
        document.sections[0].header.paragraphs[0].text = text
    else:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "Afzender"
        table.cell(0, 1).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


LEAKY = {
    "text": "Stuk 12: brief van J.P. de Vries over de kermis",
    "html": "<td>brief van <b>Jan&nbsp;Pieter</b>\n de   Vries</td>",
    "csv": 'nr,afzender\n12,"jp.devries@GMAIL.com"\n',
    "json": json.dumps({"sender": {"public_label": "Jan Pieter de Vries"}}, ensure_ascii=True),
    "pdf": pdf_with("Afzender: inwoner, tel. 06 1234 5678"),
    "docx": docx_with("NL44RABO0123456789"),
}
CLEAN = {
    "text": "Stuk 12: brief van inwoner van Waterlinde over de kermis",
    "html": "<td>brief van <b>inwoner</b> over Kerkstraat-evenement</td>",
    "csv": "nr,afzender\n12,inwoner van Waterlinde\n",
    "json": json.dumps({"sender": {"public_label": "inwoner"}, "date": "2025-03-06"}),
    "pdf": pdf_with("Afzender: inwoner van Waterlinde, stuk 0612"),
    "docx": docx_with("Gemeente Waterlinde"),
}


def test_forbidden_strings_cover_the_letter_and_variants() -> None:
    values = {f.lower() for f in FORBIDDEN}
    assert {"jan pieter de vries", "j.p. de vries", "jan de vries", "jp.devries@gmail.com", "kerkstraat 14",
            "3441 ab waterlinde", "3441ab waterlinde", "nl44rabo0123456789", "+31612345678",
            "0612345678"} <= values
    kinds = {f.kind for f in FORBIDDEN}
    assert kinds == {"person", "email", "phone", "address", "iban"}
    # The place alone is not personal data: "inwoner van Waterlinde" stays publishable.
    assert "waterlinde" not in values


@pytest.mark.parametrize("fmt", sorted(LEAKY))
def test_leak_is_refused_in_every_format(fmt: str) -> None:
    with pytest.raises(PrivacyLeak) as caught:
        check_public(LEAKY[fmt], FORBIDDEN, fmt=fmt)
    message = str(caught.value)
    assert message.startswith("Publicatie geweigerd") and fmt in message
    for full in ("Jan Pieter de Vries", "jp.devries@gmail.com", "06 1234 5678", "NL44RABO0123456789"):
        assert full not in message


@pytest.mark.parametrize("fmt", sorted(CLEAN))
def test_clean_content_passes_in_every_format(fmt: str) -> None:
    assert "inwoner" in public_text(CLEAN[fmt], fmt) or "Waterlinde" in public_text(CLEAN[fmt], fmt)  # it was read
    check_public(CLEAN[fmt], FORBIDDEN, fmt=fmt)  # and no false alarm: raises PrivacyLeak if it finds one


def test_message_names_the_kind() -> None:
    with pytest.raises(PrivacyLeak, match="telefoonnummer") as caught:
        check_public(LEAKY["pdf"], FORBIDDEN, fmt="pdf")
    assert caught.value.kind == "phone"


def test_phone_written_in_another_format_is_found() -> None:
    for written in ("+31 (0)6 12345678", "0031 6 1234 5678", "06.12.34.56.78"):
        with pytest.raises(PrivacyLeak):
            check_public(f"tel {written}", FORBIDDEN)


def test_docx_header_and_metadata_are_checked() -> None:
    with pytest.raises(PrivacyLeak):
        check_public(docx_with("Jan Pieter de Vries", in_header=True), FORBIDDEN, fmt="docx")
    document = Document()
    document.add_paragraph("Lijst ingekomen stukken")
    document.core_properties.author = "Jan Pieter de Vries"
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(PrivacyLeak):
        check_public(buffer.getvalue(), FORBIDDEN, fmt="docx")
    assert zipfile.is_zipfile(io.BytesIO(buffer.getvalue()))


def test_redacted_text_passes_the_guard() -> None:
    spans = detect(LETTER)
    redacted = redact_text(LETTER, spans)
    check_public(redacted, FORBIDDEN)
    assert "[naam]" in redacted and "[e-mail]" in redacted and "[iban]" in redacted
    assert "Waterlinde" in redacted.split("[adres]")[1]  # "op [adres] in Waterlinde": the place itself stays


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError):
        check_public("x", FORBIDDEN, fmt="xlsx")


def test_full_width_letters_and_compatibility_forms_do_not_hide_a_name() -> None:
    """NFKC in the guard's normal form (as in the IMAP filters): the same name in other code points is the name."""
    full_width = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in "Jan Pieter de Vries")
    for written in (full_width, "Jan Pieter de Vrie\u017f", "Ｋｅｒｋｓｔｒａａｔ 14"):  # long s; full-width street
        with pytest.raises(PrivacyLeak):
            check_public(f"Brief van {written}.", FORBIDDEN)
