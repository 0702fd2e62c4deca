"""The original beside the proposal: the kept mail and each attachment, inline, for reviewers only.

Served with a content type chosen from the bytes (never the sender's claim), `nosniff`, `Content-Disposition:
inline` for what a browser shows safely (PDF, PNG, JPEG, the mail as plain text) and `attachment` for the rest,
and a policy without script. Visitors never reach these routes: they are not public endpoints.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app

from pipeline.publication.documents import attachment_bytes, source_message
from pipeline.registry.models import Attachment, Item
from pipeline.web.auth import DOCUMENT_CSP, require

originals_bp = Blueprint("originals", __name__)
# Magic bytes -> (content type, suffix); anything else is offered as a download, never rendered.
INLINE_TYPES = ((b"%PDF-", "application/pdf", "pdf"), (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
                (b"\xff\xd8\xff", "image/jpeg", "jpg"))


def _app() -> Any:
    return current_app.extensions["griffiepost"]


def _respond(data: bytes, content_type: str, disposition: str, name: str) -> Response:
    return Response(data, content_type=content_type, headers={
        "Content-Disposition": f'{disposition}; filename="{name}"', "Content-Security-Policy": DOCUMENT_CSP,
        "Cache-Control": "private, no-store"})


def _kept_or_404(app: Any, item: Item) -> None:
    if not app.store.has(item.message.sha256):
        abort(404, description=f"Het oorspronkelijke bericht van stuk {item.registration_number} is niet (meer) "
                               f"bewaard in de opslag van dit register.")


def sniffed(data: bytes) -> tuple[str, str] | None:
    return next(((ctype, suffix) for magic, ctype, suffix in INLINE_TYPES if data.startswith(magic)), None)


@originals_bp.get("/stukken/<int:item_id>/origineel")
@require("review")
def original_mail(item_id: int) -> Response:
    """The mail exactly as kept, shown as plain text (headers and MIME parts), so nothing in it runs."""
    app = _app()
    with app.sessions() as s:
        item = s.get(Item, item_id) or abort(404, description=f"Geen stuk gevonden met nummer {item_id}.")
        _kept_or_404(app, item)
        raw, number = app.store.get(item.message.sha256), item.registration_number
    return _respond(raw.decode("utf-8", errors="replace").encode("utf-8"), "text/plain; charset=utf-8", "inline",
                    f"stuk-{number}-origineel.eml.txt")


@originals_bp.get("/stukken/<int:item_id>/bijlagen/<int:position>")
@require("review")
def original_attachment(item_id: int, position: int) -> Response:
    """One attachment as received (an encrypted PDF too: the browser asks for its password)."""
    app = _app()
    with app.sessions() as s:
        item = s.get(Item, item_id) or abort(404, description=f"Geen stuk gevonden met nummer {item_id}.")
        att = s.query(Attachment).filter_by(message_id=item.message_id, position=position).one_or_none()
        if att is None:
            abort(404, description=f"Stuk {item.registration_number} heeft geen bijlage {position + 1}.")
        _kept_or_404(app, item)
        data = attachment_bytes(source_message(app, item), att)
        number = item.registration_number
    if data is None:
        abort(404, description="De bijlage is niet meer in het bewaarde bericht te vinden.")
    kind = sniffed(data)
    # The file name comes from the registry's number, never the sender's (a name may hold a path or a person).
    if kind is None:
        return _respond(data, "application/octet-stream", "attachment", f"stuk-{number}-bijlage-{position + 1}.bin")
    return _respond(data, kind[0], "inline", f"stuk-{number}-bijlage-{position + 1}.{kind[1]}")
