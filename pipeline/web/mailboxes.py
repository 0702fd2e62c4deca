"""The mailboxes page: per IMAP account and folder the last poll, the last error and the backlog."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from pipeline.sources.imap_state import status_rows
from pipeline.web.auth import require

mailboxes_bp = Blueprint("mailboxes", __name__)


@mailboxes_bp.get("/postvakken")
@require("read")
def overview():
    app = current_app.extensions["griffiepost"]
    configured = [(a.name, f) for a in app.settings.imap.accounts for f in a.folders]
    return render_template("mailboxes.html", rows=status_rows(app.sessions, configured))
