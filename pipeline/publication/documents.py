"""What a griffie publishes about an item: its redacted documents and letter text, each through the guard."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from pipeline.extract.detect import sniff
from pipeline.extract.limits import ExtractLimits
from pipeline.extract.ocr import OcrError
from pipeline.lists.render_pdf import fonts
from pipeline.privacy.guard import PrivacyLeak, PublicationRefused, check_public, describe, guarded
from pipeline.privacy.pdf import PdfRedactionError, redact_pdf
from pipeline.publication.forbidden import (
    forbidden_for_item,
    found_in_attachment,
    found_in_filename,
    found_in_letter,
    found_in_subject,
    is_numeric,
    present_needles,
    redact_known,
)
from pipeline.publication.scan import redact_image_file, redact_scanned_pdf
from pipeline.records import ParsedMessage
from pipeline.registry.models import Attachment, Item
from pipeline.registry.view import item_truth
from pipeline.stages.message import parse_any

PUBLISHED, WITHHELD = "gepubliceerd", "niet_gepubliceerd"
STATUS_NOTES = {
    "encrypted": "versleuteld", "broken": "beschadigd", "too_large": "te groot om te lezen",
    "unsupported": "bestandstype wordt niet gepubliceerd", "timeout": "tekst kon niet op tijd gelezen worden",
}


@dataclass
class PublishedDocument:
    filename: str
    data: bytes | None  # None when the document is not published
    status: str  # gepubliceerd | niet_gepubliceerd
    note: str  # Dutch, for the griffie ("geanonimiseerd: 3 zwarte vlakken", "niet gepubliceerd: versleuteld")
    position: int = -1  # the attachment's position in its message
    original: str = ""  # the attachment's own file name as text, redacted (never used as a file name)


@dataclass
class Publication:
    """Everything public about one item, all checked by the guard."""

    item_id: int
    registration_number: str
    sender: str
    subject: str
    letter_date: str | None
    text: str
    documents: list[PublishedDocument] = field(default_factory=list)
    needles: list[str] = field(default_factory=list, repr=False)  # what the guard forbade (for pages built on it)


def source_message(app, item: Item) -> ParsedMessage:
    """The item's kept raw message parsed again with the parser the pipeline used."""
    return parse_any(app.store.get(item.message.sha256), app.settings.intake.max_nesting_depth)


def attachment_bytes(parsed: ParsedMessage, att: Attachment) -> bytes | None:
    """The raw bytes of a registered attachment: same position as in the pipeline, confirmed by its sha256."""
    parts = parsed.attachments
    if 0 <= att.position < len(parts) and hashlib.sha256(parts[att.position].data).hexdigest() == att.sha256:
        return parts[att.position].data
    return next((p.data for p in parts if hashlib.sha256(p.data).hexdigest() == att.sha256), None)


def public_filename(item: Item, att: Attachment) -> str:
    """stuk-<registration number>-bijlage-<n>-openbaar.pdf: from the item and the position only, since an
    original name may hold a person's name or a path ("../../etc/passwd"); it is shown as (redacted) text."""
    return f"stuk-{item.registration_number}-bijlage-{att.position + 1}-openbaar.pdf"


def text_pdf(title: str, text: str) -> bytes:
    """A plain A4 PDF of text (a redacted Word document or mail text), with a text layer."""
    regular, bold = fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor("griffie")
    width, height = A4
    margin, size, leading = 2.5 * cm, 10, 13
    y = height - margin
    pdf.setFont(bold, 11)
    pdf.drawString(margin, y, title[:90])
    y -= 2 * leading
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        for line in simpleSplit(paragraph, regular, size, width - 2 * margin) or [""]:
            if y < margin:
                pdf.showPage()
                y = height - margin
            pdf.setFont(regular, size)
            pdf.drawString(margin, y, line)
            y -= leading
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _digit_key(needle: str) -> str:
    return re.sub(r"\D", "", needle)[-9:]


def _unfound(att: Attachment, needles: list[str], found: set[str]) -> list[str]:
    """The item's personal data in this attachment's text that the redaction did not find on the pages."""
    found_digits = {_digit_key(n) for n in found if is_numeric(n)}
    return [n for n in present_needles(att.text or "", needles)
            if n not in found and not (is_numeric(n) and _digit_key(n) in found_digits)]


def _withheld(item: Item, att: Attachment, why: str) -> PublishedDocument:
    return PublishedDocument(public_filename(item, att), None, WITHHELD, f"niet gepubliceerd: {why}", att.position)


def _redact(item: Item, att: Attachment, data: bytes, needles: list[str], limits: ExtractLimits) -> PublishedDocument:
    name = public_filename(item, att)
    kind = sniff(data, att.content_type or "", att.filename)
    if kind in ("pdf", "image"):
        if kind == "pdf" and not att.ocr:
            result = redact_pdf(data, needles, dpi=150, strict=False)
            out, boxes, found = result.data, len(result.boxes), set(needles) - set(result.missing)
        else:
            scan = (redact_scanned_pdf if kind == "pdf" else redact_image_file)(data, needles, limits)
            out, boxes, found = scan.data, len(scan.boxes), scan.found
        unfound = _unfound(att, needles, found)
        if unfound:
            return _withheld(item, att, f"{len(unfound)} persoonsgegeven(s) niet terug te vinden op de pagina's "
                                           "om af te schermen")
        note = f"geanonimiseerd: {boxes} zwart(e) vlak(ken)" + (" (via OCR)" if att.ocr else "")
    elif att.text and att.text.strip():
        redacted = redact_known(att.text, needles, found_in_attachment(item, att.position))
        out = text_pdf(f"Bijlage {att.position + 1} (openbare versie)", redacted)
        note = f"geanonimiseerd: {redacted.count('[')} gegeven(s) vervangen; opnieuw opgemaakt als PDF"
    else:
        return _withheld(item, att, "geen tekst om te publiceren")
    guarded(out, needles, "pdf")
    return PublishedDocument(name, out, PUBLISHED, note, att.position)


def redacted_document(app, item: Item, att: Attachment, parsed: ParsedMessage | None = None,
                      needles: list[str] | None = None) -> PublishedDocument:
    """The public version of one attachment, or why it is not published; a leak raises PublicationRefused.
    The kept mail is parsed (once, or `parsed` given) only for the bytes of a document that is published."""
    needles = needles if needles is not None else forbidden_for_item(item, with_mail=True)
    doc = _published(app, item, att, parsed, needles)
    original = redact_known(att.filename or "", needles, found_in_filename(item, att.position))
    doc.original = guarded(original, needles, "text")
    return doc


def _published(app, item: Item, att: Attachment, parsed: ParsedMessage | None,
               needles: list[str]) -> PublishedDocument:
    if att.status not in ("ok", "ocr"):
        return _withheld(item, att, STATUS_NOTES.get(att.status, att.status))
    data = attachment_bytes(parsed or source_message(app, item), att)
    if data is None:
        return _withheld(item, att, "bijlage niet teruggevonden in het bewaarde bericht")
    try:
        return _redact(item, att, data, needles, app.settings.limits)
    except (PdfRedactionError, OcrError) as exc:
        return _withheld(item, att, f"kon niet geanonimiseerd worden ({exc})")


def redacted_documents(app, item: Item) -> list[PublishedDocument]:
    """Every attachment of the item's message as published (redacted PDF) or not (with the reason)."""
    parsed = source_message(app, item)
    needles = forbidden_for_item(item, with_mail=True)
    return [redacted_document(app, item, att, parsed, needles) for att in item.message.attachments]


def redacted_text(item: Item, needles: list[str] | None = None) -> str:
    """The letter text with every personal-data span replaced by a marker, checked by the guard."""
    needles = needles if needles is not None else forbidden_for_item(item)
    return guarded(redact_known(item.text or "", needles, found_in_letter(item)), needles, "text")


def _guarded_field(item: Item, field: str, text: str, needles: list[str]) -> str:
    """text through the guard; a refusal names the item and the field (never the data)."""
    try:
        check_public(text, needles, "text")
    except PrivacyLeak as leak:
        raise PublicationRefused(f"Publicatie geweigerd: stuk {item.registration_number} ({field}) bevat nog "
                                 f"{describe(leak.forbidden)}. Beoordeel het bij het stuk: 'geen persoonsgegeven', "
                                 "of laat het weglakken.") from leak
    return text


def publication(app, item: Item, with_documents: bool = True) -> Publication:
    """The item as the public sees it: label, subject, date, redacted text and documents, all guarded. It reads
    the personal data stored with the item; the kept mail is parsed only for the documents' bytes."""
    needles = forbidden_for_item(item, with_mail=True)
    t = item_truth(item)
    subject = redact_known(t.value("subject") or "(geen onderwerp)", needles, found_in_subject(item))
    subject = _guarded_field(item, "onderwerp", subject, needles)
    sender = _guarded_field(item, "afzender", t.public_label, needles)
    docs = []
    if with_documents:
        parsed = source_message(app, item)
        docs = [redacted_document(app, item, a, parsed, needles) for a in item.message.attachments]
    letter_date = t.value("letter_date")
    return Publication(t.id, t.registration_number, sender, subject, letter_date.isoformat() if letter_date else None,
                       redacted_text(item, needles), docs, needles)
