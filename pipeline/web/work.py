"""Working together in the web UI: assign an item, internal notes, 'mijn stukken' (POSTs with CSRF)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, request, url_for

from pipeline.errors import GriffieError
from pipeline.work import add_note, assign
from pipeline.web.auth import current_user, require

work_bp = Blueprint("work", __name__)


def _sessions() -> Any:
    return current_app.extensions["griffiepost"].sessions


@work_bp.post("/stukken/<int:item_id>/toewijzen")
@require("review")
def assign_item(item_id: int) -> Any:
    wanted = request.form.get("to", "")
    if request.form.get("me"):
        wanted = current_user().name
    try:
        with _sessions().begin() as s:
            to = assign(s, item_id, wanted, current_user().name)
        flash(f"Toegewezen aan {to}." if to else "Toewijzing opgeheven.", "ok")
    except GriffieError as e:
        flash(str(e), "error")
    return redirect(url_for("review.item", item_id=item_id) + "#samenwerken")


@work_bp.post("/stukken/<int:item_id>/notities")
@require("review")
def add_item_note(item_id: int) -> Any:
    try:
        with _sessions().begin() as s:
            add_note(s, item_id, current_user().name, request.form.get("text", ""))
        flash("Notitie opgeslagen.", "ok")
    except GriffieError as e:
        flash(str(e), "error")
    return redirect(url_for("review.item", item_id=item_id) + "#samenwerken")


@work_bp.get("/mijn-stukken")
@require("read")
def mine() -> Any:
    return redirect(url_for("review.inbox", toegewezen=current_user().name))
