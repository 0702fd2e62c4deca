"""The review inbox: proposals with their reasons, confirm in one click, correct over the canonical vocabularies."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy import func, select

from pipeline import vocab as words
from pipeline.errors import GriffieError, NotFound
from pipeline.inbox import FILE_MAILBOX, SORTS, InboxQuery, inbox_page, meeting_choices
from pipeline.lists.profiles import active_profile as settings_profile
from pipeline.registry.models import AuditEntry, Decision, Message
from pipeline.registry.truth import PERSON
from pipeline.registry.view import correction_summaries, handling_words, item_view
from pipeline.review import (
    CORRECTABLE,
    REVIEWABLE,
    STATUS_ORDER,
    confirm,
    correct,
    get_item,
)
from pipeline.users import ROLE_LABELS, ROLES, add_user, list_users
from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, SENDER_KINDS, TOPICS
from pipeline.publication.forbidden import NotScanned, found_in_letter
from pipeline.publication.verdicts import KIND_LABELS, VERDICT_WORDS, detected_strings
from pipeline.web.auth import current_user, require, safe_next
from pipeline.web.highlight import highlighted
from pipeline.work import colleagues, notes_of

log = logging.getLogger(__name__)
_ALWAYS_SHOWN = ("needs_review", "triaged", "reviewed")  # filter tabs shown even at zero
review_bp = Blueprint("review", __name__)

# The Dutch words live in one vocabulary (pipeline/vocab.py); these names stay for the templates and tests.
STATUS_WORDS, SENDER_WORDS, KIND_WORDS, FIELD_LABELS = words.STATUS_WORDS, words.SENDER_WORDS, words.KIND_WORDS, \
    words.FIELD_LABELS

def _app():
    return current_app.extensions["griffiepost"]


def active_profile() -> Any:
    """The council profile (its handling words and committees), looked up where every caller looks it up
    (pipeline.lists.profiles); a page shows the canonical words instead when it cannot load, with the reason logged."""
    ext = current_app.extensions
    if "griffiepost_profile" not in ext:
        try:
            ext["griffiepost_profile"] = settings_profile(_app().settings)
            ext["griffiepost_profile_error"] = None
        except GriffieError as e:
            log.warning("profiel niet geladen, de canonieke woorden worden getoond: %s", e)
            ext["griffiepost_profile"], ext["griffiepost_profile_error"] = None, str(e)
    return ext["griffiepost_profile"]


def _vocabularies() -> dict[str, Any]:
    profile = active_profile()
    handling = []
    for code in HANDLINGS:
        local, label = handling_words(profile, code)
        if profile is not None and code in profile.handling_fallbacks:  # shares a code: say which canonical one
            label = f"{label} (standaard: {words.HANDLING_WORDS[code]})"
        handling.append((code, local, label))
    committees = sorted(set(profile.committees.values()) | ({profile.default_committee} - {None})) if profile else []
    return {
        "sender_kinds": [(k, SENDER_WORDS.get(k, k)) for k in SENDER_KINDS],
        "document_kinds": [(k, KIND_WORDS.get(k, k)) for k in DOCUMENT_KINDS],
        "topics": [(t.code, t.label) for t in sorted(TOPICS, key=lambda t: t.label)],
        "handlings": handling,
        "committees": committees,
        "profile": profile,
        "profile_error": current_app.extensions.get("griffiepost_profile_error"),
    }


def _mailboxes() -> list[str]:
    return [a.name for a in _app().settings.imap.accounts] + [FILE_MAILBOX]


def _card_reasons(s: Any, cards: list[Any]) -> dict[int, list[str]]:
    """Each card's reasons as item_view gives them (as filed, then one line per correction), from the reasons the
    page query loaded and one query for the page's corrections: cards are plain rows, not Items."""
    corrections: dict[int, list[Decision]] = {i.id: [] for i in cards}
    rows = select(Decision).where(Decision.item_id.in_(list(corrections)), Decision.source.startswith(PERSON))
    for d in s.scalars(rows):
        corrections[d.item_id].append(d)
    return {i.id: list(i.reasons or []) + correction_summaries(corrections[i.id]) for i in cards}


@review_bp.get("/")
@require("read")
def inbox() -> Any:
    try:
        query = InboxQuery.from_args(request.args)
    except GriffieError as e:
        abort(400, description=str(e))
    with _app().sessions() as s:
        page = inbox_page(s, query, _mailboxes())
        meetings = meeting_choices(s)
        quarantined = s.scalar(select(func.count()).select_from(Message).where(Message.state == "quarantined"))
        reasons_of = _card_reasons(s, page.items)
    counts = {st: page.counts["status"].get(st, 0) for st in STATUS_ORDER if st != "quarantined"}
    counts = {st: n for st, n in counts.items() if n or st in _ALWAYS_SHOWN}
    vocab = _vocabularies()
    return render_template("review/inbox.html", page=page, items=page.items, reasons_of=reasons_of, query=query,
                           counts=counts,
                           status=query.status, total=sum(page.counts["status"].values()), quarantined=quarantined,
                           meetings=meetings, mailboxes=_mailboxes(), sorts=SORTS, file_mailbox=FILE_MAILBOX,
                           topics=vocab["topics"], handlings=vocab["handlings"], sender_kinds=vocab["sender_kinds"],
                           committees=vocab["committees"], profile_error=vocab["profile_error"])


@review_bp.post("/stukken/bevestigen")
@require("review")
def confirm_many() -> Any:
    """Bulk confirm of the items ticked on an inbox page; each is confirmed on its own (one may fail)."""
    ids = [int(x) for x in request.form.getlist("item_id") if x.isdigit() and len(x) < 12]
    back = safe_next(request.form.get("next"))
    if not ids:
        flash("Kies eerst een of meer stukken om te bevestigen.", "error")
        return redirect(back)
    user, done, failed = current_user(), [], []
    for item_id in ids[:200]:
        try:
            with _app().sessions.begin() as s:
                done.append(confirm(s, item_id, user.name).registration_number)
        except GriffieError as e:
            failed.append(str(e))
    if done:
        flash(f"{len(done)} {'stuk' if len(done) == 1 else 'stukken'} bevestigd: {', '.join(done)}.", "ok")
    for message in failed:
        flash(message, "error")
    return redirect(back)


@review_bp.get("/stukken/<int:item_id>")
@require("read")
def item(item_id: int) -> Any:
    with _app().sessions() as s:
        try:
            row = get_item(s, item_id)
        except NotFound as e:
            abort(404, description=str(e))
        decisions = list(s.scalars(select(Decision).where(Decision.item_id == item_id).order_by(Decision.id)))
        meeting = row.meeting
        try:
            personal_data, letter_spans, not_scanned = detected_strings(row), found_in_letter(row), None
        except NotScanned as e:  # an old registry's item waiting for the worker's scan: shown without marks
            personal_data, letter_spans, not_scanned = [], [], str(e)
        notes, people = notes_of(s, item_id), colleagues(s)
        pieces = highlighted(row.text or "", letter_spans, {v.key: v.verdict for v in row.privacy_verdicts})
        attachments = list(row.message.attachments) if row.message is not None else []
        sender_address = row.message.from_address if row.message is not None else None
        doc = item_view(row, active_profile()).as_json()
    user = current_user()
    return render_template("review/item.html", item=row, doc=doc, decisions=decisions,
                           meeting=meeting, personal_data=personal_data, not_scanned=not_scanned,
                           verdict_words=VERDICT_WORDS,
                           kind_labels=KIND_LABELS, can_review=user is not None and user.can("review"),
                           notes=notes, colleagues=people, pieces=pieces, attachments=attachments,
                           sender_address=sender_address,
                           **_vocabularies())


def _back(item_id: int) -> Any:
    return redirect(safe_next(request.form.get("next")) if request.form.get("next")
                    else url_for("review.item", item_id=item_id))


@review_bp.post("/stukken/<int:item_id>/bevestigen")
@require("review")
def confirm_item(item_id: int) -> Any:
    user = current_user()
    try:
        with _app().sessions.begin() as s:
            result = confirm(s, item_id, user.name)
    except GriffieError as e:
        flash(str(e), "error")
        return _back(item_id)
    flash(f"Stuk {result.registration_number} bevestigd.", "ok")
    return _back(item_id)


@review_bp.post("/stukken/<int:item_id>/corrigeren")
@require("review")
def correct_item(item_id: int) -> Any:
    user = current_user()
    fields = {name: request.form[name] for name in CORRECTABLE if name in request.form}
    try:
        with _app().sessions.begin() as s:
            result = correct(s, item_id, user.name, profile=active_profile(), note=request.form.get("note"),
                             **fields)
    except GriffieError as e:
        flash(str(e), "error")
        return _back(item_id)
    if result.changes:
        words = ", ".join(FIELD_LABELS.get(CORRECTABLE[n], n).lower() for n in result.changes)
        flash(f"Stuk {result.registration_number} gecorrigeerd: {words}.", "ok")
    else:
        flash(f"Stuk {result.registration_number}: niets gewijzigd, voorstel bevestigd.", "ok")
    return _back(item_id)


@review_bp.get("/quarantaine")
@require("read")
def quarantine() -> Any:
    with _app().sessions() as s:
        rows = list(s.scalars(select(Message).where(Message.state == "quarantined").order_by(Message.id)))
    return render_template("review/quarantine.html", messages=rows)


@review_bp.post("/quarantaine/opnieuw")
@require("retry")
def retry_quarantined() -> Any:
    ids = [int(x) for x in request.form.getlist("message_id") if x.isdigit()]
    if not ids:
        flash("Kies eerst een of meer berichten.", "error")
        return redirect(url_for("review.quarantine"))
    app = _app()
    with app.sessions.begin() as s:
        s.add(AuditEntry(actor=current_user().name, action="retry_requested", detail={"ids": ids}))
    # queued, not run here: reading (OCR) and judging (spaCy) take seconds to minutes and belong to the worker
    # (`griffiepost watch` picks the queue up within imap.poll_interval_s; `retry` and `ingest` at once)
    requeued = app.worker.requeue_quarantined(ids)
    flash(f"{requeued} {'bericht staat' if requeued == 1 else 'berichten staan'} weer in de wachtrij; "
          "de verwerking op de achtergrond pakt ze op.", "ok")
    return redirect(url_for("review.quarantine"))


@review_bp.route("/gebruikers", methods=["GET", "POST"])
@require("manage_users")
def users() -> Any:
    if request.method == "POST":
        try:
            with _app().sessions.begin() as s:
                add_user(s, request.form.get("name", ""), request.form.get("role", ""),
                         request.form.get("password", ""), actor=current_user().name)
            flash(f"Gebruiker {request.form.get('name', '').strip()} toegevoegd.", "ok")
            return redirect(url_for("review.users"))
        except GriffieError as e:
            flash(str(e), "error")
    with _app().sessions() as s:
        rows = list_users(s)
    return render_template("review/users.html", users=rows, roles=[(r, ROLE_LABELS[r]) for r in ROLES])


@review_bp.record_once
def _aliases(state: Any) -> None:
    """Keep the first page's endpoint names ('inbox', 'item_detail') working for other templates."""
    web: Flask = state.app
    web.add_url_rule("/", "inbox", inbox)
    web.add_url_rule("/stukken/<int:item_id>", "item_detail", item)


def template_helpers() -> dict[str, Any]:
    return {"status_words": STATUS_WORDS, "sender_words": SENDER_WORDS, "kind_words": KIND_WORDS,
            "field_labels": FIELD_LABELS, "reviewable": REVIEWABLE, "source_word": words.source_word,
            "attachment_status_word": words.attachment_status_word, "bool_word": lambda v: "ja" if v else "nee"}


@review_bp.app_template_filter("decision_value")
def decision_value_filter(value: Any, field: str) -> str:
    """A stored decision value in words: 'verkeer' for c_849842ac, the council's words for a handling code."""
    return words.decision_value(field, value, handling_filter)


@review_bp.app_template_filter("handling")
def handling_filter(code: str | None) -> str:
    """The council's own code and words for a canonical handling code ("a — voor kennisgeving aannemen")."""
    if not code:
        return "—"
    local, label = handling_words(active_profile(), code)
    return label if local == code else f"{local} — {label}"


@review_bp.app_context_processor
def _inject() -> dict[str, Any]:
    return template_helpers()
