"""The acknowledgement on the item page: its state and reason, preview and edit, send or skip, the sent mail."""

from __future__ import annotations

from datetime import datetime, timezone

from flask import Blueprint, Response, abort, current_app, flash, redirect, url_for
from flask import request
from sqlalchemy import select

from pipeline.acknowledge.outbox import plan, send_due
from pipeline.acknowledge.policy import load_policy
from pipeline.errors import GriffieError
from pipeline.lists.profiles import active_profile
from pipeline.registry.models import Acknowledgement, AuditEntry, Deadline, Item
from pipeline.vocab import ACK_STATUS_WORDS
from pipeline.web.auth import current_user, require

acknowledge_bp = Blueprint("acknowledge", __name__)


def _app():
    return current_app.extensions["griffiepost"]


def _policy():
    app = _app()
    return load_policy(app.settings.rules_dir, app.settings.profile.name)


@acknowledge_bp.app_context_processor
def _helpers():
    def acknowledgements_for(item_id: int) -> list[Acknowledgement]:
        with _app().sessions() as s:
            rows = list(s.scalars(select(Acknowledgement).where(Acknowledgement.item_id == item_id)
                                  .order_by(Acknowledgement.id)))
            for a in rows:
                s.expunge(a)
            return rows

    def deadlines_for(item_id: int) -> list[Deadline]:
        with _app().sessions() as s:
            rows = list(s.scalars(select(Deadline).where(Deadline.item_id == item_id).order_by(Deadline.id)))
            for d in rows:
                s.expunge(d)
            return rows

    return {"acknowledgements_for": acknowledgements_for, "ack_status_words": ACK_STATUS_WORDS,
            "deadlines_for": deadlines_for}


def _back(item_id: int):
    return redirect(url_for("review.item", item_id=item_id) + "#ontvangstbevestiging")


def _ack(s, item_id: int, ack_id: int) -> Acknowledgement:
    ack = s.get(Acknowledgement, ack_id)
    if ack is None or ack.item_id != item_id:
        abort(404)
    return ack


@acknowledge_bp.post("/stukken/<int:item_id>/ontvangstbevestiging")
@require("review")
def draft(item_id: int):
    app, policy = _app(), _policy()
    if not policy.from_address:
        flash("Ontvangstbevestigingen zijn niet ingesteld in het profiel ([acknowledge]).", "error")
        return _back(item_id)
    with app.sessions.begin() as s:
        item = s.get(Item, item_id)
        if item is None:
            abort(404)
        try:
            ack = plan(s, item, policy, active_profile(app.settings), app.store, actor=current_user().name,
                       mode="draft")
        except GriffieError as e:
            flash(str(e), "error")
            return _back(item_id)
        flash(ack.reason or "Concept opgesteld.", "ok" if ack.status != "skipped" else "error")
    return _back(item_id)


@acknowledge_bp.post("/stukken/<int:item_id>/ontvangstbevestiging/<int:ack_id>")
@require("review")
def act(item_id: int, ack_id: int):
    """One form, three buttons: opslaan (save the edit), versturen (save and send), overslaan (skip). For one that
    is 'mogelijk verzonden' the assistant, having checked, marks it verstuurd or sends it again on purpose."""
    app, policy, user = _app(), _policy(), current_user()
    action = request.form.get("action")
    with app.sessions.begin() as s:
        ack = _ack(s, item_id, ack_id)
        if ack.status not in ("draft", "queued", "failed", "uncertain") or \
                action == "verzonden" and ack.status != "uncertain":
            flash("Deze ontvangstbevestiging is al verstuurd of overgeslagen.", "error")
            return _back(item_id)
        if action in ("opslaan", "versturen") and ack.raw_sha256 is None:
            ack.subject = (request.form.get("subject") or ack.subject).strip()
            ack.body = (request.form.get("body") or ack.body).replace("\r\n", "\n")
        if action == "overslaan":
            ack.status = "skipped"
            ack.reason = f"Overgeslagen door {user.name}."
        elif action == "versturen":
            ack.status = "queued"
            ack.next_attempt_at = None
        elif action == "verzonden":  # the assistant found it in the server's sent mail or the writer confirmed
            ack.status = "sent"
            ack.sent_at = ack.sent_at or datetime.now(timezone.utc)
            ack.reason = f"Mogelijk verzonden; gecontroleerd en als verstuurd gemarkeerd door {user.name}."
        s.add(AuditEntry(actor=user.name, action=f"acknowledgement_{action}", item_id=item_id,
                         detail={"acknowledgement_id": ack_id}))
    if action == "versturen":
        if send_due(app.sessions, policy, app.settings.smtp, app.store, datetime.now(timezone.utc)):
            flash("Ontvangstbevestiging verstuurd.", "ok")
        else:
            flash("De ontvangstbevestiging staat klaar; de worker verstuurt hem zodra de SMTP-server bereikbaar is.",
                  "ok")
    return _back(item_id)


@acknowledge_bp.get("/stukken/<int:item_id>/ontvangstbevestiging.eml")
@require("read")
def raw(item_id: int):
    """The item's acknowledgement exactly as it went out (an item has at most one that was sent)."""
    app = _app()
    with app.sessions() as s:
        ack = s.scalar(select(Acknowledgement).where(Acknowledgement.item_id == item_id,
                                                     Acknowledgement.raw_sha256.is_not(None))
                       .order_by(Acknowledgement.id.desc()))
        if ack is None:
            abort(404)
        data = app.store.get(ack.raw_sha256)
    return Response(data, mimetype="message/rfc822",
                    headers={"Content-Disposition": f"attachment; filename=ontvangstbevestiging-{item_id}.eml"})
