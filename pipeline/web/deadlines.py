"""The page 'Termijnen': verlopen, binnenkort (within the profile's days) and open terms, downloads, closing by hand."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for

from pipeline.deadlines.export import BUCKET_WORDS, KIND_WORDS, to_csv, to_docx
from pipeline.deadlines.service import close, overview
from pipeline.deadlines.terms import load_terms
from pipeline.lists.profiles import active_profile, council_name
from pipeline.privacy.guard import PublicationRefused
from pipeline.registry.models import Deadline
from pipeline.web.auth import current_user, require

deadlines_bp = Blueprint("deadlines", __name__)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _rows(include_closed: bool = False):
    """Read only (a GET never changes the registry): the worker's pass after filing keeps the terms up to date."""
    app = current_app.extensions["griffiepost"]
    terms = load_terms(app.settings.rules_dir, app.settings.profile.name)
    s = app.sessions()
    return app, s, overview(s, date.today(), terms, include_closed), terms


@deadlines_bp.get("/termijnen")
@require("read")
def overview_page():
    include_closed = request.args.get("alle") == "1"
    _app, s, rows, terms = _rows(include_closed)
    with s:
        groups = [(b, BUCKET_WORDS[b], [r for r in rows if r.bucket == b])
                  for b in ("verlopen", "binnenkort", "open", "gesloten", "vervallen")]
        user = current_user()
        return render_template("deadlines.html", groups=groups, kind_words=KIND_WORDS, soon_days=terms.soon_days,
                               include_closed=include_closed, can_close=user is not None and user.can("review"))


@deadlines_bp.get("/termijnen.<fmt>")
@require("read")
def download(fmt: str):
    if fmt not in ("csv", "docx"):
        abort(404)
    app, s, rows, _terms = _rows()
    with s:
        try:
            if fmt == "csv":
                return Response(to_csv(rows), mimetype="text/csv",
                                headers={"Content-Disposition": "attachment; filename=termijnen.csv"})
            profile = active_profile(app.settings)
            content = to_docx(rows, council_name(app.settings, profile), date.today())
        except PublicationRefused as e:
            flash(f"Het overzicht is niet gemaakt: {e}", "error")
            return redirect(url_for("deadlines.overview_page"))
        return Response(content, mimetype=DOCX, headers={"Content-Disposition": "attachment; filename=termijnen.docx"})


@deadlines_bp.post("/termijnen/<int:deadline_id>/sluiten")
@require("review")
def close_by_hand(deadline_id: int):
    app = current_app.extensions["griffiepost"]
    reason = (request.form.get("reason") or "").strip()
    if not reason:
        flash("Geef aan waarom de termijn gesloten wordt.", "error")
        return redirect(url_for("deadlines.overview_page"))
    user = current_user()
    with app.sessions.begin() as s:
        d = s.get(Deadline, deadline_id)
        if d is None:
            abort(404)
        if d.status == "open":
            close(s, d, f"Met de hand gesloten door {user.name}: {reason}", user.name)
            flash(f"Termijn van stuk {d.item.registration_number} gesloten.", "ok")
    return redirect(url_for("deadlines.overview_page"))
