"""Redacted scans prepared by the worker (issue 16: no OCR inside a web request).

A scanned attachment (an image, or a PDF the intake read by OCR) is redacted from Tesseract's word boxes, which
takes seconds a page. The web request for its public PDF therefore only reads what the worker's pass prepared
(`prepare_pending`, run by `griffiepost serve` in a background thread every PREPARE_TICK_S): the redacted PDF in the store under
<data_dir>/openbaar, found by a key of the attachment and the strings forbidden for its item now. A reviewer's
verdict changes those strings and with them the key, so the next pass prepares the document again; until a
document is prepared the page says it is being prepared. PDFs with a text layer and Word documents need no OCR
and are still redacted when asked for (publication/documents.py); the CLI `publish` prepares everything itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from pipeline.lists.release import is_released
from pipeline.privacy.detected import DETECTOR_VERSION
from pipeline.privacy.guard import PublicationRefused
from pipeline.publication.documents import PUBLISHED, PublishedDocument, redacted_document, source_message
from pipeline.publication.forbidden import forbidden_for_item
from pipeline.rawstore import RawStore
from pipeline.registry.models import Attachment, Item, Message

PREPARE_TICK_S = 30.0
PREPARED_VERSION = 1  # raise it when the redaction of scans changes: every scan is prepared again
PUBLISHABLE = ("ok", "ocr")
log = logging.getLogger(__name__)


def needs_ocr(att: Attachment) -> bool:
    """Redacting this attachment reads its pages by OCR (documents.py: an image, or a PDF without a text layer)."""
    return att.status in PUBLISHABLE and (att.ocr or (att.content_type or "").startswith("image/"))


def _key(att: Attachment, needles: list[str]) -> str:
    parts = [str(PREPARED_VERSION), str(DETECTOR_VERSION), att.sha256, str(att.position),
             *sorted(f"{getattr(n, 'kind', '')}:{n}" for n in needles)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class Prepared:
    """The store of prepared scans: PDFs by content under <data_dir>/openbaar, a small manifest per key."""

    def __init__(self, data_dir: str | Path) -> None:
        self.root = Path(data_dir) / "openbaar"
        self.store = RawStore(self.root)

    def _manifest(self, key: str) -> Path:
        return self.root / "keys" / f"{key}.json"

    def get(self, att: Attachment, needles: list[str]) -> PublishedDocument | None:
        path = self._manifest(_key(att, needles))
        if not path.exists():
            return None
        m = json.loads(path.read_text(encoding="utf-8"))
        if m.get("refused"):
            raise PublicationRefused(m["refused"])
        data = self.store.get(m["sha256"]) if m["sha256"] else None
        return PublishedDocument(m["filename"], data, m["status"], m["note"], m["position"], m["original"])

    def put(self, att: Attachment, needles: list[str], doc: PublishedDocument | None, refused: str = "") -> None:
        """Keep the prepared document (or the guard's refusal of it) for this attachment and these strings."""
        digest = self.store.put(doc.data) if doc is not None and doc.status == PUBLISHED and doc.data else None
        manifest = {"refused": refused} if doc is None else {
            "filename": doc.filename, "sha256": digest, "status": doc.status, "note": doc.note,
            "position": doc.position, "original": doc.original}
        path = self._manifest(_key(att, needles))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp.{os.getpid()}")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


def _candidates(s) -> list[Item]:
    """On-list items of open or released lists that have a scanned attachment: what may be shown publicly or
    previewed by the griffie."""
    scans = select(Attachment.message_id).where(
        Attachment.status.in_(PUBLISHABLE), or_(Attachment.ocr.is_(True), Attachment.content_type.like("image/%")))
    q = (select(Item).where(Item.on_list.is_(True), Item.meeting_id.is_not(None), Item.message_id.in_(scans))
         .options(selectinload(Item.message).selectinload(Message.attachments), selectinload(Item.privacy_verdicts),
                  selectinload(Item.meeting)))
    return [i for i in s.scalars(q) if i.meeting.status == "open" or is_released(i.meeting)]


def prepare_pending(app) -> int:
    """The worker's pass: redact every scan that a public page may ask for and that is not prepared for the
    strings forbidden now. Returns how many were prepared. An item not yet scanned for personal data waits."""
    prepared = Prepared(app.settings.registry.data_dir)
    done = 0
    with app.sessions() as s:
        for item in _candidates(s):
            try:
                needles = forbidden_for_item(item, with_mail=True)
            except PublicationRefused:
                continue  # not scanned yet (or its mail unreadable): nothing about it is published
            todo = [a for a in item.message.attachments if needs_ocr(a) and prepared.get(a, needles) is None]
            if not todo:
                continue
            parsed = source_message(app, item)
            for att in todo:
                try:
                    prepared.put(att, needles, redacted_document(app, item, att, parsed, needles))
                except PublicationRefused as e:  # the guard refused: the page says so, like any refusal
                    log.warning("stuk %s, bijlage %s: %s", item.registration_number, att.position + 1, e)
                    prepared.put(att, needles, None, str(e))
                done += 1
    return done


def preparer(app, stop: threading.Event, every_s: float = PREPARE_TICK_S) -> threading.Thread:
    """A daemon thread of the web server that runs the pass every `every_s` seconds until `stop` is set (the
    registry side of ingest and watch does not load the redaction libraries)."""
    def tick() -> None:
        while True:
            try:
                prepare_pending(app)
            except Exception:  # a broken scan or a busy database: logged, tried again next tick
                log.exception("geanonimiseerde scans voorbereiden mislukt")
            if stop.wait(every_s):
                return

    thread = threading.Thread(target=tick, name="prepare-scans", daemon=True)
    thread.start()
    return thread
