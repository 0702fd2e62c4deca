"""A top-level Outlook .msg file goes through the whole pipeline like a MIME message."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.registry.models import Item
from tests.conftest import sample_settings
from tests.test_extract_helpers import build_msg


def text_pdf(pages: list[str]) -> bytes:
    """A PDF with one drawn line per text line, as letters are laid out."""
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in pages:
        y = 800
        for line in page.splitlines():
            c.drawString(60, y, line)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()

LETTER = ("Stichting Groen Waterlinde\nDatum: 3 maart 2025\nBetreft: Behoud van het Wilgenpark\n\n"
          "Geachte leden van de gemeenteraad,\n\nWij vragen u het Wilgenpark als groene long te behouden en de\n"
          "bomen niet te kappen voor de nieuwe parkeerplaats. Het park is van grote waarde voor natuur en\n"
          "recreatie in de wijk.\n\nMet vriendelijke groet,\n\nPetra Hoogland\nvoorzitter Stichting Groen Waterlinde")


def test_msg_file_is_filed_with_its_pdf_letter(tmp_path):
    msg = build_msg("Brief over het Wilgenpark", "Geachte griffie, bijgaand onze brief.",
                    ("Petra Hoogland", "p.hoogland@groenwaterlinde.nl"), [("Griffie", "griffie@waterlinde.nl")],
                    [("brief.pdf", "application/pdf", text_pdf([LETTER]))], datetime(2025, 3, 3, 10, 0,
                                                                                      tzinfo=timezone.utc))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "brief.msg").write_bytes(msg)
    app = App.open(sample_settings(tmp_path))
    counts = ingest_paths(app, [tmp_path / "in"], show_progress=False)
    assert counts["ingested"] == 1 and counts["quarantined"] == 0
    with app.sessions() as s:
        item = s.scalar(select(Item))
        doc = item.analysis
    assert doc["message"]["subject"] == "Brief over het Wilgenpark"
    assert doc["message"]["from"] == "p.hoogland@groenwaterlinde.nl"
    assert doc["letter"]["subject"] == "Behoud van het Wilgenpark"
    assert doc["letter"]["date"] == "2025-03-03"
    assert doc["sender"]["organisation"] == "Stichting Groen Waterlinde" and doc["sender"]["kind"] == "organisatie"
    assert [a["status"] for a in doc["attachments"]] == ["ok"]
