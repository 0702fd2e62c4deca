"""Parse stage: MIME trees, charsets, file names and forwarded originals."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from pipeline.stages.parse import ParseError, clean_subject, parse_message
from tests.helpers import make_mail


def test_plain_mail_fields():
    p = parse_message(make_mail(subject="Vraag over de Oranjestraat", body="Geachte raad,\n\nHet café is dicht.\n"))
    assert p.from_address == "jan@example.nl" and p.from_name == "Jan Jansen"
    assert p.subject == "Vraag over de Oranjestraat"
    assert "café" in p.text and p.date.year == 2025 and p.origin is None


def test_iso_8859_1_body_and_encoded_words():
    raw = ("From: =?iso-8859-1?q?=CBlla_M=FCller?= <ella@example.nl>\r\nTo: raad@waterlinde.nl\r\n"
           "Subject: =?iso-8859-1?q?Re=FCnie_in_het_caf=E9?=\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           "Geachte raad, de reünie in Café ’t Hoekje was geslaagd.\r\n").encode("latin-1", "replace")
    p = parse_message(raw)
    assert p.from_name == "Ëlla Müller"
    assert p.subject == "Reünie in het café"
    assert "reünie" in p.text and "Café" in p.text


def test_rfc2231_filename_and_inline_pdf():
    msg = EmailMessage()
    msg["From"] = "a@b.nl"
    msg["Subject"] = "x"
    msg.set_content("zie bijlage")
    msg.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="reactie één.pdf",
                       disposition="inline")
    p = parse_message(msg.as_bytes())
    assert [a.filename for a in p.attachments] == ["reactie één.pdf"]
    assert p.attachments[0].inline and p.attachments[0].data.startswith(b"%PDF")


def test_html_only_mail_becomes_text_without_remote_fetch():
    msg = EmailMessage()
    msg["From"] = "a@b.nl"
    msg["Subject"] = "html"
    msg.set_content("<html><body><p>Geachte raad,</p><p>Wij vragen <b>aandacht</b>.</p>"
                    "<img src='https://tracker.example/x.png'></body></html>", subtype="html")
    p = parse_message(msg.as_bytes())
    assert "Geachte raad," in p.text and "Wij vragen aandacht." in p.text and "tracker" not in p.text


@pytest.mark.parametrize("header_block", [
    "Van: Sanne de Wit <s.dewit@lvkk.nl>\nVerzonden: donderdag 5 juni 2025 13:14\nAan: griffie\n"
    "Onderwerp: Oproep aan gemeenteraden\n",
    "From: Sanne de Wit <s.dewit@lvkk.nl>\nSent: Thursday, June 5, 2025 1:14 PM\nTo: griffie\n"
    "Subject: Oproep aan gemeenteraden\n",
    "---------- Forwarded message ---------\nFrom: Sanne de Wit <s.dewit@lvkk.nl>\n"
    "Date: Thu, 5 Jun 2025 at 13:14\nSubject: Oproep aan gemeenteraden\nTo: <griffie@waterlinde.nl>\n",
    "Begin forwarded message:\n\nFrom: Sanne de Wit <s.dewit@lvkk.nl>\nSubject: Oproep aan gemeenteraden\n"
    "Date: 5 June 2025 at 13:14:00 CEST\nTo: griffie@waterlinde.nl\n",
])
def test_inline_forwards_give_the_original(header_block):
    body = f"Ter info.\n\nMet vriendelijke groet,\nPiet\n\n{header_block}\nGeachte griffie,\n\nGraag aandacht.\n"
    p = parse_message(make_mail(subject="FW: Oproep aan gemeenteraden", body=body,
                                sender="Piet Griffie <piet@waterlinde.nl>"))
    assert p.origin is not None and p.origin.forwarded
    assert p.origin.from_address == "s.dewit@lvkk.nl"
    assert p.origin.subject == "Oproep aan gemeenteraden"
    assert p.origin.date is not None and (p.origin.date.year, p.origin.date.month, p.origin.date.day) == (2025, 6, 5)
    assert "Graag aandacht." in p.origin.text and "Ter info" not in p.origin.text


def test_attached_message_is_the_origin_with_its_attachments():
    inner = make_mail(subject="Zienswijze begroting", sender="GGD <info@ggd.example.nl>",
                      attachments=[("begroting.pdf", "application/pdf", b"%PDF-1.4 inner")])
    outer = EmailMessage()
    outer["From"] = "piet@waterlinde.nl"
    outer["Subject"] = "Doorgestuurd: Zienswijze begroting"
    outer.set_content("Zie bijgevoegd bericht.")
    from email import message_from_bytes, policy
    outer.add_attachment(message_from_bytes(inner, policy=policy.default))
    p = parse_message(outer.as_bytes())
    assert p.origin.forwarded and p.origin.from_address == "info@ggd.example.nl"
    assert p.origin.subject == "Zienswijze begroting"
    assert [a.filename for a in p.attachments] == ["begroting.pdf"] and p.attachments[0].depth == 1


def test_nesting_depth_is_capped():
    raw = make_mail(subject="diep")
    from email import message_from_bytes, policy
    for n in range(4):
        outer = EmailMessage()
        outer["From"] = f"laag{n}@example.nl"
        outer["Subject"] = f"FW: laag {n}"
        outer.set_content("doorgestuurd")
        outer.add_attachment(message_from_bytes(raw, policy=policy.default))
        raw = outer.as_bytes()
    p = parse_message(raw, max_depth=2)
    assert "NestingTooDeep" in p.defects


def test_truncated_mime_is_parsed_with_defects_and_empty_input_refused():
    raw = make_mail(attachments=[("a.pdf", "application/pdf", b"%PDF-1.4 " + b"x" * 3000)])
    p = parse_message(raw[: len(raw) // 2])
    assert any("Boundary" in d or "Padding" in d or "Base64" in d for d in p.defects) or p.attachments
    with pytest.raises(ParseError):
        parse_message(b"   ")
    with pytest.raises(ParseError):
        parse_message(b"\x00\x01 not a mail at all")


def test_clean_subject():
    assert clean_subject("FW: RE: Doorgestuurd: Oproep") == "Oproep"
    assert clean_subject("  ") is None
