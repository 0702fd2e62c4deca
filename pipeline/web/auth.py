"""Login, logout, the current user, role checks and a per-session CSRF token for every POST form."""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from pipeline.registry.models import AuditEntry, User
from pipeline import throttle
from pipeline.users import ROLE_LABELS, authenticate, can, end_sessions, hash_password, verify_password
from pipeline.web.proxies import client_address

__all__ = ["auth_bp", "current_user", "hash_password", "init_auth", "require", "verify_password"]

auth_bp = Blueprint("auth", __name__)
# Without require_login (a local demo on one machine) the visitor may do everything under this name;
# with it, only users who logged in.
LOCAL_USER = ("lokaal", "griffier")
OPEN_ENDPOINTS = {"auth.login", "static", "health"}
# The anonymised pages (they pass the privacy guard); open to visitors only when web.public_pages = true.
PUBLIC_ENDPOINTS = {"lists.public_page", "lists.public_download", "publication.public_item",
                    "publication.public_document"}
VISITOR = ("bezoeker", "lezer")


@dataclass(frozen=True)
class CurrentUser:
    name: str
    role: str
    logged_in: bool

    def can(self, action: str) -> bool:
        return can(self.role, action)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def _app():
    return current_app.extensions["griffiepost"]


def current_user() -> CurrentUser | None:
    return g.get("user")


def csrf_token() -> str:
    """The session's CSRF token, made on first use."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def _load_user() -> None:
    g.user = None
    name = session.get("user")
    if name:
        with _app().sessions() as s:
            row = s.query(User).filter_by(name=name).one_or_none()
        # A user removed, disabled, given another role, logged out elsewhere or with a new password since this
        # session began: the session follows the registry (server-side session versions).
        if row is not None and not row.disabled and session.get("role") == row.role \
                and session.get("ver") == row.session_version:
            g.user = CurrentUser(row.name, row.role, True)
        else:
            session.pop("user", None)
    if g.user is None and not _app().settings.web.require_login:
        g.user = CurrentUser(*LOCAL_USER, logged_in=False)


def _check_csrf() -> None:
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent, expected):
        abort(400, description="Het formulier is verlopen of niet van deze site (CSRF-controle). "
                               "Laad de pagina opnieuw en probeer het nog eens.")


def _before_request() -> Any:
    _load_user()
    _check_csrf()
    if request.endpoint in OPEN_ENDPOINTS or g.user is not None:
        return None
    if request.endpoint in PUBLIC_ENDPOINTS and _app().settings.web.public_pages:
        g.user = CurrentUser(*VISITOR, logged_in=False)  # for this request only: read the public version
        return None
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def require(action: str) -> Callable:
    """A view decorator: the current user's role must allow the action, else 403 with a Dutch sentence."""

    def wrap(view: Callable) -> Callable:
        @functools.wraps(view)
        def inner(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None:
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            if not user.can(action):
                abort(403, description=f"Uw rol ({user.role_label}) mag dit niet.")
            return view(*args, **kwargs)

        return inner

    return wrap


def safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host) is followed after login."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("inbox")


@auth_bp.route("/inloggen", methods=["GET", "POST"])
def login() -> Any:
    error, status = None, 200
    if request.method == "POST":
        name = request.form.get("name", "").strip()
        password = request.form.get("password", "")
        address = client_address(request.remote_addr, request.headers.getlist("X-Forwarded-For"),
                                 _app().settings.web.trusted_proxies)
        with _app().sessions.begin() as s:
            wait = throttle.blocked_for(s, name, address)
            if wait:  # refused before the password is even looked at: a right guess counts for nothing now
                s.add(AuditEntry(actor=name or "?", action="login_refused_throttled",
                                 detail={"remote": address, "wait_seconds": wait}))
                user = None
            else:
                user = authenticate(s, name, password) if name and password else None
                s.add(AuditEntry(actor=name or "?", action="login" if user else "login_failed",
                                 detail={"remote": address}))
                if user is not None:
                    throttle.record_success(s, name, address)
                    role, version = user.role, user.session_version
                else:
                    throttle.record_failure(s, name, address)
        if wait:
            error, status = (f"Te veel mislukte pogingen. Probeer het over {wait} seconden opnieuw.", 429)
        elif user is not None:
            session.clear()  # a fresh session (and CSRF token) after login: no fixation
            session["user"], session["role"], session["ver"] = name, role, version
            session.permanent = False
            flash(f"Ingelogd als {name}.", "ok")
            return redirect(safe_next(request.form.get("next")))
        else:
            error, status = "Onbekende gebruikersnaam of onjuist wachtwoord.", 401
    return render_template("review/login.html", error=error, next=request.values.get("next", "")), status


@auth_bp.post("/uitloggen")
def logout() -> Any:
    user = current_user()
    session.clear()
    if user is not None and user.logged_in:
        with _app().sessions.begin() as s:
            row = s.query(User).filter_by(name=user.name).one_or_none()
            if row is not None:
                end_sessions(row)  # logging out ends every session of this user, also a copied cookie
            s.add(AuditEntry(actor=user.name, action="logout", detail={}))
    flash("U bent uitgelogd.", "ok")
    return redirect(url_for("auth.login"))


def _error_page(error: Any) -> Any:
    code = getattr(error, "code", 500)
    titles = {400: "Ongeldig verzoek", 403: "Geen toegang", 404: "Niet gevonden", 405: "Niet toegestaan",
              500: "Er ging iets mis"}
    if code == 500:  # never the exception text: it may hold anything
        return render_template("review/error.html", title=titles[500],
                               message="Er ging op de server iets mis. Probeer het later opnieuw; blijft het "
                                       "gebeuren, meld het dan aan de beheerder."), 500
    return render_template("review/error.html", title=titles.get(code, "Fout"),
                           message=getattr(error, "description", str(error))), code


# No inline script or style anywhere (scripts are files under /static); forms post only to this site.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

# A downloaded document (standalone list, original PDF): no script, its own inline style only.
DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"


def security_headers(response: Any) -> Any:
    """Headers on every response; an inline original (a PDF) sets its own stricter policy first."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _app_of(web: Flask) -> Any:
    return web.extensions["griffiepost"]


def _refuse_huge_ids(endpoint: str | None, values: dict | None) -> None:
    """An id beyond what the database stores (20 digits) is simply not found, never an overflow and a 500."""
    if any(isinstance(v, int) and not 0 <= v < 2**62 for v in (values or {}).values()):
        abort(404, description="Dit nummer bestaat niet.")


def init_auth(web: Flask) -> None:
    """Wire login, CSRF and the error pages into the app (called once from create_app)."""
    web.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=_app_of(web).settings.web.secure_cookies)
    web.before_request(_before_request)
    web.after_request(security_headers)
    web.url_value_preprocessor(_refuse_huge_ids)
    web.register_blueprint(auth_bp)
    web.jinja_env.globals.update(csrf_token=csrf_token, current_user=current_user)
    for code in (400, 403, 404, 405, 500):
        web.register_error_handler(code, _error_page)
