"""User management by a griffier: role, disable/enable, remove, password reset (POSTs with CSRF, audited)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, request, url_for

from pipeline.errors import GriffieError
from pipeline.users import ROLE_LABELS, remove_user, set_disabled, set_password, set_role
from pipeline.web.auth import current_user, require

accounts_bp = Blueprint("accounts", __name__)


@accounts_bp.post("/gebruikers/<name>/wijzigen")
@require("manage_users")
def change_user(name: str) -> Any:
    action, actor = request.form.get("action", ""), current_user().name
    try:
        with current_app.extensions["griffiepost"].sessions.begin() as s:
            if action == "role":
                role = request.form.get("role", "")
                set_role(s, name, role, actor=actor)
                done = f"{name} heeft nu de rol {ROLE_LABELS.get(role, role)}."
            elif action in ("disable", "enable"):
                set_disabled(s, name, action == "disable", actor=actor)
                done = f"{name} is {'uitgeschakeld' if action == 'disable' else 'weer ingeschakeld'}."
            elif action == "password":
                set_password(s, name, request.form.get("password", ""), actor=actor)
                done = f"Nieuw wachtwoord voor {name} ingesteld; lopende sessies van {name} zijn beëindigd."
            elif action == "remove":
                if name == actor:
                    raise GriffieError("U kunt uzelf niet verwijderen.")
                remove_user(s, name, actor=actor)
                done = f"{name} is verwijderd."
            else:
                raise GriffieError("Onbekende actie.")
        flash(done, "ok")
    except GriffieError as e:
        flash(str(e), "error")
    return redirect(url_for("review.users"))
