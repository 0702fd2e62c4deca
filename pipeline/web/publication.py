"""Public pages of one item: its redacted text, and the redacted PDF of each attachment (all through the guard)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template_string, request, url_for

from pipeline.publication import (
    PUBLISHED,
    Publication,
    PublicationRefused,
    found_in_filename,
    publication,
    redact_known,
    redacted_document,
)
from pipeline.errors import GriffieError
from pipeline.lists.release import item_is_public
from pipeline.publication.forbidden import forbidden_for_item
from pipeline.publication.prepared import Prepared, needs_ocr
from pipeline.publication.verdicts import VERDICT_WORDS, mark
from pipeline.privacy.guard import PrivacyLeak, check_public, describe
from pipeline.registry.models import Attachment, Item
from pipeline.web.auth import current_user, require

publication_bp = Blueprint("publication", __name__)

# A page of its own (not the internal layout): it shows only what may be published.
PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stuk {{ pub.registration_number }} (openbaar)</title>
<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}dt{font-weight:bold}</style></head>
<body><main>
{% if preview %}<p role="status"><strong>Voorbeeld voor de griffie: dit stuk is nog niet openbaar</strong> (het staat
niet op een openbaar gemaakte of vastgestelde lijst); bezoekers krijgen 'niet gevonden'.</p>{% endif %}
<h1>Stuk {{ pub.registration_number }}: {{ pub.subject }}</h1>
<p>Openbare versie: persoonsgegevens zijn weggelaten.</p>
<dl><dt>Afzender</dt><dd>{{ pub.sender }}</dd><dt>Datum brief</dt><dd>{{ pub.letter_date or "onbekend" }}</dd></dl>
<h2>Documenten</h2>
<ul>{% for d in documents %}<li>{% if d.published %}<a href="{{ url_for('publication.public_document', item_id=pub.item_id, position=d.position) }}">Bijlage {{ d.position + 1 }} (PDF)</a>{% else %}Bijlage {{ d.position + 1 }}: {{ d.note }}{% endif %}{% if d.original %} ({{ d.original }}){% endif %}</li>{% else %}<li>Geen bijlagen.</li>{% endfor %}</ul>
<h2>Tekst</h2>
<pre>{{ pub.text }}</pre>
</main></body></html>
"""
PUBLISHABLE = ("ok", "ocr")
WITHHELD_WORDS = {"encrypted": "versleuteld", "broken": "beschadigd", "too_large": "te groot",
                  "unsupported": "bestandstype wordt niet gepubliceerd", "timeout": "niet op tijd gelezen"}


def _app() -> Any:
    return current_app.extensions["griffiepost"]


def _preview_allowed() -> bool:
    """Assistants and the griffier may look at the public version of any item before it is released."""
    user = current_user()
    return user is not None and user.can("review")


def _item(s: Any, item_id: int) -> Item:
    """The item when the visitor may see its public version; otherwise the same 404 as a non-existent id."""
    item = s.get(Item, item_id)
    if item is None or not (item_is_public(s, item) or _preview_allowed()):
        abort(404, description=f"Geen stuk gevonden met nummer {item_id}.")
    return item


def _fixed_text() -> str:
    """The page's own text without any item (headings, the note): never a leak of an item."""
    empty = Publication(0, "", "", "", None, "")
    return render_template_string(PAGE, pub=empty, documents=[], preview=False)


def _guarded_page(page: str, needles: list[str], item: Item) -> str:
    try:
        check_public(page, needles, "html", fixed=_fixed_text())
    except PrivacyLeak as leak:
        raise PublicationRefused(f"Publicatie geweigerd: de openbare pagina van stuk {item.registration_number} "
                                 f"bevat nog {describe(leak.forbidden)}.") from leak
    return page


def _refused(e: PublicationRefused) -> Response:
    return Response(str(e), status=409, mimetype="text/plain")


@publication_bp.get("/stukken/<int:item_id>/openbaar")
@require("read")
def public_item(item_id: int) -> Response:
    """The redacted text view; the documents are listed from their status (rendered only when asked for)."""
    app = _app()
    try:
        with app.sessions() as s:
            item = _item(s, item_id)
            pub = publication(app, item, with_documents=False)  # the stored personal data; no parse, no detection
            needles = pub.needles
            documents = [{"position": a.position, "published": a.status in PUBLISHABLE,
                          "note": f"niet gepubliceerd: {WITHHELD_WORDS.get(a.status, a.status)}",
                          "original": redact_known(a.filename or "", needles, found_in_filename(item, a.position))}
                         for a in item.message.attachments]
            preview = not item_is_public(s, item)
        page = render_template_string(PAGE, pub=pub, documents=documents, preview=preview)
        return Response(_guarded_page(page, needles, item), mimetype="text/html")
    except PublicationRefused as e:
        return _refused(e)


@publication_bp.get("/stukken/<int:item_id>/openbaar/<int:position>.pdf")
@require("read")
def public_document(item_id: int, position: int) -> Response:
    """The redacted PDF of attachment <position> (0-based, as in the registry)."""
    app = _app()
    try:
        with app.sessions() as s:
            item = _item(s, item_id)
            att = s.query(Attachment).filter_by(message_id=item.message_id, position=position).one_or_none()
            if att is None:
                abort(404, description="Deze bijlage bestaat niet.")
            if needs_ocr(att):  # a scan: redacted from OCR word boxes in the background (prepared.py), never here
                doc = Prepared(app.settings.registry.data_dir).get(att, forbidden_for_item(item, with_mail=True))
                if doc is None:
                    return Response(f"Bijlage {position + 1} wordt nog geanonimiseerd (de tekstherkenning daarvoor "
                                    "loopt in de verwerking). Probeer het over een minuut opnieuw.", status=503,
                                    mimetype="text/plain", headers={"Retry-After": "60"})
            else:
                doc = redacted_document(app, item, att)
    except PublicationRefused as e:
        return _refused(e)
    if doc.status != PUBLISHED or doc.data is None:
        return Response(f"Bijlage {position + 1}: {doc.note}", status=404, mimetype="text/plain")
    return Response(doc.data, mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{doc.filename}"'})


@publication_bp.post("/stukken/<int:item_id>/persoonsgegevens")
@require("review")
def privacy_verdict(item_id: int) -> Response:
    """A reviewer's verdict on one string: 'geen persoonsgegeven' or 'wel' (redact it); audited."""
    app = _app()
    user = current_user()
    try:
        with app.sessions.begin() as s:
            item = s.get(Item, item_id)
            if item is None:
                abort(404, description=f"Geen stuk gevonden met nummer {item_id}.")
            row = mark(s, item, request.form.get("kind", "person"), request.form.get("text", ""),
                       request.form.get("verdict", ""), user.name if user is not None else "griffie")
            flash(f"'{row.text}' is vastgelegd als {VERDICT_WORDS[row.verdict]}.", "ok")
    except GriffieError as e:
        flash(str(e), "error")
    return redirect(url_for("review.item", item_id=item_id) + "#h-pg")
